using CampaignDesk.Core.Data;
using CampaignDesk.Core.Officials;
using CampaignDesk.Core.Text;
using CampaignDesk.TestSupport;
using Dapper;

namespace CampaignDesk.Core.Tests.Officials;

/// <summary>
/// The official search's candidates come from each engine's index, as its planner chooses on a directory of 20,000
/// officials: SQLite's FTS5 word table, PostgreSQL's full-text word index (the planner ignored the pg_trgm index before
/// issue 24, and still prefers a scan to it on the seeded directory). No timing: the plan says whether the index is read.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public class SearchIndexPlanTests(DatabaseProvider provider)
{
    private TestDatabase _db = null!;

    [OneTimeSetUp]
    public async Task CreateDirectory()
    {
        TestDatabase.RequireConfigured(provider);
        if (provider == DatabaseProvider.SqlServer)
        {
            Assert.Ignore("SQL Server has no index for the search (README Limits).");
        }

        _db = await (await TestDatabase.CreateAsync(provider)).MigratedAsync();
        await using var connection = await _db.Database.OpenAsync(default);
        // One statement each (no transaction to open in a test): names like « durand12 jean », ten surnames, 2,000 numbers each.
        var name = "CASE n.i % 10 " + string.Join(" ", new[] { "martin", "bernard", "dubois", "thomas", "robert", "richard", "petit", "durand", "leroy", "moreau" }
            .Select((n, k) => $"WHEN {k} THEN '{n}'")) + " END || CAST(n.i / 10 AS TEXT)";
        await connection.ExecuteAsync($"""
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 19999)
            INSERT INTO officials (last_name, first_name, search_text, created_utc, updated_utc)
            SELECT {name}, 'jean', {name} || ' jean', @now, @now FROM n
            """, new { now = DateTime.UtcNow });
        await connection.ExecuteAsync("""
            INSERT INTO mandates (official_id, role, seat_key, start_date, source) SELECT id, 'maire', 'maire:' || CAST(id AS TEXT), '2020-07-01', 'rne' FROM officials
            """);
        await connection.ExecuteAsync("ANALYZE officials");
        await connection.ExecuteAsync("ANALYZE mandates");
    }

    [OneTimeTearDown]
    public async Task DropDatabase()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }

    [TestCase("durand12", false)]
    [TestCase("jean martin", false)]
    [TestCase("duranf12", true)]
    public async Task Candidates_ComeFromTheEnginesIndex(string text, bool forgiving)
    {
        if (forgiving && provider == DatabaseProvider.Postgres)
        {
            Assert.Ignore("PostgreSQL's typo pass looks trigrams up with LIKE: the planner may scan (README Limits).");
        }

        var parameters = new DynamicParameters();
        var query = SearchQuery.Parse(text);
        var groups = query.IndexGroups(forgiving, provider == DatabaseProvider.Sqlite ? t => [t.Text + "x"] : null);
        var sql = OfficialSearch.CandidatesSql(_db.Database.Dialect, groups, "m.official_id = o.id AND m.end_date IS NULL", false, parameters);

        await using var connection = await _db.Database.OpenAsync(default);
        var plan = provider == DatabaseProvider.Sqlite
            ? string.Join("\n", (await connection.QueryAsync<(long, long, long, string Detail)>("EXPLAIN QUERY PLAN " + sql, parameters)).Select(r => r.Detail))
            : string.Join("\n", await connection.QueryAsync<string>("EXPLAIN " + sql, parameters));

        Assert.That(plan, Does.Contain(provider == DatabaseProvider.Sqlite ? "officials_fts" : "ix_officials_search_words"), plan);
    }
}
