using CampaignDesk.Core.Audit;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Organisations;
using CampaignDesk.Core.Territories;
using CampaignDesk.Core.Users;
using CampaignDesk.TestSupport;

namespace CampaignDesk.Core.Tests.Organisations;

[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public class OrganisationServiceTests(DatabaseProvider provider)
{
    private TestDatabase _db = null!;
    private OrganisationService _service = null!;
    private OrganisationStore _store = null!;

    private static readonly Caller Admin = Caller.System("test");

    [OneTimeSetUp]
    public void RequireEngine() => TestDatabase.RequireConfigured(provider);

    [SetUp]
    public async Task CreateDatabase()
    {
        _db = await (await TestDatabase.CreateAsync(provider)).MigratedAsync();
        _store = new OrganisationStore(_db.Database, TestClock.Create());
        _service = new OrganisationService(_db.Database, _store, new TerritoryQueries(_db.Database), new AuditLog(_db.Database, TestClock.Create()));
    }

    [TearDown]
    public async Task DropDatabase() => await _db.DisposeAsync();

    [Test]
    public async Task Create_WithAStructureAsParent_IsRefused()
    {
        var structure = await CreateAsync(new OrganisationFields("structure", "msp", "MSP Mathagon", "75056"));

        var result = await _service.CreateAsync(Admin, new OrganisationFields("structure", "msp", "MSP Pyrénées Belleville", "75056", ParentIds: [structure.Id]), default);

        Assert.That(result.Status, Is.EqualTo(OutcomeStatus.Invalid));
        Assert.That(result.Errors!["parentIds"].Single().ToString(), Does.Contain("only federations"));
    }

    [Test]
    public async Task Create_WithAnUnknownParent_IsRefusedAndWritesNothing()
    {
        var result = await _service.CreateAsync(Admin, new OrganisationFields("structure", "msp", "MSP Mathagon", "75056", ParentIds: [999]), default);

        Assert.That(result.Status, Is.EqualTo(OutcomeStatus.Invalid));
        Assert.That((await _store.SearchAsync(new OrganisationQuery(), default)).Total, Is.Zero);
    }

    [Test]
    public async Task Update_ThatWouldMakeACycle_IsRefused()
    {
        var national = await CreateAsync(new OrganisationFields("federation", "federation", "Nationale"));
        var regional = await CreateAsync(new OrganisationFields("federation", "federation", "Régionale", ParentIds: [national.Id]));

        var cycle = await _service.UpdateAsync(Admin, national.Id, f => f with { ParentIds = [regional.Id] }, null, default);
        var self = await _service.UpdateAsync(Admin, national.Id, f => f with { ParentIds = [national.Id] }, null, default);

        Assert.That(cycle.Errors!["parentIds"].Single().ToString(), Does.Contain("cycle"));
        Assert.That(self.Errors!["parentIds"].Single().ToString(), Does.Contain("own parent"));
    }

    [Test]
    public async Task Update_TwoEditsRacingToMakeACycle_AtMostOneIsSaved()
    {
        for (var round = 0; round < 5; round++)
        {
            var a = await CreateAsync(new OrganisationFields("federation", "federation", $"A{round}"));
            var b = await CreateAsync(new OrganisationFields("federation", "federation", $"B{round}"));
            using var start = new Barrier(2);

            var results = await Task.WhenAll(
                Task.Run(() => { start.SignalAndWait(); return _service.UpdateAsync(Admin, a.Id, f => f with { ParentIds = [b.Id] }, null, default); }),
                Task.Run(() => { start.SignalAndWait(); return _service.UpdateAsync(Admin, b.Id, f => f with { ParentIds = [a.Id] }, null, default); }));

            Assert.That(results.Count(r => r.Status == OutcomeStatus.Ok), Is.EqualTo(1), $"round {round}");
            Assert.That(await _store.GetAncestorIdsAsync([a.Id], default), Does.Not.Contain(a.Id), "no cycle stored");
        }
    }

    [Test]
    public async Task Update_FederationWithMembersToStructure_IsRefused()
    {
        var network = await CreateAsync(new OrganisationFields("federation", "network", "Réseau"));
        await CreateAsync(new OrganisationFields("structure", "msp", "MSP Mathagon", "75056", ParentIds: [network.Id]));

        var result = await _service.UpdateAsync(Admin, network.Id, f => f with { Type = "structure", Kind = "msp", CommuneInsee = "75056" }, null, default);

        Assert.That(result.Errors!.Keys, Is.EqualTo(new[] { "type" }));
    }

    [Test]
    public async Task Update_TooManyParents_IsRefused()
    {
        var created = await CreateAsync(new OrganisationFields("structure", "msp", "MSP Mathagon", "75056"));

        var result = await _service.UpdateAsync(Admin, created.Id, f => f with { ParentIds = Enumerable.Range(1, 51).Select(i => (long)i).ToList() }, null, default);

        Assert.That(result.Errors!.Keys, Is.EqualTo(new[] { "parentIds" }));
    }

    [Test]
    public async Task Update_ThatChangesNothing_KeepsTheVersion()
    {
        var created = await CreateAsync(new OrganisationFields("structure", "msp", "MSP Mathagon", "75056"));

        var result = await _service.UpdateAsync(Admin, created.Id, f => f with { Name = " MSP Mathagon " }, null, default);

        Assert.That((result.Status, result.Value!.Version), Is.EqualTo((OutcomeStatus.Ok, 1)));
    }

    [Test]
    public async Task Update_WithAStaleIfMatch_IsRefusedWithTheCurrentVersion()
    {
        var created = await CreateAsync(new OrganisationFields("structure", "msp", "MSP Mathagon", "75056"));
        await _service.UpdateAsync(Admin, created.Id, f => f with { Mailbox = "a@example.org" }, 1, default);

        var stale = await _service.UpdateAsync(Admin, created.Id, f => f with { Mailbox = "b@example.org" }, 1, default);

        Assert.That(stale.Status, Is.EqualTo(OutcomeStatus.Stale));
        Assert.That(stale.Value!.Version, Is.EqualTo(2));
        Assert.That((await _store.GetAsync(created.Id, default))!.Mailbox, Is.EqualTo("a@example.org"));
    }

    [Test]
    public async Task Update_ConcurrentPatchesWithoutIfMatch_AreBothApplied()
    {
        var created = await CreateAsync(new OrganisationFields("structure", "msp", "MSP Mathagon", "75056"));

        await Task.WhenAll(
            Task.Run(() => _service.UpdateAsync(Admin, created.Id, f => f with { Mailbox = "msp@example.org" }, null, default)),
            Task.Run(() => _service.UpdateAsync(Admin, created.Id, f => f with { CommuneName = "Paris" }, null, default)));
        var saved = await _store.GetAsync(created.Id, default);

        Assert.That((saved!.Mailbox, saved.CommuneName, saved.Version), Is.EqualTo(("msp@example.org", "Paris", 3)));
    }

    [Test]
    public async Task Update_UnknownId_IsNotFound() =>
        Assert.That((await _service.UpdateAsync(Admin, 31337, f => f, null, default)).Status, Is.EqualTo(OutcomeStatus.NotFound));

    private async Task<Organisation> CreateAsync(OrganisationFields fields)
    {
        var result = await _service.CreateAsync(Admin, fields, default);
        Assert.That(result.Status, Is.EqualTo(OutcomeStatus.Ok), () => string.Join("; ", result.Errors?.Keys ?? []));
        return result.Value!;
    }
}
