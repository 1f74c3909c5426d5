using CampaignDesk.Core;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Hosting;

namespace CampaignDesk.Api.Cli;

/// <summary>Command-line verbs: <c>dotnet run --project src/CampaignDesk.Api -- VERB [options]</c>.</summary>
internal static class Commands
{
    public static Func<string[], Task<int>>? TryGet(string[] args) => args.FirstOrDefault() switch
    {
        "migrate" => MigrateAsync,
        "import" => ImportAsync,
        _ => null,
    };

    /// <summary>Imports each file (RNE, Assemblée, Datan, Sénat) as one run and prints its report; exit 1 if any failed.</summary>
    private static async Task<int> ImportAsync(string[] args)
    {
        var files = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (files.Count == 0)
        {
            await Console.Error.WriteLineAsync("Usage: dotnet run --project src/CampaignDesk.Api -- import FILE...");
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

            var imports = host.Services.GetRequiredService<CampaignDesk.Core.Import.ImportService>();
            foreach (var file in files)
            {
                if (!File.Exists(file))
                {
                    await Console.Error.WriteLineAsync($"{file}: no such file.");
                    status = 1;
                    continue;
                }

                try
                {
                    var report = await imports.ImportAsync(() => File.OpenRead(file), Path.GetFileName(file), CancellationToken.None);
                    Console.WriteLine(ImportSummary.Format(report));
                    status = report.Status == "succeeded" ? status : 1;
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

    /// <summary>Applies pending migrations and exits, for deployments that set Database:MigrateOnStart=false.</summary>
    private static async Task<int> MigrateAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Services.AddCampaignDeskCore();
        using var host = builder.Build();
        try
        {
            var runner = host.Services.GetRequiredService<MigrationRunner>();
            var applied = await runner.MigrateAsync();
            Console.WriteLine($"Database at schema version {runner.LatestVersion} ({applied} migration(s) applied).");
            return 0;
        }
        catch (Exception ex) when (HostRunner.IsStartupProblem(ex))
        {
            await Console.Error.WriteLineAsync($"CampaignDesk cannot migrate: {ex.Message}");
            return 1;
        }
    }
}
