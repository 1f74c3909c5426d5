using CampaignDesk.Core.Data;
using CampaignDesk.Core.Organisations;
using CampaignDesk.Core.Seed;
using CampaignDesk.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CampaignDesk.Core.Tests.Seed;

public class OrganisationSeederTests
{
    private TestDatabase _db = null!;
    private OrganisationStore _store = null!;

    [SetUp]
    public async Task CreateDatabase()
    {
        _db = await (await TestDatabase.CreateAsync(DatabaseProvider.Sqlite)).MigratedAsync();
        _store = new OrganisationStore(_db.Database, TestClock.Create());
    }

    [TearDown]
    public async Task DropDatabase() => await _db.DisposeAsync();

    [Test]
    public async Task Seed_ShippedFile_AddsThe29SecPaStructuresUnderTheirNetwork()
    {
        var added = await Seeder().SeedAsync(default);

        var structures = await _store.SearchAsync(new OrganisationQuery(Type: OrganisationTypes.Structure, Paging: new(1, 100)), default);
        var network = (await _store.SearchAsync(new OrganisationQuery(Type: OrganisationTypes.Federation), default)).Items.Single();
        var caseDeSante = structures.Items.Single(o => o.Name == "Case de Santé");
        Assert.Multiple(() =>
        {
            Assert.That(added, Is.EqualTo(30));
            Assert.That(structures.Total, Is.EqualTo(29));
            Assert.That(network.Name, Is.EqualTo("SEC-Pa"));
            Assert.That(structures.Items.All(o => o.ParentIds.SequenceEqual([network.Id])), Is.True);
            Assert.That((caseDeSante.CommuneInsee, caseDeSante.CommuneName, caseDeSante.DepartmentCode, caseDeSante.RegionCode),
                Is.EqualTo(("31555", "Toulouse", "31", "76")));
        });
    }

    [Test]
    public async Task Seed_Twice_AddsNothingTheSecondTimeAndKeepsEdits()
    {
        await Seeder().SeedAsync(default);
        var mathagon = (await _store.SearchAsync(new OrganisationQuery("Mathagon"), default)).Items.Single();
        await new OrganisationService(_db.Database, _store, new CampaignDesk.Core.Territories.TerritoryQueries(_db.Database), new CampaignDesk.Core.Audit.AuditLog(_db.Database, TimeProvider.System))
            .UpdateAsync(CampaignDesk.Core.Users.Caller.System("test"), mathagon.Id, f => f with { Mailbox = "contact@mathagon.example" }, null, default);

        var second = await Seeder().SeedAsync(default);

        Assert.That(second, Is.Zero);
        Assert.That((await _store.GetAsync(mathagon.Id, default))!.Mailbox, Is.EqualTo("contact@mathagon.example"));
        Assert.That((await _store.SearchAsync(new OrganisationQuery(), default)).Total, Is.EqualTo(30));
    }

    [Test]
    public async Task Seed_CustomFileWithABadRow_FailsWithTheLineAndWritesNothing()
    {
        var file = Path.Combine(Path.GetDirectoryName(_db.Database.ConnectionString.Split('=')[1].Split(';')[0])!, "orgs.csv");
        await File.WriteAllTextAsync(file, """
            name,kind,commune,commune_insee,network
            Centre A,centre_sante,Lyon,69123,Réseau Rhône
            Centre B,centre_sante,Nulle part,123,Réseau Rhône
            """);

        var error = Assert.ThrowsAsync<InvalidDataException>(() => Seeder(file).SeedAsync(default));

        Assert.That(error!.Message, Does.Contain("line 3").And.Contain("communeInsee"));
        Assert.That((await _store.SearchAsync(new OrganisationQuery(), default)).Total, Is.Zero);
    }

    [Test]
    public async Task Seed_CustomFileWithoutRequiredColumns_SaysWhichAreMissing()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "nom;commune\nCentre A;Lyon\n");

        var error = Assert.ThrowsAsync<InvalidDataException>(() => Seeder(file).SeedAsync(default));
        File.Delete(file);

        Assert.That(error!.Message, Does.Contain("name").And.Contain("kind").And.Contain("commune_insee"));
    }

    private OrganisationSeeder Seeder(string? file = null) => new(_db.Database, _store,
        Options.Create(new SeedOptions { OrganisationsFile = file }), NullLogger<OrganisationSeeder>.Instance);
}
