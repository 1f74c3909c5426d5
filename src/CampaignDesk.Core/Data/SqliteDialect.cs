using System.Data.Common;
using System.Globalization;
using System.Text;
using CampaignDesk.Core.Text;
using Dapper;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CampaignDesk.Core.Data;

public sealed class SqliteDialect : SqlDialect
{
    private const int SqliteConstraint = 19;

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override string MigrationFolder => "sqlite";

    public override DbConnection CreateConnection(string connectionString) => new SqliteConnection(connectionString);

    // The FTS5 table (tokenizer unicode61, detail='none') holds words: a word's beginning is a prefix query, a whole word a term.
    public override string ContainsAll(string table, string? wordIndex, IReadOnlyList<IReadOnlyList<SearchPiece>> groups, DynamicParameters parameters)
    {
        if (wordIndex is null || groups.Any(g => g.Any(p => p.Kind == SearchPieceKind.Contained)))
        {
            return base.ContainsAll(table, wordIndex, groups, parameters);
        }

        var match = string.Join(" AND ", groups.Select(group => "(" + string.Join(" OR ", group.Select(piece =>
            $"\"{piece.Text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"{(piece.Kind == SearchPieceKind.WordPrefix ? "*" : "")}")) + ")"));
        parameters.Add("WordMatch", match);
        return $"{table}.id IN (SELECT rowid FROM {wordIndex} WHERE {wordIndex} MATCH @WordMatch)";
    }

    public override string? WordIndexTerms(string? wordIndex) => wordIndex is null ? null : $"SELECT term FROM {wordIndex}_words";

    public override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: SqliteConstraint } sqlite
        && sqlite.Message.Contains("UNIQUE", StringComparison.Ordinal);

    // BUSY, LOCKED, READONLY, IOERR, FULL, CANTOPEN.
    public override bool IsUnavailable(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: 5 or 6 or 8 or 10 or 13 or 14 };

    // SQLite's text for the code ("database is locked", "unable to open database file"), without the statement.
    protected override string? Describe(Exception exception) =>
        exception is SqliteException sqlite ? raw.sqlite3_errstr(sqlite.SqliteErrorCode).utf8_to_string() : base.Describe(exception);

    // 32 MB page caches (main and temp) keep the indexes being filled in memory; pooled connections get the default back.
    public override async Task<IAsyncDisposable> TuneForBulkAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition("PRAGMA main.cache_size = -32768; PRAGMA temp.cache_size = -32768; PRAGMA threads = 2",
            cancellationToken: cancellationToken));
        return new Restore(connection);
    }

    private sealed class Restore(DbConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await connection.ExecuteAsync("PRAGMA main.cache_size = -2000; PRAGMA temp.cache_size = -2000; PRAGMA threads = 0");
    }

