using CampaignDesk.Core.Data;
using CampaignDesk.Core.Exports;
using CampaignDesk.Core.Lobbying;
using CampaignDesk.Core.Users;
using CampaignDesk.TestSupport;
using Dapper;
using static CampaignDesk.Core.Tests.Lobbying.RegisterWorld;

namespace CampaignDesk.Core.Tests.Lobbying;

/// <summary>The annual declaration's totals against a count written in SQL here, independently of the product's rule.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public class DeclarationTests(DatabaseProvider provider)
{
    private TestDatabase _db = null!;

    [OneTimeSetUp]
    public void RequireEngine() => TestDatabase.RequireConfigured(provider);

    [SetUp]
    public async Task CreateDatabase() => _db = await (await TestDatabase.CreateAsync(provider)).MigratedAsync();

    [TearDown]
    public async Task DropDatabase() => await _db.DisposeAsync();

    [Test]
    public async Task TheDeclarationsTotals_EqualAnIndependentSqlCount()
    {
        var w = new RegisterWorld(_db.Database);
        var msp = await w.OrganisationAsync("MSP des Écrins");
        var other = await w.OrganisationAsync("Autre structure");
        var funding = await w.CampaignAsync("Financement des SEC-Pa", "Maintenir le financement après le 30 avril 2026");
        var law = await w.CampaignAsync("PLFSS 2027");
        var depute = await w.OfficialAsync("DEPUTE", "depute");
        var senateur = await w.OfficialAsync("SENATEUR", "senateur");
        var municipal = await w.OfficialAsync("MUNICIPAL", "conseiller_municipal", commune: "38421");
        var channels = new[] { ("email", "sent"), ("phone", "spoke"), ("phone", "left_message"), ("letter", "sent"), ("email", "sent"), ("meeting", "met") };
        for (var i = 0; i < 24; i++)
        {
            var (channel, outcome) = channels[i % channels.Length];
            var official = (i % 3) switch { 0 => depute, 1 => senateur, _ => municipal };
            await w.InteractionAsync(i % 5 == 4 ? other : msp, official, i % 2 == 0 ? funding : law, channel, "outbound", outcome, Day(2025, 1 + (i % 12), 3 + i));
        }

        await w.InteractionAsync(msp, depute, funding, "email", "inbound", "replied", Day(2025, 6, 1));
        await w.InteractionAsync(msp, depute, funding, "email", "outbound", "sent", Day(2024, 12, 31));
        await w.InteractionAsync(msp, depute, funding, "email", "outbound", "sent", Day(2026, 1, 2));

        var declaration = (await new Declarations(new RegisterQueries(_db.Database)).BuildAsync(Caller.System("test"), msp, 2025, 1, default)).Value!;

        // The rule written again, without meetings (the fixture has one meeting per official at most in any 120 days):
        // outbound, got through, to a député or sénateur in force, in the fiscal year.
        await using var connection = await _db.Database.OpenAsync(default);
        var expected = (await connection.QueryAsync<(long Campaign, long Count)>(_db.Database.Command("""
            SELECT i.campaign_id, COUNT(*) FROM interactions i
            WHERE i.organisation_id = @msp AND i.direction = 'outbound' AND i.outcome NOT IN ('left_message', 'unreachable')
              AND i.occurred_utc >= @from AND i.occurred_utc < @to
              AND EXISTS (SELECT 1 FROM mandates m WHERE m.official_id = i.official_id AND m.role IN ('depute', 'senateur'))
            GROUP BY i.campaign_id
            """, new { msp, from = new DateTime(2024, 12, 31, 23, 0, 0, DateTimeKind.Utc), to = new DateTime(2025, 12, 31, 23, 0, 0, DateTimeKind.Utc) })))
            .ToDictionary(r => r.Campaign, r => (int)r.Count);
        var table = Declarations.ToTable(declaration);
        var rows = await table.Rows.ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(declaration.TotalActions, Is.EqualTo(expected.Values.Sum()));
            Assert.That(declaration.TotalActions, Is.GreaterThan(5), "the fixture is not empty");
            Assert.That(declaration.Lines.ToDictionary(l => l.CampaignId!.Value, l => l.Actions), Is.EqualTo(expected));
            Assert.That(declaration.Lines.Single(l => l.CampaignId == funding).Goal, Is.EqualTo("Maintenir le financement après le 30 avril 2026"));
            Assert.That(declaration.Categories, Is.EqualTo(new[] { RegisterCategories.Parliament.Label }));
            Assert.That(declaration.ActionTypes, Is.SupersetOf(new[] { "Appel téléphonique", "Courrier", "Courriel" }));
            Assert.That(table.Headers, Is.EqualTo(Declarations.Headers));
            Assert.That(rows.Single(r => (string?)r[0] == "Total")[5], Is.EqualTo(declaration.TotalActions));
            Assert.That(rows.Where(r => (string?)r[0] == "À remplir par l'organisation").Select(r => r[1]),
                Has.Some.Contains("Montant des dépenses").And.Some.Contains("Nombre de personnes employées"));
        });
    }

    [Test]
    public async Task ThePrintablePage_IsFrench_AndEscapesWhatItQuotes()
    {
        var w = new RegisterWorld(_db.Database);
        var msp = await w.OrganisationAsync("MSP <script>alert(1)</script>");
        var campaign = await w.CampaignAsync("Loi « santé » & territoires");
        var depute = await w.OfficialAsync("DEPUTE", "depute");
        await w.InteractionAsync(msp, depute, campaign, "meeting", "outbound", "met", Day(2025, 3, 3));
        var declaration = (await new Declarations(new RegisterQueries(_db.Database)).BuildAsync(Caller.System("test"), msp, 2025, 1, default)).Value!;

        var html = DeclarationPage.Html(declaration);

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.StartWith("<!DOCTYPE html>"));
            Assert.That(html, Does.Contain("<html lang=\"fr\">"));
            Assert.That(html, Does.Contain("Déclaration d'activités de représentation d'intérêts"));
            Assert.That(html, Does.Contain("Loi « santé » &amp; territoires"));
            Assert.That(html, Does.Not.Contain("<script>"));
            Assert.That(html, Does.Contain("À remplir par l'organisation"));
            Assert.That(html, Does.Contain("pas un conseil juridique"));
        });
    }
}
