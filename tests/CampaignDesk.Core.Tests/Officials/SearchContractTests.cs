using CampaignDesk.Core.Data;
using CampaignDesk.Core.Officials;
using CampaignDesk.Core.Organisations;
using CampaignDesk.Core.Text;
using CampaignDesk.TestSupport;
using Dapper;

namespace CampaignDesk.Core.Tests.Officials;

/// <summary>
/// Search that forgives (issue 24), the same on every engine: one fixture of names with particles, compound surnames and
/// overseas places; every case expects the same page, in the same order, with the same reasons, on SQLite and PostgreSQL.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public class SearchContractTests(DatabaseProvider provider)
{
    private TestDatabase _db = null!;
    private OfficialQueries _officials = null!;
    private OrganisationStore _organisations = null!;

    // last name, first name, role, function, ended
    private static readonly (string Last, string First, string Role, string? Function, bool Ended)[] People =
    [
        ("CHATELAIN", "Cyrielle", Roles.Depute, null, false),
        ("LE PEN", "Marine", Roles.Depute, null, false),
        ("LE PEN", "Jean-Marie", Roles.Depute, null, true),
        ("PENNEC", "Marine", Roles.ConseillerMunicipal, null, false),
        ("DE LA TOUR D'AUVERGNE", "Henri", Roles.Maire, null, false),
        ("D'ESTAING", "Valérie", Roles.ConseillerMunicipal, null, false),
        ("MARTIN", "Jean", Roles.Maire, null, false),
        ("MARTIN", "Claire", Roles.ConseillerDepartemental, "Présidente du conseil départemental", false),
        ("MARTINEZ", "Sophie", Roles.Senateur, null, false),
        ("DUMARTIN", "Luc", Roles.Maire, null, false),
        ("LÉVY-DUPONT", "Anne-Sophie", Roles.ConseillerRegional, null, false),
        ("HOARAU", "Éric", Roles.Maire, null, false),
        ("NOËL", "Gaël", Roles.Depute, null, false),
    ];

    [OneTimeSetUp]
    public async Task CreateDatabase()
    {
        TestDatabase.RequireConfigured(provider);
        _db = await (await TestDatabase.CreateAsync(provider)).MigratedAsync();
        var time = TestClock.Create();
        _officials = new OfficialQueries(_db.Database);
        _organisations = new OrganisationStore(_db.Database, time);
        await using (var connection = await _db.Database.OpenAsync(default))
        {
            var now = time.GetUtcNow().UtcDateTime;
            foreach (var (person, i) in People.Select((p, i) => (p, i)))
            {
                var id = await connection.ExecuteScalarAsync<long>(_db.Database.Dialect.InsertReturningId("officials",
                    "last_name, first_name, search_text, created_utc, updated_utc", "@Last, @First, @Text, @now, @now"),
                    new { person.Last, person.First, Text = SearchText.Fold($"{person.Last} {person.First}"), now });
                await connection.ExecuteAsync("""
                    INSERT INTO mandates (official_id, role, seat_key, department_code, function_label, start_date, end_date, source)
                    VALUES (@id, @Role, @seat, '38', @Function, '2020-07-01', @ended, 'rne')
                    """, new { id, person.Role, seat = $"{person.Role}:{i}", person.Function, ended = person.Ended ? "2024-06-09" : null });
            }
        }

        foreach (var (name, insee, commune) in new[]
                 {
                     ("Centre de santé Azur", "38421", "Saint-Martin-d'Hères"),
                     ("MSP du Nord", "97213", "Le Lamentin"),
                     ("Maison de santé du Chaudron", "97411", "Saint-Denis"),
                     ("MSP Pleyel", "93066", "Saint-Denis"),
                     ("Centre de santé de Saint-Martin", "97801", "Saint-Martin"),
                 })
        {
            await _organisations.InsertAsync(new OrganisationFields(OrganisationTypes.Structure, "msp", name, insee, commune, insee[..2], null, null, []),
                default);
        }
    }

    [OneTimeTearDown]
    public async Task DropDatabase()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }

    private static IEnumerable<TestCaseData> OfficialCases()
    {
        yield return Case("Cyrielle Chatelain", "CHATELAIN Cyrielle: nom exact");
        yield return Case("Marine Le Pen", "LE PEN Marine: nom exact");
        yield return Case("chatelaine", "CHATELAIN Cyrielle: 1 faute");
        yield return Case("chtelain", "CHATELAIN Cyrielle: 1 faute");
        yield return Case("cyrile chatelain", "CHATELAIN Cyrielle: 1 faute");
        yield return Case("chatelian cyrielle", "CHATELAIN Cyrielle: 1 faute");
        yield return Case("CHÂTELAIN", "CHATELAIN Cyrielle: mots exacts");
        // Prefixes of words, never the middle of one (Dumartin); the présidente of a council first, then by the mandate's weight.
        yield return Case("martin", "MARTIN Claire: mots exacts", "MARTINEZ Sophie: préfixe", "MARTIN Jean: mots exacts");
        yield return Case("jean martin", "MARTIN Jean: nom exact");
        yield return Case("mart jea", "MARTIN Jean: préfixe");
        yield return Case("de la tour d'auvergne", "DE LA TOUR D'AUVERGNE Henri: mots exacts");
        yield return Case("henri tour", "DE LA TOUR D'AUVERGNE Henri: mots exacts");
        yield return Case("d estaing valerie", "D'ESTAING Valérie: nom exact");
        yield return Case("destaing", "D'ESTAING Valérie: 1 faute");
        yield return Case("dupont anne", "LÉVY-DUPONT Anne-Sophie: mots exacts");
        yield return Case("anne-sophie levy-dupont", "LÉVY-DUPONT Anne-Sophie: nom exact");
        yield return Case("gael noel", "NOËL Gaël: nom exact");
        yield return Case("le", "LE PEN Marine: mots exacts", "LÉVY-DUPONT Anne-Sophie: préfixe");
        yield return Case("marine pen", "LE PEN Marine: mots exacts", "PENNEC Marine: préfixe");
        yield return Case("zzz");
        yield return Case("hoareau", "HOARAU Éric: 1 faute");
    }

    private static TestCaseData Case(string query, params string[] expected) => new TestCaseData(query, expected).SetArgDisplayNames(query);

    [TestCaseSource(nameof(OfficialCases))]
    public async Task Officials_Search_FindsAndRanksTheSameOnEveryEngine(string query, string[] expected)
    {
        var page = await _officials.SearchAsync(new OfficialQuery(query), default);

        Assert.Multiple(() =>
        {
            Assert.That(page.Items.Select(o => $"{o.LastName} {o.FirstName}: {o.MatchReason}"), Is.EqualTo(expected));
            Assert.That(page.Total, Is.EqualTo(expected.Length));
        });
    }

    [Test]
    public async Task Officials_Search_PutsCurrentMandatesBeforePastOnes()
    {
        var page = await _officials.SearchAsync(new OfficialQuery("le pen", Active: null), default);
        var former = await _officials.SearchAsync(new OfficialQuery("pen", Active: false), default);

        Assert.Multiple(() =>
        {
            Assert.That(page.Items.Select(o => o.FirstName), Is.EqualTo(new[] { "Marine", "Jean-Marie" }));
            Assert.That(former.Items.Select(o => o.FirstName), Is.EqualTo(new[] { "Jean-Marie" }));
        });
    }

    [Test]
    public async Task Officials_Search_PagesTheRankedList()
    {
        var second = await _officials.SearchAsync(new OfficialQuery("martin", Paging: new(2, 1)), default);

        Assert.That((second.Items.Single().LastName, second.Total), Is.EqualTo(("MARTINEZ", 3L)));
    }

    [Test]
    public async Task Officials_Search_FiltersOneSameMandate()
    {
        var maires = await _officials.SearchAsync(new OfficialQuery("martin", Role: Roles.Maire), default);

        Assert.That(maires.Items.Select(o => o.FirstName), Is.EqualTo(new[] { "Jean" }));
    }

    private static IEnumerable<TestCaseData> OrganisationCases()
    {
        yield return Case("saint martin d'heres", "Centre de santé Azur");
        yield return Case("Saint-Martin-d'Hères", "Centre de santé Azur");
        yield return Case("lamentin", "MSP du Nord");
        yield return Case("saint denis", "Maison de santé du Chaudron", "MSP Pleyel");
        yield return Case("chaudron saint-denis", "Maison de santé du Chaudron");
        yield return Case("saint martin", "Centre de santé Azur", "Centre de santé de Saint-Martin");
        yield return Case("lamantin", "MSP du Nord");
    }

    [TestCaseSource(nameof(OrganisationCases))]
    public async Task Organisations_Search_FindsTheSameOnEveryEngine(string query, string[] expected)
    {
        var page = await _organisations.SearchAsync(new OrganisationQuery(query), default);

        Assert.That(page.Items.Select(o => o.Name), Is.EqualTo(expected));
    }
}
