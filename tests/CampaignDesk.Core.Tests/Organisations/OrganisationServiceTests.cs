using CampaignDesk.Core.Data;
using CampaignDesk.Core.Organisations;
using CampaignDesk.TestSupport;

namespace CampaignDesk.Core.Tests.Organisations;

public class OrganisationServiceTests
{
    private TestDatabase _db = null!;
    private OrganisationService _service = null!;
    private OrganisationStore _store = null!;

    [SetUp]
    public async Task CreateDatabase()
    {
        _db = await (await TestDatabase.CreateAsync(DatabaseProvider.Sqlite)).MigratedAsync();
        _store = new OrganisationStore(_db.Database, new ManualTimeProvider());
        _service = new OrganisationService(_store);
    }

    [TearDown]
    public async Task DropDatabase() => await _db.DisposeAsync();

    [Test]
    public async Task Create_WithAStructureAsParent_IsRefused()
    {
        var structure = await CreateAsync(new OrganisationFields("structure", "msp", "MSP Mathagon", "75056"));

        var result = await _service.CreateAsync(new OrganisationFields("structure", "msp", "MSP Pyrénées Belleville", "75056", ParentIds: [structure.Id]), default);

        Assert.That(result.Status, Is.EqualTo(SaveStatus.Invalid));
        Assert.That(result.Errors!["parentIds"].Single(), Does.Contain("only federations"));
    }

    [Test]
    public async Task Create_WithAnUnknownParent_IsRefusedAndWritesNothing()
    {
        var result = await _service.CreateAsync(new OrganisationFields("structure", "msp", "MSP Mathagon", "75056", ParentIds: [999]), default);

        Assert.That(result.Status, Is.EqualTo(SaveStatus.Invalid));
        Assert.That((await _store.SearchAsync(new OrganisationQuery(), default)).Total, Is.Zero);
    }

    [Test]
    public async Task Update_ThatWouldMakeACycle_IsRefused()
    {
        var national = await CreateAsync(new OrganisationFields("federation", "federation", "Nationale"));
        var regional = await CreateAsync(new OrganisationFields("federation", "federation", "Régionale", ParentIds: [national.Id]));

        var cycle = await _service.UpdateAsync(national.Id, f => f with { ParentIds = [regional.Id] }, null, default);
        var self = await _service.UpdateAsync(national.Id, f => f with { ParentIds = [national.Id] }, null, default);

        Assert.That(cycle.Errors!["parentIds"].Single(), Does.Contain("cycle"));
        Assert.That(self.Errors!["parentIds"].Single(), Does.Contain("own parent"));
    }

    [Test]
    public async Task Update_WithAStaleIfMatch_IsRefusedWithTheCurrentVersion()
    {
        var created = await CreateAsync(new OrganisationFields("structure", "msp", "MSP Mathagon", "75056"));
        await _service.UpdateAsync(created.Id, f => f with { Mailbox = "a@example.org" }, 1, default);

        var stale = await _service.UpdateAsync(created.Id, f => f with { Mailbox = "b@example.org" }, 1, default);

        Assert.That(stale.Status, Is.EqualTo(SaveStatus.Stale));
        Assert.That(stale.Organisation!.Version, Is.EqualTo(2));
        Assert.That((await _store.GetAsync(created.Id, default))!.Mailbox, Is.EqualTo("a@example.org"));
    }

    [Test]
    public async Task Update_ConcurrentPatchesWithoutIfMatch_AreBothApplied()
    {
        var created = await CreateAsync(new OrganisationFields("structure", "msp", "MSP Mathagon", "75056"));

        await Task.WhenAll(
            Task.Run(() => _service.UpdateAsync(created.Id, f => f with { Mailbox = "msp@example.org" }, null, default)),
            Task.Run(() => _service.UpdateAsync(created.Id, f => f with { CommuneName = "Paris" }, null, default)));
        var saved = await _store.GetAsync(created.Id, default);

        Assert.That((saved!.Mailbox, saved.CommuneName, saved.Version), Is.EqualTo(("msp@example.org", "Paris", 3)));
    }

    [Test]
    public async Task Update_UnknownId_IsNotFound() =>
        Assert.That((await _service.UpdateAsync(31337, f => f, null, default)).Status, Is.EqualTo(SaveStatus.NotFound));

    private async Task<Organisation> CreateAsync(OrganisationFields fields)
    {
        var result = await _service.CreateAsync(fields, default);
        Assert.That(result.Status, Is.EqualTo(SaveStatus.Saved), () => string.Join("; ", result.Errors?.Keys ?? []));
        return result.Organisation!;
    }
}
