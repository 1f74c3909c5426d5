using CampaignDesk.Core.Data;
using CampaignDesk.TestSupport;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CampaignDesk.Core.Tests.Data;

/// <summary>Readiness's write probe against databases that read but refuse writes, as an operator meets them.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public class WriteProbeTests(DatabaseProvider provider)
{
    private TestDatabase _db = null!;

    [OneTimeSetUp]
    public void RequireEngine() => TestDatabase.RequireConfigured(provider);

    [SetUp]
    public async Task CreateDatabase() => _db = await (await TestDatabase.CreateAsync(provider)).MigratedAsync();

    [TearDown]
    public async Task DropDatabase() => await _db.DisposeAsync();

    [Test]
    public async Task Probe_WritableDatabase_WritesTheInstallationRow()
    {
        var result = await new WriteProbe(_db.Database, TimeProvider.System).ProbeAsync(default);

        await using var connection = await _db.Database.OpenAsync(default);
        Assert.That(result.Status, Is.EqualTo(WriteProbeStatus.Written), result.Description);
        Assert.That(await connection.ExecuteScalarAsync<DateTime?>("SELECT probed_utc FROM installation WHERE id = 1"), Is.Not.Null);
    }

    [Test]
    public async Task Probe_DatabaseThatOnlyReads_FailsAndSaysWhy()
    {
        var readOnly = await ReadOnlyAsync();

        var result = await new WriteProbe(readOnly, TimeProvider.System).ProbeAsync(default);

        Assert.That(result.Status, Is.EqualTo(WriteProbeStatus.Failed));
        Assert.That(result.Description, Does.StartWith("Writes fail:").And.Contain("read").IgnoreCase);
    }

    [Test]
    public async Task Probe_AskedAgainAtOnce_AnswersFromTheLastWrite()
    {
        var time = new ManualTimeProvider(DateTimeOffset.UtcNow);
        var probe = new WriteProbe(_db.Database, time);
        await probe.ProbeAsync(default);
        await using var connection = await _db.Database.OpenAsync(default);
        var first = await connection.ExecuteScalarAsync<DateTime>("SELECT probed_utc FROM installation WHERE id = 1");

        time.Advance(TimeSpan.FromSeconds(1));
        await probe.ProbeAsync(default);
        var cached = await connection.ExecuteScalarAsync<DateTime>("SELECT probed_utc FROM installation WHERE id = 1");
        time.Advance(WriteProbe.Fresh);
        await probe.ProbeAsync(default);
        var again = await connection.ExecuteScalarAsync<DateTime>("SELECT probed_utc FROM installation WHERE id = 1");

        Assert.That(cached, Is.EqualTo(first), "within Fresh, no second write");
        Assert.That(again, Is.GreaterThan(first), "after it, a new write");
    }

    [Test]
    public async Task InstallationId_IsOneUuidKeptForGood()
    {
        var first = await new Installation(_db.Database).GetIdAsync(default);
        await new MigrationRunner(_db.Database).MigrateAsync();
        var again = await new Installation(_db.Database).GetIdAsync(default);

        Assert.That(Guid.TryParseExact(first, "D", out var id), Is.True, first);
        Assert.That(id.Version, Is.EqualTo(4), "a random UUID");
        Assert.That(again, Is.EqualTo(first));
    }

    /// <summary>The same database as a client that may only read would have it: SQLite opened read-only, PostgreSQL in read-only transactions.</summary>
    private async Task<Database> ReadOnlyAsync()
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                return new Database(provider, new SqliteConnectionStringBuilder(_db.ConnectionString) { Mode = SqliteOpenMode.ReadOnly }.ToString(), 2);
            case DatabaseProvider.Postgres:
                var builder = new NpgsqlConnectionStringBuilder(_db.ConnectionString);
                await using (var connection = await _db.Database.OpenAsync(default))
                {
                    await connection.ExecuteAsync($"ALTER DATABASE {builder.Database} SET default_transaction_read_only = on");
                }

                builder.Pooling = false;
                return new Database(provider, builder.ToString(), 2);
            default:
                Assert.Ignore("No read-only set-up for this engine here.");
                return null!;
        }
    }
}
