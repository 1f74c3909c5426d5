using CampaignDesk.Core.Campaigns;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Import;
using CampaignDesk.Core.Organisations;
using CampaignDesk.Core.Parliament;
using CampaignDesk.Core.Resources;
using CampaignDesk.Core.Seed;
using CampaignDesk.Core.Territories;
using CampaignDesk.Core.Users;
using CampaignDesk.TestSupport;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CampaignDesk.Core.Tests.Parliament;

/// <summary>
/// The parliament watch on the shipped files (the Assemblée's questions au Gouvernement, amendments and votes), over the
/// députés the shipped directory knows, on every engine.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public class ParliamentWatchTests(DatabaseProvider provider)
{
    private const string Amendments = "seed/parliament/assemblee-amendements-l17.zip";
    private const string Questions = "seed/parliament/assemblee-questions-gouvernement-l16.zip";

    // From the shipped files, read apart (tests/…/Parliament/README: a Python reading of the same JSON): the questions au
    // Gouvernement whose author says « déserts médicaux » and who sits in the 17th legislature.
    private static readonly (string Uid, string Author)[] DesertsMedicaux =
    [
        ("QANR5L16QG14", "PA793270"), ("QANR5L16QG388", "PA642764"), ("QANR5L16QG6", "PA793816"), ("QANR5L16QG608", "PA719286"),
        ("QANR5L16QG67", "PA793632"),
    ];

    private TestDatabase _db = null!;
    private CoreServices _services = null!;
    private ParliamentImportService _imports = null!;
    private WatchService _watches = null!;
    private VoteRecommendations _votes = null!;
    private ProposalService _proposals = null!;
    private long _demo;
    private long[] _structures = [];

    [OneTimeSetUp]
    public async Task SeedOnce()
    {
        TestDatabase.RequireConfigured(provider);
        _db = await (await TestDatabase.CreateAsync(provider)).MigratedAsync();
        var time = new ManualTimeProvider();
        var officials = new ImportService(_db.Database, new ImportRunStore(_db.Database, time),
            new RneImporter(_db.Database, time, NullLogger<RneImporter>.Instance), new ParliamentImporter(_db.Database, time), time,
            NullLogger<ImportService>.Instance);
        await new TerritoryLoader(_db.Database, time, NullLogger<TerritoryLoader>.Instance).LoadAsync(default);
        await new OrganisationSeeder(_db.Database, new OrganisationStore(_db.Database, time), Options.Create(new SeedOptions()),
            NullLogger<OrganisationSeeder>.Instance).SeedAsync(default);
        foreach (var file in new[] { "seed/officials/elus-deputes-dep-2025-10-07.csv", "seed/officials/assemblee-deputes-2026-03-04.json" })
        {
            await officials.ImportAsync(() => EmbeddedFiles.Open(file), Path.GetFileName(file), default);
        }

        _services = new CoreServices(_db.Database, time);
        var matcher = new ProposalMatcher(time);
        _imports = new ParliamentImportService(_db.Database, new ImportRunStore(_db.Database, time), matcher, time,
            NullLogger<ParliamentImportService>.Instance);
        _watches = new WatchService(_db.Database, _services.Audit, matcher, time);
        _votes = new VoteRecommendations(_db.Database, _services.Audit, matcher, time);
        _proposals = new ProposalService(_db.Database, _services.Audit, _services.Positions, time);
        var demo = await new CampaignSeeder(_db.Database, _services.Campaigns, _services.Positions, _services.Templates,
            NullLogger<CampaignSeeder>.Instance).SeedAsync(default);
        _demo = demo!.Value;
        await new ParliamentSeeder(_db.Database, _imports, _watches, NullLogger<ParliamentSeeder>.Instance).SeedAsync(demo, default);
        _structures = [.. (await QueryAsync<long>("SELECT id FROM organisations WHERE type = 'structure' ORDER BY id"))];
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
    public async Task DemoCampaign_WatchesItsSubject_AndProposesFromTheShippedFiles()
    {
        var proposals = await _proposals.ListAsync(Caller.System("test"), _demo, null, default);
        var runs = await QueryAsync<(string Status, int RowsRead, int RowsUnreadable)>(
            "SELECT status, rows_read, rows_unreadable FROM import_runs WHERE file_type = 'ParliamentRecords' AND file_name LIKE 'assemblee-%' ORDER BY id");

        Assert.Multiple(() =>
        {
            Assert.That(runs, Is.EqualTo(new[] { ("succeeded", 600, 0), ("succeeded", 117, 0), ("succeeded", 43, 0) }));
            Assert.That(proposals.Select(p => p.Kind).Distinct(), Is.SupersetOf(new[] { "amendment", "government_question" }));
            Assert.That(proposals, Has.All.Matches<Proposal>(p => p.Url.StartsWith("https://", StringComparison.Ordinal) && p.ExcerptHtml.Contains("<mark>")));
            Assert.That(proposals, Has.All.Matches<Proposal>(p => p.SuggestedStance == null && p.State == "waiting"), "nothing is a stance by itself");
        });
    }

    [Test]
    public async Task Watch_CentresDeSante_OverAmendments_ProposesEachAuthorsAmendment_WithItsLink()
    {
        var campaign = await CampaignAsync("Veille amendements");
        var watch = await _watches.CreateAsync(Caller.System("test"), campaign,
            new WatchInput("Centres de santé", ["Centres de SANTE"], null, ["amendment"], null, WatchScopes.Anyone), default);
        var proposals = await _proposals.ListAsync(Caller.System("test"), campaign, null, default);
        var identified = (await QueryAsync<string>("SELECT value FROM official_identifiers WHERE source = 'assemblee'")).ToHashSet();
        var example = proposals.Single(p => p.ItemUid == "AMANR5L17PO419610B0772P0D1N000219");
        var expected = File.ReadAllLines(Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "parliament-watch", "centres-de-sante-authors.tsv"))
            .Where(l => !l.StartsWith('#')).Select(l => l.Split('\t')).Where(l => identified.Contains(l[1])).Select(l => (l[0], l[1])).Order().ToList();
        var found = await QueryAsync<(string Uid, string Author)>("""
            SELECT i.uid, i.author_ref FROM position_proposals p JOIN parliament_items i ON i.id = p.item_id WHERE p.campaign_id = @campaign
            """, new { campaign });

        Assert.Multiple(() =>
        {
            Assert.That(watch.IsOk, Is.True);
            Assert.That(identified, Has.Count.GreaterThanOrEqualTo(540), "the directory knows most sitting députés by their Assemblée id");
            Assert.That(expected, Has.Count.GreaterThanOrEqualTo(70), "81 amendments say « centres de santé », 76 by a sitting député");
            Assert.That(found.Order(), Is.EqualTo(expected), "each amendment by its author, as read apart");
            Assert.That(proposals.Select(p => p.Kind), Is.All.EqualTo("amendment"));
            Assert.That(example.Url, Is.EqualTo("https://www.assemblee-nationale.fr/dyn/17/amendements/0772/CION_ECO/CE219"));
            Assert.That(example.OfficialName, Does.Contain("VOYNET").IgnoreCase, "author PA2940");
            Assert.That(example.ExcerptHtml, Does.Contain("<mark>centres de santé</mark>"));
            Assert.That(example.Highlights.Select(h => example.Excerpt.Substring(h[0], h[1])), Is.All.EqualTo("centres de santé"));
        });
    }

    [Test]
    public async Task Watch_DesertsMedicaux_OverQuestions_ProposesTheAuthors_WithTheAnswerAsEvidence_AndReimportProposesNothing()
    {
        var campaign = await CampaignAsync("Veille questions");
        await _watches.CreateAsync(Caller.System("test"), campaign,
            new WatchInput("Déserts", ["déserts médicaux"], null, ["government_question"], null, WatchScopes.Anyone), default);
        var proposals = await _proposals.ListAsync(Caller.System("test"), campaign, null, default);
        var authors = await QueryAsync<(string Uid, string Author)>("""
            SELECT i.uid, x.value FROM position_proposals p JOIN parliament_items i ON i.id = p.item_id
            JOIN official_identifiers x ON x.official_id = p.official_id AND x.source = 'assemblee' WHERE p.campaign_id = @campaign
            """, new { campaign });
        var before = await ScalarAsync("SELECT COUNT(*) FROM position_proposals");
        var again = await _imports.ImportAsync(() => EmbeddedFiles.Open(Questions), "again.zip", default);
        var amendments = await _imports.ImportAsync(() => EmbeddedFiles.Open(Amendments), "again-amendments.zip", default);
        var aviragnet = proposals.Single(p => p.ItemUid == "QANR5L16QG388");
        var identified = (await QueryAsync<string>("SELECT value FROM official_identifiers WHERE source = 'assemblee'")).ToHashSet();

        Assert.Multiple(async () =>
        {
            Assert.That(authors.Order(), Is.EqualTo(DesertsMedicaux.Where(q => identified.Contains(q.Author))));
            Assert.That(authors, Has.Count.GreaterThanOrEqualTo(4));
            Assert.That(aviragnet.Url, Is.EqualTo("https://questions.assemblee-nationale.fr/q16/16-388QG.htm"));
            Assert.That(aviragnet.Evidence!.Answer, Does.StartWith("Bien évidemment, nous discuterons"), "the minister's words, not the député's");
            Assert.That(aviragnet.Excerpt, Does.Not.Contain("Bien évidemment"));
            Assert.That(again.Outcome, Does.Contain("0 élément(s) parlementaire(s) ajouté(s)").And.Contain("600 inchangé(s)").And.Contain("0 position(s) proposée(s)"));
            Assert.That(amendments.Outcome, Does.Contain("0 position(s) proposée(s)"));
            Assert.That(await ScalarAsync("SELECT COUNT(*) FROM position_proposals"), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task AcceptedProposal_CountsInCoverage_AndADismissedOne_NeverComesBack()
    {
        var coordinator = new Caller(null, "Coordinatrice", UserRoles.Coordinator, new HashSet<long> { _structures[0] });
        var waiting = (await _proposals.ListAsync(coordinator, _demo, null, default)).Where(p => p.Kind == "amendment").ToList();
        var supportsBefore = (await _services.Coverage.CoverageAsync(_demo, "department", default))!.Total.Supports;
        var accepted = await _proposals.DecideAsync(coordinator, waiting[0].Id, new ProposalDecision("supports", null, null, null), default);
        var dismissed = await _proposals.DecideAsync(coordinator, waiting[^1].Id, new ProposalDecision(null, null, null, true), default);
        var twice = await _proposals.DecideAsync(coordinator, waiting[^1].Id, new ProposalDecision("supports", null, null, null), default);
        var supportsAfter = (await _services.Coverage.CoverageAsync(_demo, "department", default))!.Total.Supports;
        var position = await _services.Positions.GetAsync(coordinator, accepted.Value!.PositionId!.Value, default);

        // The same watch again, a second watch finding the same item, and the file again: the dismissed proposal stays so.
        await _watches.CreateAsync(Caller.System("test"), _demo, new WatchInput("Encore", ["centre* de santé"], null, null, null, WatchScopes.Targets), default);
        await _imports.ImportAsync(() => EmbeddedFiles.Open(Amendments), "third.zip", default);
        var still = await QueryAsync<string>("SELECT state FROM position_proposals WHERE campaign_id = @_demo AND item_id = (SELECT item_id FROM position_proposals WHERE id = @id)",
            new { _demo, id = waiting[^1].Id });
        var listed = await _proposals.ListAsync(coordinator, _demo, null, default);

        Assert.Multiple(() =>
        {
            Assert.That(accepted.IsOk && dismissed.IsOk, Is.True);
            Assert.That(position!.Kind, Is.EqualTo("amendment"));
            Assert.That(position.Source, Is.EqualTo(waiting[0].Url));
            Assert.That(position.OrganisationId, Is.EqualTo(_structures[0]));
            Assert.That(supportsAfter, Is.EqualTo(supportsBefore + 1), "an accepted proposal is a position the coverage counts");
            Assert.That(twice.Status, Is.EqualTo(CampaignDesk.Core.Common.OutcomeStatus.Conflict));
            Assert.That(still, Is.EqualTo(new[] { "dismissed" }));
            Assert.That(listed.Select(p => p.Id), Does.Not.Contain(waiting[^1].Id).And.Not.Contain(waiting[0].Id));
        });
    }

    [Test]
    public async Task RecommendedVote_ProposesOneVotePerMemberWhoVoted_WithTheStanceThatFollows()
    {
        var campaign = await CampaignAsync("Vote recommandé");
        var recommended = await _votes.RecommendAsync(Caller.System("test"), campaign, "VTANR5L17V1000", "contre", default);
        var proposals = await _proposals.ListAsync(Caller.System("test"), campaign, null, default);
        var changed = await _votes.RecommendAsync(Caller.System("test"), campaign, "VTANR5L17V1000", "pour", default);
        var after = await _proposals.ListAsync(Caller.System("test"), campaign, null, default);
        var unknownVote = await _votes.RecommendAsync(Caller.System("test"), campaign, "VTANR5L17V424242", "pour", default);

        // Scrutin 1000 (13 March 2025): 26 pour, 14 contre (2 not in the directory), 1 abstention, 2 non-votants (Python reading).
        Assert.Multiple(() =>
        {
            Assert.That(recommended.IsOk, Is.True);
            Assert.That(recommended.Value!.Url, Is.EqualTo("https://www.assemblee-nationale.fr/dyn/17/scrutins/1000"));
            Assert.That(proposals.GroupBy(p => (p.Role, p.SuggestedStance)).ToDictionary(g => g.Key, g => g.Count()), Is.EquivalentTo(
                new Dictionary<(string, string?), int> { [("pour", "opposes")] = 26, [("contre", "supports")] = 12, [("abstention", "neutral")] = 1 }));
            Assert.That(proposals.Select(p => p.OfficialId).Distinct().Count(), Is.EqualTo(39), "one per member who voted");
            Assert.That(proposals, Has.All.Matches<Proposal>(p => p.Kind == "vote" && p.StatedOn == new DateOnly(2025, 3, 13)));
            Assert.That(changed.IsOk, Is.True);
            Assert.That(after.Count(p => p.SuggestedStance == "supports"), Is.EqualTo(26), "the recommendation changed: pour now supports");
            Assert.That(unknownVote.Errors!.Keys, Is.EqualTo(new[] { "voteUid" }));
        });
    }

    private async Task<long> CampaignAsync(string title)
    {
        var created = await _services.Campaigns.CreateAsync(Caller.System("test"), new CampaignFields(title, null, null, "active", _structures), default);
        return created.Value!.Id;
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await _db.Database.OpenAsync(default);
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    [Test]
    public async Task Votes_AreFoundByWordsOfTheirTitleOrUid_NewestFirst_APageAtATime()
    {
        var search = new ParliamentVotes(_db.Database);

        var byWords = await search.SearchAsync("n° 2403 de M. BERNHARDT", 1, default);
        var byUid = await search.SearchAsync("VTANR5L17V1000", 1, default);
        var wildcards = await search.SearchAsync("_", 1, default);
        var first = await search.SearchAsync(null, 1, default);
        var second = await search.SearchAsync("", 2, default);
        Assert.Multiple(() =>
        {
            Assert.That(byWords.Items.Select(v => v.Uid), Is.EqualTo(new[] { "VTANR5L17V2000" }));
            Assert.That(byWords.Items[0].Result, Does.Contain("pas adopté"));
            Assert.That(byWords.Items[0].Url, Is.EqualTo("https://www.assemblee-nationale.fr/dyn/17/scrutins/2000"));
            Assert.That(byUid.Items.Select(v => v.Uid), Is.EqualTo(new[] { "VTANR5L17V1000" }));
            Assert.That(wildcards.Items, Is.Empty, "_ is a letter to look for, not a wildcard (nor %)");
            Assert.That(first.Items, Has.Count.EqualTo(ParliamentVotes.PageSize));
            Assert.That(first.More, Is.True);
            Assert.That(first.Items.Select(v => v.StatedOn), Is.Ordered.Descending);
            Assert.That(second.Items.Select(v => v.Uid), Is.Not.Empty.And.No.AnyOf(first.Items.Select(v => v.Uid).ToArray()));
        });
    }

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await _db.Database.OpenAsync(default);
        return [.. await connection.QueryAsync<T>(sql, parameters)];
    }
}
