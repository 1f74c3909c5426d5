using CampaignDesk.Core.Data;
using CampaignDesk.TestSupport;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CampaignDesk.Core.Tests.Data;

/// <summary>The online backup and the restore of the SQLite database, on real files (the CLI's test runs them under load).</summary>
public class SqliteBackupTests
{
    private TestDatabase _db = null!;
    private string _folder = null!;

    [SetUp]
    public async Task Create()
    {
        _db = await (await TestDatabase.CreateAsync(DatabaseProvider.Sqlite)).MigratedAsync();
        await _db.Database.Dialect.PrepareAsync(_db.ConnectionString, default);
        _folder = Path.GetDirectoryName(new SqliteConnectionStringBuilder(_db.ConnectionString).DataSource)!;
    }

    [TearDown]
    public async Task Drop() => await _db.DisposeAsync();

    [Test]
    public async Task Backup_WhileAWriteIsUncommitted_CopiesWhatWasCommittedOnly()
    {
        await using var writer = new SqliteConnection(_db.ConnectionString);
        await writer.OpenAsync();
        await writer.ExecuteAsync("INSERT INTO worker_heartbeats (instance, host, started_utc, last_seen_utc) VALUES ('committed', 'h', '2026-01-01', '2026-01-01')");
        await using var open = await writer.BeginTransactionAsync();
        await writer.ExecuteAsync("INSERT INTO worker_heartbeats (instance, host, started_utc, last_seen_utc) VALUES ('pending', 'h', '2026-01-01', '2026-01-01')", transaction: open);

        var outcome = SqliteBackup.Backup(_db.ConnectionString, Path.Combine(_folder, "copy.db"));

        await using var copy = new SqliteConnection($"Data Source={Path.Combine(_folder, "copy.db")};Mode=ReadOnly;Pooling=False");
        Assert.That(outcome.IsOk, Is.True, outcome.Detail?.ToString());
        Assert.That(await copy.QueryAsync<string>("SELECT instance FROM worker_heartbeats"), Is.EqualTo(new[] { "committed" }));
        Assert.That(await copy.ExecuteScalarAsync<string>("PRAGMA journal_mode"), Is.EqualTo("delete"), "one self-contained file");
    }

    [Test]
    public async Task Restore_BackupOfANewerBuild_IsRefusedAndTheDatabaseIsLeftAsItWas()
    {
        var backup = Path.Combine(_folder, "newer.db");
        Assert.That(SqliteBackup.Backup(_db.ConnectionString, backup).IsOk, Is.True);
        await using (var newer = new SqliteConnection($"Data Source={backup};Pooling=False"))
        {
            await newer.ExecuteAsync("INSERT INTO schema_migrations (version, name, applied_utc) VALUES (9999, 'future', '2030-01-01')");
        }

        var latest = new MigrationRunner(_db.Database).LatestVersion;
        var outcome = SqliteBackup.Restore(backup, _db.ConnectionString, latest, TimeProvider.System);

        Assert.That(outcome.IsOk, Is.False);
        Assert.That(outcome.Errors!["file"][0].ToString(), Does.Contain("schema version 9999"));
        Assert.That((await new MigrationRunner(_db.Database).GetStatusAsync()).CurrentVersion, Is.EqualTo(latest));
        Assert.That(Directory.GetFiles(_folder, "*.before-restore-*"), Is.Empty, "nothing touched");
    }

    [Test]
    public void Restore_OfAFileThatIsNotADatabase_IsRefused()
    {
        var junk = Path.Combine(_folder, "junk.db");
        File.WriteAllText(junk, new string('x', 8192));

        var outcome = SqliteBackup.Restore(junk, _db.ConnectionString, 1, TimeProvider.System);

        Assert.That(outcome.Errors!["file"][0].ToString(), Does.Contain("not a readable SQLite database"));
    }
}
