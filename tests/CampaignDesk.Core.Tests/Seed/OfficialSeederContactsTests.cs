using CampaignDesk.Core.Data;
using CampaignDesk.Core.Seed;
using CampaignDesk.Core.Tests.Import.Contacts;
using CampaignDesk.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace CampaignDesk.Core.Tests.Seed;

/// <summary>A directory fed before the contact files shipped gets them at the next start, once, on every engine.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public class OfficialSeederContactsTests(DatabaseProvider provider)
{
    [Test]
    public async Task Seed_DirectoryFedBefore_ImportsTheContactFilesOnce()
    {
        TestDatabase.RequireConfigured(provider);
        await using var world = await ContactWorld.CreateAsync(provider, maires: false);
        var seeder = new OfficialSeeder(world.Database, world.Imports, NullLogger<OfficialSeeder>.Instance);

        var first = await seeder.SeedAsync(default);
        var second = await seeder.SeedAsync(default);

        Assert.That((first, second), Is.EqualTo((OfficialSeeder.ContactFiles.Count, 0)));
        Assert.That(await world.QueryAsync<string>("SELECT file_type FROM import_runs WHERE status = 'succeeded' ORDER BY id"),
            Is.EqualTo(new[] { "Deputes", "AssembleeActeurs", "Mairies" }));
        Assert.That(await world.ScalarAsync<long>("SELECT COUNT(*) FROM contact_points WHERE kind = 'phone'"), Is.GreaterThan(200));
    }
}
