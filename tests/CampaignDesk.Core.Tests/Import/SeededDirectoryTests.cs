using CampaignDesk.Core.Campaigns;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Import;
using CampaignDesk.Core.Officials;
using CampaignDesk.Core.Organisations;
using CampaignDesk.Core.Seed;
using CampaignDesk.Core.Territories;
using CampaignDesk.TestSupport;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CampaignDesk.Core.Tests.Import;

/// <summary>The shipped snapshot, seeded as the embedded default does, and the counts the official data gives, on every engine.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public partial class SeededDirectoryTests(DatabaseProvider provider)
{
    private TestDatabase _db = null!;
    private OrganisationStore _organisations = null!;
    private OrganisationOfficials _relevant = null!;
    private CoreServices _services = null!;
    private long? _campaign;

    [OneTimeSetUp]
    public async Task SeedOnce()
    {
        TestDatabase.RequireConfigured(provider);
        _db = await (await TestDatabase.CreateAsync(provider)).MigratedAsync();
        var time = new ManualTimeProvider();
        var imports = new ImportService(_db.Database, new ImportRunStore(_db.Database, time), new RneImporter(_db.Database, time, NullLogger<RneImporter>.Instance),
            new ParliamentImporter(_db.Database, time), time, NullLogger<ImportService>.Instance);
        await new TerritoryLoader(_db.Database, time, NullLogger<TerritoryLoader>.Instance).LoadAsync(default);
        _organisations = new OrganisationStore(_db.Database, time);
        await new OrganisationSeeder(_db.Database, _organisations, Options.Create(new SeedOptions()), NullLogger<OrganisationSeeder>.Instance).SeedAsync(default);
        await new OfficialSeeder(_db.Database, imports, NullLogger<OfficialSeeder>.Instance).SeedAsync(default);
        _relevant = new OrganisationOfficials(_db.Database, new TerritoryQueries(_db.Database));
        _services = new CoreServices(_db.Database, time);
        _campaign = await new CampaignSeeder(_db.Database, _services.Campaigns, _services.Positions, _services.Templates, NullLogger<CampaignSeeder>.Instance).SeedAsync(default);
    }

    [Test]
    public async Task DemoCampaign_HasEveryStructure_TheDeadline_AndTheGovernmentQuestionOf3February()
    {
        var campaign = await _services.Campaigns.GetAsync(_campaign!.Value, default);
        var structures = await ScalarAsync("SELECT COUNT(*) FROM organisations WHERE type = 'structure'");
        var chatelain = (await QueryAsync<long>("SELECT id FROM officials WHERE search_text = 'chatelain cyrielle'")).Single();
        var positions = await _services.Positions.ForOfficialAsync(CampaignDesk.Core.Users.Caller.System("test"), chatelain, _campaign, default);
        var again = await new CampaignSeeder(_db.Database, _services.Campaigns, _services.Positions, _services.Templates, NullLogger<CampaignSeeder>.Instance).SeedAsync(default);
        var coverage = await _services.Coverage.CoverageAsync(_campaign.Value, "department", default);
        var structure = campaign!.OrganisationIds[0];
        await using (var connection = await _db.Database.OpenAsync(default))
        {
            await connection.ExecuteAsync("UPDATE organisations SET mailbox = 'structure@example.org' WHERE id = @structure", new { structure });
        }

        var template = (await _services.Templates.ListAsync(_campaign, default)).Single();
        var preview = await _services.Templates.PreviewAsync(CampaignDesk.Core.Users.Caller.System("Équipe"), template.Id,
            new CampaignDesk.Core.FollowUps.PreviewInput(chatelain, structure), default);

        Assert.Multiple(() =>
        {
            Assert.That(preview.IsOk, Is.True, string.Join(", ", preview.Errors?.SelectMany(e => e.Value) ?? []));
            Assert.That(preview.Value?.Body, Does.StartWith("Madame la Députée,").And.Contains("comme Députée de la 2e circonscription de l'Isère")
                .And.Contains("30 avril 2026"));
            Assert.That(campaign!.Deadline, Is.EqualTo(new DateOnly(2026, 4, 30)));
            Assert.That(campaign.OrganisationIds, Has.Count.EqualTo(structures));
            Assert.That(positions.Select(p => (p.Kind, p.StatedOn, p.Stance)),
                Is.EqualTo(new[] { ("government_question", new DateOnly(2026, 2, 3), "supports") }));
            Assert.That(positions[0].Source, Does.Contain("Cyberacteurs"));
            Assert.That(again, Is.Null, "seeded once");
            Assert.That(coverage!.Buckets.Single(b => b.Key == "38").Supports, Is.GreaterThanOrEqualTo(1), "Isère's députée supports");
        });
    }

    [OneTimeTearDown]
    public async Task Drop()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }

    [Test]
    public async Task Seed_EveryShippedFile_ImportsWithNoUnreadableRow()
    {
        var runs = (await QueryAsync<(string FileType, string Status, int RowsUnreadable)>("SELECT file_type, status, rows_unreadable FROM import_runs")).ToList();

        Assert.That(runs, Has.Count.EqualTo(OfficialSeeder.Files.Count));
        Assert.That(runs.Select(r => (r.Status, r.RowsUnreadable)), Is.All.EqualTo(("succeeded", 0)));
    }

    [Test]
    public async Task Seed_Counts_MatchTheOfficialData()
    {
        Assert.Multiple(async () =>
        {
            Assert.That(await ScalarAsync("SELECT rows_read FROM import_runs WHERE file_type = 'Assemblee'"), Is.EqualTo(577), "député seats");
            Assert.That(await ScalarAsync("SELECT COUNT(*) FROM circonscriptions"), Is.EqualTo(577), "circonscriptions législatives");
            Assert.That(await ScalarAsync("SELECT rows_read FROM import_runs WHERE file_type = 'SenatList'"), Is.EqualTo(348), "sénateurs in the Sénat's list");
            Assert.That(await ScalarAsync("SELECT COUNT(*) FROM mandates WHERE role = 'senateur' AND end_date IS NULL"), Is.EqualTo(347), "sénateurs in the RNE");
            Assert.That(await ScalarAsync("SELECT COUNT(*) FROM mandates WHERE role = 'maire' AND end_date IS NULL"), Is.EqualTo(32_475));
            Assert.That(await ScalarAsync("SELECT COUNT(DISTINCT seat_key) FROM mandates WHERE role = 'depute' AND end_date IS NULL"), Is.EqualTo(571),
                "574 RNE rows, 3 seats listed twice");
            Assert.That(await ScalarAsync("SELECT duplicates FROM import_runs WHERE file_type = 'Deputes'"), Is.EqualTo(3));
            Assert.That(await ScalarAsync("SELECT COUNT(*) FROM mandates WHERE role = 'conseiller_regional'"), Is.EqualTo(1_749));
        });
    }

    [Test]
    public async Task Seed_MostDeputesAndSenateurs_GetAnEmail()
    {
        var deputes = await ScalarAsync("""
            SELECT COUNT(DISTINCT m.official_id) FROM mandates m JOIN contact_points c ON c.official_id = m.official_id
            WHERE m.role = 'depute' AND m.end_date IS NULL AND c.kind = 'email' AND c.retired_utc IS NULL
            """);
        var senateurs = await ScalarAsync("""
            SELECT COUNT(DISTINCT m.official_id) FROM mandates m JOIN contact_points c ON c.official_id = m.official_id
            WHERE m.role = 'senateur' AND m.end_date IS NULL AND c.kind = 'email' AND c.retired_utc IS NULL
            """);

        Assert.That(deputes, Is.GreaterThanOrEqualTo(540), "of 571 seated in the RNE");
        Assert.That(senateurs, Is.GreaterThanOrEqualTo(300), "of 347; the Sénat hides some addresses");
    }

    [Test]
    public async Task RelevantOfficials_SaintMartinDHeres_IncludeItsDepute()
    {
        var psi = (await _organisations.SearchAsync(new OrganisationQuery("Saint-Martin-d'Hères", Type: OrganisationTypes.Structure), default)).Items.Single();

        var officials = await _relevant.ForAsync(psi, default);

        var depute = officials.Where(o => o.Mandate.Role == Roles.Depute).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(depute.Select(d => (d.LastName, d.FirstName, d.Mandate.CirconscriptionCode)), Is.EqualTo(new[] { ("CHATELAIN", "Cyrielle", "38-02") }));
            Assert.That(depute[0].Emails, Does.Contain("cyrielle.chatelain@assemblee-nationale.fr"));
            Assert.That(depute[0].Reason, Does.Contain("38-02"));
            Assert.That(officials.Count(o => o.Mandate.Role == Roles.Senateur), Is.EqualTo(5), "Isère has five sénateurs");
            Assert.That(officials.Count(o => o.Mandate.Role == Roles.Maire), Is.EqualTo(1));
            Assert.That(officials.Count(o => o.Mandate.Role == Roles.ConseillerDepartemental), Is.EqualTo(2), "a canton elects a pair");
            Assert.That(officials.Where(o => o.Mandate.Role == Roles.ConseillerRegional).Select(o => o.Mandate.RegionCode), Is.Not.Empty.And.All.EqualTo("84"));
        });
    }

    [Test]
    public async Task RelevantOfficials_CommuneSplitAcrossCirconscriptions_YieldEveryCandidateUntilOneIsChosen()
    {
        var mathagon = (await _organisations.SearchAsync(new OrganisationQuery("Mathagon"), default)).Items.Single();

        var all = await _relevant.ForAsync(mathagon, default);
        var chosen = await _relevant.ForAsync(mathagon with { CirconscriptionCode = "75-06" }, default);

        Assert.That(all.Count(o => o.Mandate.Role == Roles.Depute), Is.GreaterThan(10), "Paris has 18 circonscriptions");
        Assert.That(all.First(o => o.Mandate.Role == Roles.Depute).Reason, Does.Contain("indiquez la circonscription de la structure"));
        Assert.That(chosen.Where(o => o.Mandate.Role == Roles.Depute).Select(o => o.Mandate.CirconscriptionCode), Is.EqualTo(new[] { "75-06" }));
    }

    [Test]
    public async Task Search_AccentAndCaseInsensitive_FindsTheDeputeWithGroup()
    {
        var page = await new OfficialQueries(_db.Database).SearchAsync(new OfficialQuery("chatélain cyr", Role: Roles.Depute), default);

        var mandate = page.Items.Single().Mandates.Single();
        Assert.That((mandate.CirconscriptionCode, mandate.GroupCode), Is.EqualTo(("38-02", "EcoS")));
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await _db.Database.OpenAsync(default);
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    private async Task<IEnumerable<T>> QueryAsync<T>(string sql)
    {
        await using var connection = await _db.Database.OpenAsync(default);
        return await connection.QueryAsync<T>(sql);
    }
}
