using CampaignDesk.Core.Hosting;
using CampaignDesk.Core.Seed;
using CampaignDesk.Core.Territories;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CampaignDesk.Core.Data;

/// <summary>
/// Brings the database to the current schema and seeds reference data, once, before anything else runs: as a
/// start-up task under <see cref="HostRunner"/>, and as the first hosted service for hosts started otherwise.
/// </summary>
public sealed class DatabaseStartup(MigrationRunner migrations, TerritoryLoader territories, OrganisationSeeder seeder, OfficialSeeder officials, CampaignSeeder campaign,
    ParliamentSeeder parliament,
    IOptions<DatabaseOptions> database,
    IOptions<SeedOptions> seed, IOptions<DatabaseStartupOptions>? startup = null) : IHostedService, IStartupTask, IDisposable
{
    private readonly SemaphoreSlim _once = new(1, 1);
    private bool _done;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await _once.WaitAsync(cancellationToken);
        try
        {
            if (_done)
            {
                return;
            }

            if (startup?.Value.CheckOnly == true)
            {
                await CheckSchemaAsync(cancellationToken);
                _done = true;
                return;
            }

            if (database.Value.MigrateOnStart)
            {
                await migrations.MigrateAsync(cancellationToken);
            }

            // Reference data, needed by validation whether or not demo data is seeded.
            await territories.LoadAsync(cancellationToken);

            if (seed.Value.Enabled)
            {
                await seeder.SeedAsync(cancellationToken);
                if (seed.Value.Officials)
                {
                    await officials.SeedAsync(cancellationToken);
                }

                if (seed.Value.Campaign)
                {
                    var demo = await campaign.SeedAsync(cancellationToken);
                    if (seed.Value.Parliament)
                    {
                        await parliament.SeedAsync(demo, cancellationToken);
                    }
                }
            }

            _done = true;
        }
        finally
        {
            _once.Release();
        }
    }

    private async Task CheckSchemaAsync(CancellationToken cancellationToken)
    {
        var status = await migrations.GetStatusAsync(cancellationToken);
        if (!status.IsCurrent)
        {
            throw new StartupException($"the database is at schema version {status.CurrentVersion} and this build needs {status.LatestVersion}. " +
                "Run `dotnet run --project src/CampaignDesk.Api -- migrate` (or start the API, which migrates and seeds), " +
                "or set Worker:MigrateOnStart=true to let this worker do it.");
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => RunAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _once.Dispose();
}

/// <summary>How a host's start-up treats the database: the API migrates and seeds; a separate worker only checks the schema.</summary>
public sealed class DatabaseStartupOptions
{
    /// <summary>Check that the schema is current instead of migrating and seeding; a stale schema stops the host.</summary>
    public bool CheckOnly { get; set; }
}
