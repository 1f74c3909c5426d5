using CampaignDesk.Core;
using CampaignDesk.Core.Hosting;
using CampaignDesk.Core.Parliament;

namespace CampaignDesk.Api.Cli;

/// <summary>
/// <c>import-parliament FILE...</c>: imports the Assemblée's questions, amendments or votes — a JSON file, a zip of them as
/// the Assemblée publishes them, or a folder of them — or the Sénat's questions (its CSV export), each as one run, and prints
/// its report; exit 1 if any failed.
/// </summary>
internal static class ParliamentCommand
{
    public static async Task<int> ImportAsync(string[] args)
    {
        var files = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (files.Count == 0)
        {
            await Console.Error.WriteLineAsync("Usage: dotnet run --project src/CampaignDesk.Api -- import-parliament FILE_OR_FOLDER...");
            return 2;
        }

        var builder = Host.CreateApplicationBuilder(args[files.Count..]);
        builder.Services.AddCampaignDeskCore();
        using var host = builder.Build();
        var status = 0;
        try
        {
            foreach (var task in host.Services.GetServices<IStartupTask>())
            {
                await task.RunAsync(CancellationToken.None);
            }

            var imports = host.Services.GetRequiredService<ParliamentImportService>();
            foreach (var file in files)
            {
                if (!File.Exists(file) && !Directory.Exists(file))
                {
                    await Console.Error.WriteLineAsync($"{file}: no such file.");
                    status = 1;
                    continue;
                }

                using var folder = Directory.Exists(file) ? FolderArchive.Create(file) : null;
                var path = folder?.Path ?? file;
                var report = await imports.ImportAsync(() => File.OpenRead(path), folder?.Name ?? Path.GetFileName(file), CancellationToken.None);
                Console.WriteLine(ImportSummary.Format(report));
                status = report.Status == "succeeded" ? status : 1;
            }

            return status;
        }
        catch (Exception ex) when (HostRunner.IsStartupProblem(ex))
        {
            await Console.Error.WriteLineAsync($"CampaignDesk cannot import: {ex.Message}");
            return 1;
        }
    }
}
