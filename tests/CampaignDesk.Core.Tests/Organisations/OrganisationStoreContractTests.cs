using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Organisations;
using CampaignDesk.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace CampaignDesk.Core.Tests.Organisations;

/// <summary>The same contract on every engine: SQLite always, PostgreSQL and SQL Server where configured.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public class OrganisationStoreContractTests(DatabaseProvider provider)
{
    private TestDatabase _db = null!;
    private FakeTimeProvider _time = null!;
    private OrganisationStore _store = null!;

    [OneTimeSetUp]
    public void RequireEngine() => TestDatabase.RequireConfigured(provider);

    [SetUp]
    public async Task CreateDatabase()
    {
        _db = await (await TestDatabase.CreateAsync(provider)).MigratedAsync();
        _time = TestClock.Create();
        _store = new OrganisationStore(_db.Database, _time);
    }

    [TearDown]
    public async Task DropDatabase() => await _db.DisposeAsync();

    [Test]
    public async Task Insert_ThenGet_RoundTripsEveryFieldWithUtcTimes()
    {
        var federation = await InsertAsync(Federation("Fédération des centres de santé"));
        var fields = Structure("Case de Santé", "31555", "Toulouse") with { Mailbox = "contact@casedesante.example", ParentIds = [federation] };

        var id = await InsertAsync(fields);
        var organisation = await _store.GetAsync(id, default);

        Assert.That(organisation, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(organisation!.ToFields(), Is.EqualTo(fields).Using<OrganisationFields>(SameFields));
            Assert.That(organisation.ParentIds, Is.EqualTo(new[] { federation }));
            Assert.That(organisation.Version, Is.EqualTo(1));
            Assert.That(organisation.CreatedUtc, Is.EqualTo(_time.GetUtcNow().UtcDateTime).Within(TimeSpan.FromMilliseconds(1)));
            Assert.That(organisation.CreatedUtc.Kind, Is.EqualTo(DateTimeKind.Utc));
        });
    }

    [Test]
    public async Task Get_UnknownId_ReturnsNull() => Assert.That(await _store.GetAsync(424242, default), Is.Null);

    [Test]
    public async Task Search_Text_IgnoresAccentsAndCaseAndMatchesTheCommune()
    {
        await InsertAsync(Structure("Le Village 2 santé", "38151", "Échirolles"));
        await InsertAsync(Structure("Case de Santé", "31555", "Toulouse"));
        await InsertAsync(Structure("MSP du Neuhof", "67482", "Strasbourg"));

        var bySante = await _store.SearchAsync(new OrganisationQuery("SANTE"), default);
        var byCommune = await _store.SearchAsync(new OrganisationQuery("echirolles"), default);
        var literalPercent = await _store.SearchAsync(new OrganisationQuery("%"), default);

        Assert.Multiple(() =>
        {
            Assert.That(bySante.Items.Select(o => o.Name), Is.EqualTo(new[] { "Case de Santé", "Le Village 2 santé" }));
            Assert.That(bySante.Total, Is.EqualTo(2));
            Assert.That(byCommune.Items.Single().Name, Is.EqualTo("Le Village 2 santé"));
            Assert.That(literalPercent.Total, Is.Zero, "% is a character to find, not a wildcard");
        });
    }

    [Test]
    public async Task Search_Filters_CombineTypeKindDepartmentAndParent()
    {
        var network = await InsertAsync(Federation("SEC-Pa"));
        await InsertAsync(Structure("MSP du Neuhof", "67482", "Strasbourg") with { ParentIds = [network] });
        await InsertAsync(Structure("MSP de Hautepierre", "67482", "Strasbourg"));
        await InsertAsync(Structure("Centre de santé l'île aux santés", "67482", "Strasbourg") with { Kind = "centre_sante", ParentIds = [network] });
        await InsertAsync(Structure("Case de Santé", "31555", "Toulouse") with { ParentIds = [network] });

        var msp67 = await _store.SearchAsync(new OrganisationQuery(Kind: "msp", DepartmentCode: "67"), default);
        var members67 = await _store.SearchAsync(new OrganisationQuery(DepartmentCode: "67", ParentId: network), default);
        var federations = await _store.SearchAsync(new OrganisationQuery(Type: OrganisationTypes.Federation), default);

        Assert.Multiple(() =>
        {
            Assert.That(msp67.Items.Select(o => o.Name), Is.EquivalentTo(new[] { "MSP du Neuhof", "MSP de Hautepierre" }));
            Assert.That(members67.Items.Select(o => o.Name), Is.EquivalentTo(new[] { "MSP du Neuhof", "Centre de santé l'île aux santés" }));
            Assert.That(federations.Items.Select(o => o.Name), Is.EqualTo(new[] { "SEC-Pa" }));
        });
    }

    [Test]
    public async Task Search_Paging_ReturnsTheRequestedSliceAndTheFullTotal()
    {
        for (var i = 1; i <= 7; i++)
        {
            await InsertAsync(Structure($"Structure {i:D2}", "75056", "Paris"));
        }

        var page = await _store.SearchAsync(new OrganisationQuery(Paging: new PageRequest(2, 3)), default);

        Assert.That(page.Items.Select(o => o.Name), Is.EqualTo(new[] { "Structure 04", "Structure 05", "Structure 06" }));
        Assert.That(page.Total, Is.EqualTo(7));
    }

    [Test]
    public async Task Insert_SameNameInTheSameCommune_IsRefusedAndWritesNothing()
    {
        await InsertAsync(Structure("Case de Santé", "31555", "Toulouse"));

        var duplicate = await _store.InsertAsync(Structure("CASE DE SANTE", "31555", "Toulouse"), default);
        var elsewhere = await _store.InsertAsync(Structure("Case de Santé", "34172", "Montpellier"), default);

        Assert.Multiple(async () =>
        {
            Assert.That(duplicate, Is.Null);
            Assert.That(elsewhere, Is.Not.Null);
            Assert.That((await _store.SearchAsync(new OrganisationQuery(), default)).Total, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Update_AtTheCurrentVersion_SavesAndBumpsTheVersion()
    {
        var network = await InsertAsync(Federation("SEC-Pa"));
        var other = await InsertAsync(Federation("Fédération des centres de santé"));
        var id = await InsertAsync(Structure("MSP Peyssonnel", "13055", "Marseille") with { ParentIds = [network] });
        _time.Advance(TimeSpan.FromHours(1));

        var outcome = await _store.UpdateAsync(id, 1, Structure("MSP Peyssonnel", "13055", "Marseille") with
        {
            Mailbox = "msp.peyssonnel@example.org",
            ParentIds = [other],
        }, default);
        var saved = await _store.GetAsync(id, default);

        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.EqualTo(UpdateOutcome.Updated));
            Assert.That(saved!.Version, Is.EqualTo(2));
            Assert.That(saved.Mailbox, Is.EqualTo("msp.peyssonnel@example.org"));
            Assert.That(saved.ParentIds, Is.EqualTo(new[] { other }));
            Assert.That(saved.UpdatedUtc - saved.CreatedUtc, Is.EqualTo(TimeSpan.FromHours(1)).Within(TimeSpan.FromMilliseconds(1)));
        });
    }

    [Test]
    public async Task Update_TwoConnectionsRacingOnTheSameRow_ExactlyOneWinsAndNothingIsLost()
    {
        var id = await InsertAsync(Structure("MSP Mathagon", "75056", "Paris"));
        using var start = new Barrier(2);

        var outcomes = await Task.WhenAll(
            Task.Run(() => { start.SignalAndWait(); return _store.UpdateAsync(id, 1, Structure("MSP Mathagon", "75056", "Paris") with { Mailbox = "a@example.org" }, default); }),
            Task.Run(() => { start.SignalAndWait(); return _store.UpdateAsync(id, 1, Structure("MSP Mathagon", "75056", "Paris") with { Mailbox = "b@example.org" }, default); }));
        var saved = await _store.GetAsync(id, default);

        Assert.Multiple(() =>
        {
            Assert.That(outcomes, Is.EquivalentTo(new[] { UpdateOutcome.Updated, UpdateOutcome.VersionMismatch }));
            Assert.That(saved!.Version, Is.EqualTo(2));
            var winner = outcomes[0] == UpdateOutcome.Updated ? "a@example.org" : "b@example.org";
            Assert.That(saved.Mailbox, Is.EqualTo(winner), "the saved row is the winner's, whole");
        });
    }

    [Test]
    public async Task Update_ToANameTakenInThatCommune_ReportsItAndKeepsTheRow()
    {
        await InsertAsync(Structure("MSP de Hautepierre", "67482", "Strasbourg"));
        var id = await InsertAsync(Structure("MSP du Neuhof", "67482", "Strasbourg"));

        var outcome = await _store.UpdateAsync(id, 1, Structure("MSP de Hautepierre", "67482", "Strasbourg"), default);

        Assert.That(outcome, Is.EqualTo(UpdateOutcome.NameTaken));
        Assert.That((await _store.GetAsync(id, default))!.Name, Is.EqualTo("MSP du Neuhof"));
    }

    [Test]
    public async Task GetAncestorIds_FollowsParentLinksUpwards()
    {
        var national = await InsertAsync(Federation("Fédération nationale"));
        var regional = await InsertAsync(Federation("Fédération régionale") with { ParentIds = [national] });
        var structure = await InsertAsync(Structure("MSP des Allymes", "01004", "Ambérieu-en-Bugey") with { ParentIds = [regional] });

        var ancestors = await _store.GetAncestorIdsAsync([structure], default);

        Assert.That(ancestors, Is.EquivalentTo(new[] { regional, national }));
    }

    private async Task<long> InsertAsync(OrganisationFields fields) =>
        await _store.InsertAsync(fields, default) ?? throw new AssertionException($"'{fields.Name}' was not inserted.");

    private static OrganisationFields Structure(string name, string commune, string communeName) =>
        new(OrganisationTypes.Structure, "msp", name, commune, communeName, commune[..2], null, null, []);

    private static OrganisationFields Federation(string name) => new(OrganisationTypes.Federation, "federation", name, ParentIds: []);

    private static bool SameFields(OrganisationFields a, OrganisationFields b) =>
        a with { ParentIds = null } == b with { ParentIds = null } && a.ParentIds!.SequenceEqual(b.ParentIds!);
}