    // One prepared statement re-bound per row, on SQLite's own API: ADO.NET's work around each execution (a data
    // reader, parameters matched by name, text re-encoded into new arrays) cost more than the inserts on a million
    // rows. The statement runs on the connection, hence inside its transaction.
    public override Task<int> BulkInsertAsync(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns,
        IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        var db = ((SqliteConnection)connection).Handle!;
        var sql = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(_ => "?"))})";
        Check(db, raw.sqlite3_prepare_v2(db, sql, out var statement));
        using (statement)
        {
            var text = new byte[256];
            var count = 0;
            foreach (var row in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                for (var i = 0; i < columns.Count; i++)
                {
                    Check(db, Bind(statement, i + 1, row[i], ref text));
                }

                Check(db, raw.sqlite3_step(statement), raw.SQLITE_DONE);
                Check(db, raw.sqlite3_reset(statement));
                count++;
            }

            return Task.FromResult(count);
        }
    }

    // The values as Microsoft.Data.Sqlite would store them; text goes through one reused UTF-8 buffer (SQLite copies it).
    private static int Bind(sqlite3_stmt statement, int index, object? value, ref byte[] buffer)
    {
        switch (value)
        {
            case null:
                return raw.sqlite3_bind_null(statement, index);
            case long number:
                return raw.sqlite3_bind_int64(statement, index, number);
            case int number:
                return raw.sqlite3_bind_int64(statement, index, number);
            case bool flag:
                return raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0);
            case double number:
                return raw.sqlite3_bind_double(statement, index, number);
            case DateTime time:
                return BindText(statement, index, time.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture), ref buffer);
            case string text:
                return BindText(statement, index, text, ref buffer);
            default:
                throw new ArgumentException($"Bulk insert does not bind {value.GetType().Name} values.", nameof(value));
        }
    }

    private static int BindText(sqlite3_stmt statement, int index, string text, ref byte[] buffer)
    {
        if (text.Length == 0)
        {
            return raw.sqlite3_bind_text(statement, index, string.Empty); // an empty span would pin to NULL
        }

        if (Encoding.UTF8.GetMaxByteCount(text.Length) > buffer.Length)
        {
            buffer = new byte[Encoding.UTF8.GetMaxByteCount(text.Length)];
        }

        return raw.sqlite3_bind_text(statement, index, buffer.AsSpan(0, Encoding.UTF8.GetBytes(text, buffer)));
    }

    private static void Check(sqlite3 db, int rc, int expected = raw.SQLITE_OK)
    {
        if (rc != expected)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }
    }

    // SQLite has no INCLUDE: trailing key columns make the index covering.
    public override string CreateCoveringIndex(string name, string table, IReadOnlyList<string> keys, IReadOnlyList<string> covered) =>
        $"CREATE INDEX {name} ON {table} ({string.Join(", ", keys.Concat(covered))})";

    // sqlite_master keeps each index's CREATE statement as written; auto-indexes of constraints have none.
    public override async Task<IReadOnlyList<string>> DropSecondaryIndexesAsync(DbConnection connection, DbTransaction transaction, string table,
        IReadOnlyCollection<string> keep, CancellationToken cancellationToken)
    {
        var indexes = (await connection.QueryAsync<(string Name, string Sql)>(new CommandDefinition("""
            SELECT m.name, m.sql FROM sqlite_master m JOIN pragma_index_list(@table) l ON l.name = m.name
            WHERE m.type = 'index' AND l."unique" = 0 AND m.sql IS NOT NULL ORDER BY m.name
            """, new { table }, transaction, cancellationToken: cancellationToken))).Where(i => !keep.Contains(i.Name)).ToList();
        foreach (var index in indexes)
        {
            await connection.ExecuteAsync(new CommandDefinition($"DROP INDEX \"{index.Name}\"", transaction: transaction, cancellationToken: cancellationToken));
        }

        return indexes.Select(i => i.Sql).ToList();
    }

    public override string CreateJournalTable => """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER NOT NULL PRIMARY KEY,
            name TEXT NOT NULL,
            applied_utc TEXT NOT NULL
        )
        """;

    public override string JournalExists =>
        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'";

    // Every migration runs in BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default transaction), which takes the
    // database's write lock, and the runner re-reads the journal inside it: that is the cross-process lock.
    public override Task<IAsyncDisposable> AcquireMigrationLockAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<IAsyncDisposable>(NoLock.Instance);

    public override async Task PrepareAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is "" or ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            return;
        }

        var path = Path.GetFullPath(builder.DataSource);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            // WAL lets readers work while one writer commits; the mode is stored in the file.
            await connection.ExecuteAsync(new CommandDefinition("PRAGMA journal_mode=WAL", cancellationToken: cancellationToken));
            // Opening is lazy: only a write proves the file and its folder are writable.
            await connection.ExecuteAsync(new CommandDefinition("PRAGMA user_version = 0", cancellationToken: cancellationToken));
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new DatabaseUnavailableException(
                $"The SQLite database '{path}' cannot be created or written: {ex.Message.TrimEnd('.')}. " +
                "Check that its folder exists and is writable by this user, or set Database:ConnectionString.", ex);
        }
    }
}
