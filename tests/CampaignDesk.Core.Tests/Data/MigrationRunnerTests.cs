using CampaignDesk.Core.Data;
using CampaignDesk.TestSupport;
using Dapper;

namespace CampaignDesk.Core.Tests.Data;

[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public class MigrationRunnerTests(DatabaseProvider provider)
{
    private TestDatabase _db = null!;

    [OneTimeSetUp]
    public void RequireEngine() => TestDatabase.RequireConfigured(provider);

    [SetUp]
    public async Task CreateDatabase() => _db = await TestDatabase.CreateAsync(provider);

    [TearDown]
    public async Task DropDatabase() => await _db.DisposeAsync();

    [Test]
    public async Task Migrate_EmptyDatabase_AppliesEveryScriptOnceAndRecordsIt()
    {
        var runner = new MigrationRunner(_db.Database);

        var first = await runner.MigrateAsync();
        var second = await runner.MigrateAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(first, Is.EqualTo(runner.Migrations.Count));
            Assert.That(second, Is.Zero);
            Assert.That(await JournalAsync(), Is.EqualTo(runner.Migrations.Select(m => m.Version)));
            Assert.That((await runner.GetStatusAsync()).IsCurrent, Is.True);
        });
    }

    [Test]
    public async Task GetStatus_EmptyDatabase_ReportsEverythingPendingWithoutWriting()
    {
        var runner = new MigrationRunner(_db.Database);

        var status = await runner.GetStatusAsync();

        Assert.That(status, Is.EqualTo(new SchemaStatus(0, runner.LatestVersion, runner.Migrations.Count)));
        Assert.That(await JournalExistsAsync(), Is.False);
    }

    [Test]
    public async Task Migrate_DatabaseFromANewerBuild_RefusesAndChangesNothing()
    {
        var runner = new MigrationRunner(_db.Database);
        await runner.MigrateAsync();
        await using (var connection = await _db.Database.OpenAsync(default))
        {
            await connection.ExecuteAsync(
                "INSERT INTO schema_migrations (version, name, applied_utc) VALUES (9999, 'from_the_future', @now)", new { now = DateTime.UtcNow });
        }

        var error = Assert.ThrowsAsync<DatabaseUnavailableException>(() => runner.MigrateAsync());

        Assert.That(error!.Message, Does.Contain("9999").And.Contain("does not know"));
    }

    [Test]
    public async Task Migrate_FailingScript_RollsBackThatScriptAndKeepsTheEarlierOnes()
    {
        var migrations = new[]
        {
            new Migration(1, "good", "CREATE TABLE good_table (id int NOT NULL PRIMARY KEY)"),
            new Migration(2, "bad", "CREATE TABLE half_table (id int NOT NULL PRIMARY KEY);\nINSERT INTO no_such_table VALUES (1)"),
        };
        var runner = new MigrationRunner(_db.Database, migrations);

        Assert.That(() => runner.MigrateAsync(), Throws.InstanceOf<System.Data.Common.DbException>());

        Assert.Multiple(async () =>
        {
            Assert.That(await JournalAsync(), Is.EqualTo(new[] { 1 }));
            Assert.That(await TableExistsAsync("good_table"), Is.True);
            Assert.That(await TableExistsAsync("half_table"), Is.False, "the failed script's first statement must be rolled back");
        });
    }

    [Test]
    public async Task Migrate_TwoRunnersAtOnce_ApplyEachScriptExactlyOnce()
    {
        // Two runners with their own connections, as two processes would have; the process-level version of this
        // test lives in the API tests (MigrateCommandTests).
        var runs = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => new MigrationRunner(_db.Database).MigrateAsync())));

        var expected = new MigrationRunner(_db.Database).Migrations.Select(m => m.Version);
        Assert.Multiple(async () =>
        {
            Assert.That(runs.Sum(), Is.EqualTo(expected.Count()));
            Assert.That(await JournalAsync(), Is.EqualTo(expected));
        });
    }

    private async Task<List<int>> JournalAsync()
    {
        await using var connection = await _db.Database.OpenAsync(default);
        return (await connection.QueryAsync<int>("SELECT version FROM schema_migrations ORDER BY version")).ToList();
    }

    private async Task<bool> JournalExistsAsync()
    {
        await using var connection = await _db.Database.OpenAsync(default);
        return await connection.ExecuteScalarAsync<int>(_db.Database.Dialect.JournalExists) > 0;
    }

    private async Task<bool> TableExistsAsync(string table)
    {
        await using var connection = await _db.Database.OpenAsync(default);
        var sql = provider == DatabaseProvider.Sqlite
            ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @table"
            : "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = @table";
        return await connection.ExecuteScalarAsync<int>(sql, new { table }) > 0;
    }
}
