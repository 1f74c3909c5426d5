using CampaignDesk.Core.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CampaignDesk.Core.Data;

/// <summary>
/// Backs up and restores the SQLite database through SQLite's online backup API, never by copying the file: a copy of
/// <c>campaigndesk.db</c> taken while the API writes misses what still sits in <c>-wal</c> and may catch a page half-way.
/// </summary>
public static class SqliteBackup
{
    /// <summary>
    /// Copies the live database to <paramref name="destination"/> while the API and the worker keep running. The copy
    /// is one read transaction on the source (in WAL mode writers are not held up), so it holds exactly what was
    /// committed when it started. It is written beside the destination, checked (<c>PRAGMA integrity_check</c>) and
    /// only then renamed over it, so an existing backup is replaced whole or not at all.
    /// </summary>
    public static Outcome<SqliteFileReport> Backup(string sourceConnectionString, string destination)
    {
        var source = new SqliteConnectionStringBuilder(sourceConnectionString) { Mode = SqliteOpenMode.ReadWrite, Pooling = false };
        var target = Path.GetFullPath(destination);
        if (!File.Exists(source.DataSource))
        {
            return Outcome<SqliteFileReport>.Invalid("database", Messages.NoDatabaseFile, source.DataSource);
        }

        if (string.Equals(Path.GetFullPath(source.DataSource), target, StringComparison.Ordinal))
        {
            return Outcome<SqliteFileReport>.Invalid("destination", Messages.BackupOverSource);
        }

        var temporary = $"{target}.tmp-{Environment.ProcessId}";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            SqliteFileReport report;
            using (var from = new SqliteConnection(source.ToString()))
            using (var copy = Open(temporary, SqliteOpenMode.ReadWriteCreate))
            {
                from.Open();
                from.BackupDatabase(copy);
                // The copy carries the source's WAL flag; a rollback journal makes it one self-contained file.
                copy.Execute("PRAGMA journal_mode = DELETE");
                report = Inspect(copy, target);
            }

            if (report.Integrity != "ok")
            {
                return Outcome<SqliteFileReport>.Conflict(Messages.BackupIntegrity.With(report.Integrity));
            }

            OwnerOnly(temporary);
            File.Move(temporary, target, overwrite: true);
            return Outcome<SqliteFileReport>.Ok(report with { Bytes = new FileInfo(target).Length });
        }
        finally
        {
            File.Delete(temporary);
            File.Delete(temporary + "-journal");
        }
    }

    /// <summary>
    /// Puts a backup in place of the database, once the API and the worker are stopped: refused while another process
    /// has the database open, and refused for a backup that fails its integrity check or comes from a newer build. The
    /// database it replaces is kept beside it (<c>.before-restore-…</c>). The whole swap happens under an exclusive lock.
    /// </summary>
    public static Outcome<RestoreReport> Restore(string backupFile, string targetConnectionString, int latestVersion, TimeProvider time)
    {
        var backupPath = Path.GetFullPath(backupFile);
        if (!File.Exists(backupPath))
        {
            return Outcome<RestoreReport>.Invalid("file", Messages.NoBackupFile, backupPath);
        }

        var targetPath = new SqliteConnectionStringBuilder(targetConnectionString).DataSource;
        using var backup = Open(backupPath, SqliteOpenMode.ReadOnly);
        SqliteFileReport checkedBackup;
        try
        {
            checkedBackup = Inspect(backup, backupPath);
        }
        catch (SqliteException ex)
        {
            return Outcome<RestoreReport>.Invalid("file", Messages.BackupUnreadable, backupPath, ex.Message);
        }

        if (checkedBackup.Integrity != "ok" || checkedBackup.SchemaVersion is 0 || checkedBackup.SchemaVersion > latestVersion)
        {
            return Outcome<RestoreReport>.Invalid("file", checkedBackup.Integrity != "ok"
                ? Messages.BackupCorrupt.With(backupPath, checkedBackup.Integrity)
                : Messages.BackupSchemaUnknown.With(backupPath, checkedBackup.SchemaVersion, latestVersion));
        }

        string? previous = null;
        using (var target = Open(targetPath, SqliteOpenMode.ReadWriteCreate, busyTimeoutSeconds: 1))
        {
            // Leaving WAL mode needs every other connection closed: a running API or worker keeps pooled connections open.
            // Exclusive locking then keeps the lock from here to the end, so nothing opens the database half-restored.
            target.Execute("PRAGMA locking_mode = EXCLUSIVE");
            if (!TryLeaveWal(target))
            {
                return Outcome<RestoreReport>.Conflict(Messages.DatabaseInUse.With(targetPath));
            }

            if (target.ExecuteScalar<long>("SELECT COUNT(*) FROM sqlite_master") > 0)
            {
                previous = $"{targetPath}.before-restore-{time.GetUtcNow():yyyyMMddHHmmss}";
                using (var keep = Open(previous, SqliteOpenMode.ReadWriteCreate))
                {
                    target.BackupDatabase(keep);
                }

                OwnerOnly(previous);
            }

            backup.BackupDatabase(target);
            var restored = Inspect(target, targetPath);
            if (restored.Integrity != "ok")
            {
                return Outcome<RestoreReport>.Conflict(Messages.RestoredCorrupt.With(restored.Integrity, previous));
            }
        }

        using (var reopened = Open(targetPath, SqliteOpenMode.ReadWrite))
        {
            reopened.Execute("PRAGMA journal_mode = WAL");
            return Outcome<RestoreReport>.Ok(new RestoreReport(Inspect(reopened, targetPath) with { Bytes = new FileInfo(targetPath).Length }, previous));
        }
    }

    private static bool TryLeaveWal(SqliteConnection connection)
    {
        try
        {
            return connection.ExecuteScalar<string>("PRAGMA journal_mode = DELETE") == "delete";
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 5 or 6)
        {
            return false;
        }
    }

    // A backup holds confidential notes and token hashes: readable by the account that runs CampaignDesk only.
    private static void OwnerOnly(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private static SqliteFileReport Inspect(SqliteConnection connection, string path)
    {
        var problems = connection.Query<string>("PRAGMA integrity_check").ToList();
        var tables = connection.ExecuteScalar<int>("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'");
        var journal = connection.ExecuteScalar<int>("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'") > 0;
        var version = journal ? connection.ExecuteScalar<int?>("SELECT MAX(version) FROM schema_migrations") ?? 0 : 0;
        var pages = connection.ExecuteScalar<long>("PRAGMA page_count") * connection.ExecuteScalar<long>("PRAGMA page_size");
        return new SqliteFileReport(path, pages, tables, version, string.Join("; ", problems.Take(10)));
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode, int busyTimeoutSeconds = 30)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,
            Pooling = false,
            DefaultTimeout = busyTimeoutSeconds,
        }.ToString());
        connection.Open();
        return connection;
    }
}
