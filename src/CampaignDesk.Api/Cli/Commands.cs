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
        _ => null,
    };

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
