using CampaignDesk.Core.Seed;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CampaignDesk.Core.Data;

/// <summary>Brings the database to the current schema and seeds reference data before anything else starts.</summary>
public sealed class DatabaseStartup(MigrationRunner migrations, OrganisationSeeder seeder, IOptions<DatabaseOptions> database,
    IOptions<SeedOptions> seed) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (database.Value.MigrateOnStart)
        {
            await migrations.MigrateAsync(cancellationToken);
        }

        if (seed.Value.Enabled)
        {
            await seeder.SeedAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
