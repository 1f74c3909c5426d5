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
    IOptions<DatabaseOptions> database,
    IOptions<SeedOptions> seed) : IHostedService, IStartupTask, IDisposable
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
                    await campaign.SeedAsync(cancellationToken);
                }
            }

            _done = true;
        }
        finally
        {
            _once.Release();
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => RunAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _once.Dispose();
}
