using CampaignDesk.Core.Data;
using CampaignDesk.TestSupport;
using Dapper;

namespace CampaignDesk.Core.Tests.Import;

/// <summary>The dialects' bulk insert, which stages import rows, stores every value as it was given.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public class BulkInsertTests(DatabaseProvider provider)
{
    private TestDatabase _db = null!;

    [OneTimeSetUp]
    public void RequireEngine() => TestDatabase.RequireConfigured(provider);

    [SetUp]
    public async Task CreateDatabase() => _db = await TestDatabase.CreateAsync(provider);

    [TearDown]
    public async Task DropDatabase() => await _db.DisposeAsync();

    [Test]
    public async Task BulkInsert_TextNumbersAndNulls_ReadBackUnchanged()
    {
        var dialect = _db.Database.Dialect;
        var table = dialect.TempTable("bulk_test");
        object?[][] rows =
        [
            [1L, "Œuvre d'Élodie – 😀", null],
            [2L, string.Empty, "x"],
            [long.MaxValue, new string('é', 5000), "ABC"],
        ];

        await using var connection = await _db.Database.OpenAsync(default);
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync(dialect.CreateTempTable("bulk_test", ["a", "b"], ["n"]), transaction: transaction);
        var count = await dialect.BulkInsertAsync(connection, transaction, table, ["n", "a", "b"], rows, default);
        var back = (await connection.QueryAsync<(long N, string? A, string? B)>($"SELECT n, a, b FROM {table} ORDER BY n", transaction: transaction)).ToList();

        Assert.That(count, Is.EqualTo(3));
        Assert.That(back, Is.EqualTo(rows.Select(r => ((long)r[0]!, (string?)r[1], (string?)r[2]))));
    }
}
