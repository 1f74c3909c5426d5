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
/// The Sénat's questions in the CSV fields data.senat.fr documents, on a hand-written fixture (none is shipped), over the
/// senators the shipped directory knows (the RNE's list, then the Sénat's, which gives each one's matricule), on every engine.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public class SenatQuestionsTests(DatabaseProvider provider)
{
    private TestDatabase _db = null!;
    private ParliamentImportService _imports = null!;
    private WatchService _watches = null!;
    private ProposalService _proposals = null!;
    private CoreServices _services = null!;
    private long[] _structures = [];

    private static string Fixture => Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "parliament-watch", "senat-questions.csv");

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
        foreach (var file in new[] { "seed/officials/elus-senateurs-sen-2025-10-07.csv", "seed/officials/senateurs-api-2026-03-03.json" })
        {
            await officials.ImportAsync(() => EmbeddedFiles.Open(file), Path.GetFileName(file), default);
        }

        _services = new CoreServices(_db.Database, time);
        var matcher = new ProposalMatcher(time);
        _imports = new ParliamentImportService(_db.Database, new ImportRunStore(_db.Database, time), matcher, time,
            NullLogger<ParliamentImportService>.Instance);
        _watches = new WatchService(_db.Database, _services.Audit, matcher, time);
        _proposals = new ProposalService(_db.Database, _services.Audit, _services.Positions, time);
        await using var connection = await _db.Database.OpenAsync(default);
        _structures = [.. await connection.QueryAsync<long>("SELECT id FROM organisations WHERE type = 'structure' ORDER BY id")];
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
    public async Task Watch_DesertsMedicaux_OverSenatQuestions_ProposesEachSenatorsQuestion_AndReportsWhoItCouldNotName()
    {
        var campaign = (await _services.Campaigns.CreateAsync(Caller.System("test"), new CampaignFields("Veille Sénat", null, null, "active", _structures),
            default)).Value!.Id;
        await _watches.CreateAsync(Caller.System("test"), campaign,
            new WatchInput("Déserts", ["déserts médicaux"], null, ["written_question"], null, WatchScopes.Anyone), default);

        var report = await _imports.ImportAsync(() => File.OpenRead(Fixture), "senat-questions.csv", default);
        var proposals = await _proposals.ListAsync(Caller.System("test"), campaign, null, default);
        var again = await _imports.ImportAsync(() => File.OpenRead(Fixture), "senat-questions-again.csv", default);
        var byMatricule = await MatriculesAsync(proposals.Select(p => p.OfficialId));
        var maurey = proposals.Single(p => p.ItemUid == "SEN-SEQ25040451");

        Assert.Multiple(() =>
        {
            Assert.That(report.Status, Is.EqualTo("succeeded"), report.Outcome);
            Assert.That(proposals.Select(p => (p.ItemUid, byMatricule[p.OfficialId])).Order(), Is.EqualTo(new[]
            {
                ("SEN-SEQ25040451", "08009T"), // Hervé Maurey (Eure), found by name and département
                ("SEN-SEQ25040480", "21075K"), // Marianne Margaté, by the export's matricule
            }), "the RN 13 question says nothing of déserts médicaux; M. Inconnu is no senator");
            Assert.That(maurey.Url, Is.EqualTo("https://www.senat.fr/questions/base/2025/qSEQ25040451.html"));
            Assert.That(maurey.Kind, Is.EqualTo("written_question"));
            Assert.That(maurey.StatedOn, Is.EqualTo(new DateOnly(2025, 4, 10)));
            Assert.That(maurey.ExcerptHtml, Does.Contain("<mark>déserts médicaux</mark>"));
            Assert.That(maurey.Evidence!.Answer, Does.StartWith("La lutte contre les déserts médicaux"), "the Government's answer, as evidence");
            Assert.That(maurey.Excerpt, Does.Not.Contain("priorité du Gouvernement"));
            Assert.That(proposals.Single(p => p.ItemUid == "SEN-SEQ25040480").Url, Is.EqualTo("https://www.senat.fr/questions/base/2025/qSEQ25040480.html"));
            Assert.That(report.Issues.Select(i => (i.Line, i.Kind)), Is.EquivalentTo(new[] { (5, "unmatched"), (6, "unreadable") }),
                string.Join(Environment.NewLine, report.Issues.Select(i => i.Message)));
            Assert.That(again.Outcome, Does.Contain("0 élément(s) parlementaire(s) ajouté(s)").And.Contain("4 inchangé(s)").And.Contain("0 position(s) proposée(s)"));
        });
    }

    [TestCase("QE", "written_question")]
    [TestCase("QOSD", "oral_question")]
    [TestCase("Question d'actualité au Gouvernement", "government_question")]
    [TestCase("Question orale", "oral_question")]
    [TestCase(null, "written_question")]
    public void Nature_GivesTheKind(string? nature, string kind) => Assert.That(SenatQuestionReader.Kind(nature), Is.EqualTo(kind));

    [Test]
    public void Read_AWindows1252Export_SemicolonsOrCommas_ReadsTheAccents()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var cp1252 = System.Text.Encoding.GetEncoding(1252).GetBytes(
            "Référence,Nom,Prénom,Circonscription,Date de publication JO,Titre,URL\r\nSEQ1,MAUREY,Hervé,Eure,2025-04-10,\"Déserts médicaux, encore\",/q.html\r\n");

        var rows = SenatQuestionReader.Read(new MemoryStream(cp1252)).ToList();

        Assert.That(rows.Single().Question, Is.Not.Null, rows.Single().Problem);
        var question = rows.Single().Question!;
        Assert.Multiple(() =>
        {
            Assert.That((question.Uid, question.FirstName, question.Title), Is.EqualTo(("SEN-SEQ1", "Hervé", "Déserts médicaux, encore")));
            Assert.That(question.Url, Is.EqualTo("https://www.senat.fr/q.html"));
            Assert.That(question.StatedOn, Is.EqualTo(new DateOnly(2025, 4, 10)));
        });
    }

    private async Task<Dictionary<long, string>> MatriculesAsync(IEnumerable<long> officials)
    {
        await using var connection = await _db.Database.OpenAsync(default);
        return (await connection.QueryAsync<(long OfficialId, string Value)>(
            "SELECT official_id, value FROM official_identifiers WHERE source = 'senat'")).Where(r => officials.Contains(r.OfficialId))
            .ToDictionary(r => r.OfficialId, r => r.Value);
    }
}
