using CampaignDesk.Core;
using CampaignDesk.Core.Hosting;
using CampaignDesk.Core.Import;

namespace CampaignDesk.Api.Cli;

/// <summary>
/// The import verbs' common loop (<c>import</c>, <c>import-parliament</c>): a host on the remaining arguments, its start-up
/// tasks (migrations), then each file — a folder as the zip it came in, one run — imported and its report printed; exit 1
/// if any file is missing, unreadable or not imported.
/// </summary>
internal static class ImportFiles
{
    public static async Task<int> RunAsync(string[] hostArgs, IReadOnlyList<string> files,
        Func<IServiceProvider, Func<Stream>, string, Task<ImportReport>> import)
    {
        var builder = Host.CreateApplicationBuilder(hostArgs);
        builder.Services.AddCampaignDeskCore();
        using var host = builder.Build();
        var status = 0;
        try
        {
            foreach (var task in host.Services.GetServices<IStartupTask>())
            {
                await task.RunAsync(CancellationToken.None);
            }

            foreach (var file in files)
            {
                if (!File.Exists(file) && !Directory.Exists(file))
                {
                    await Console.Error.WriteLineAsync($"{file}: no such file.");
                    status = 1;
                    continue;
                }

                // A folder (the Assemblée's files unzipped) is imported as the zip it came in: one run.
                using var folder = Directory.Exists(file) ? FolderArchive.Create(file) : null;
                var path = folder?.Path ?? file;
                try
                {
                    var report = await import(host.Services, () => File.OpenRead(path), folder?.Name ?? Path.GetFileName(file));
                    Console.WriteLine(ImportSummary.Format(report));
                    status = report.Status is "succeeded" or "dry_run" ? status : 1;
                }
                catch (InvalidDataException ex)
                {
                    await Console.Error.WriteLineAsync(ex.Message);
                    status = 1;
                }
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
