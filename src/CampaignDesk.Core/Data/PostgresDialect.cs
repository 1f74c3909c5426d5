using System.Data.Common;
using CampaignDesk.Core.Text;
using Dapper;
using Npgsql;

namespace CampaignDesk.Core.Data;

public sealed class PostgresDialect : SqlDialect
{
    // An arbitrary constant shared by every CampaignDesk process on the same database.
    private const long MigrationLockKey = 0x43_44_4D_49_47; // "CDMIG"

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public override string MigrationFolder => "postgres";

    public override DbConnection CreateConnection(string connectionString) => new NpgsqlConnection(connectionString);

    // Dapper passes a list to Npgsql as one array parameter rather than expanding it.
    public override string InList(string column, string parameter) => $"{column} = ANY(@{parameter})";

    // An anti-join: NOT IN over a list larger than work_mem is re-scanned for every row.
    public override string NotReferenced(string column, string table, string referencing) =>
        $"NOT EXISTS (SELECT 1 FROM {table} r WHERE r.{referencing} = {column})";

    // The officials' words are a full-text GIN index (migration 0025): each piece a word (chatelain) or a word's beginning
    // (martin:*). Pieces to find inside words (typos' trigrams) go to LIKE and the trigram index.
    public override string ContainsAll(string table, string? wordIndex, IReadOnlyList<IReadOnlyList<SearchPiece>> groups, DynamicParameters parameters)
    {
        if (wordIndex is null || groups.Any(g => g.Any(p => p.Kind == SearchPieceKind.Contained || !p.Text.All(char.IsLetterOrDigit))))
        {
            return base.ContainsAll(table, wordIndex, groups, parameters);
        }

        parameters.Add("WordQuery", string.Join(" & ", groups.Select(group => "(" + string.Join(" | ", group.Select(piece =>
            piece.Text + (piece.Kind == SearchPieceKind.WordPrefix ? ":*" : ""))) + ")")));
        return $"to_tsvector('simple', regexp_replace({table}.search_text, '[^[:alnum:]]+', ' ', 'g')) @@ to_tsquery('simple', @WordQuery)";
    }

    public override bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    // Connection exceptions (08…), operator intervention (57P…), insufficient resources (53…), or no answer at all.
    public override bool IsUnavailable(DbException exception) => exception.IsTransient || exception switch
    {
        PostgresException pg => pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState.StartsWith("57P", StringComparison.Ordinal)
            || pg.SqlState.StartsWith("53", StringComparison.Ordinal),
        NpgsqlException => true,
        _ => false,
    };

    // The server's own words: "the database system is shutting down", "terminating connection due to administrator command".
    protected override string? Describe(Exception exception) =>
        exception is PostgresException pg ? $"{pg.MessageText} ({pg.SqlState})" : base.Describe(exception);

    // Binary COPY: the fastest way into PostgreSQL, and it runs inside the connection's transaction.
    public override async Task<int> BulkInsertAsync(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns,
        IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        var count = 0;
        await using var importer = await ((NpgsqlConnection)connection).BeginBinaryImportAsync(
            $"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            foreach (var value in row)
            {
                if (value is null)
                {
                    await importer.WriteNullAsync(cancellationToken);
                }
                else
                {
                    await importer.WriteAsync(value, cancellationToken);
                }
            }

            count++;
        }

        await importer.CompleteAsync(cancellationToken);
        return count;
    }

    public override string CreateTempTable(string name, IReadOnlyList<string> textColumns, IReadOnlyList<string> bigintColumns) =>
        base.CreateTempTable(name, textColumns, bigintColumns) + " ON COMMIT DROP";

    // pg_get_indexdef gives each index's definition, schema-qualified. Dropping takes an exclusive lock on the table
    // until the transaction ends: readers wait for the load instead of seeing it half done.
    public override async Task<IReadOnlyList<string>> DropSecondaryIndexesAsync(DbConnection connection, DbTransaction transaction, string table,
        IReadOnlyCollection<string> keep, CancellationToken cancellationToken)
    {
        var indexes = (await connection.QueryAsync<(string Name, string Qualified, string Sql)>(new CommandDefinition("""
            SELECT i.relname, quote_ident(n.nspname) || '.' || quote_ident(i.relname), pg_get_indexdef(i.oid)
            FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_namespace n ON n.oid = i.relnamespace
            WHERE x.indrelid = to_regclass(@table) AND NOT x.indisunique AND NOT x.indisprimary
            ORDER BY i.relname
            """, new { table }, transaction, cancellationToken: cancellationToken))).Where(i => !keep.Contains(i.Name)).ToList();
        foreach (var index in indexes)
        {
            await connection.ExecuteAsync(new CommandDefinition($"DROP INDEX {index.Qualified}", transaction: transaction, cancellationToken: cancellationToken));
        }

        return indexes.Select(i => i.Sql).ToList();
    }

    public override string CreateJournalTable => """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version integer NOT NULL PRIMARY KEY,
            name text NOT NULL,
            applied_utc timestamptz NOT NULL
        )
        """;

    public override string JournalExists =>
        "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'schema_migrations'";

    public override Task LockAsync(DbConnection connection, DbTransaction transaction, string name, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(hashtext(@name))", new { name }, transaction,
            cancellationToken: cancellationToken));

    public override async Task<IAsyncDisposable> AcquireMigrationLockAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_lock(@key)", new { key = MigrationLockKey }, commandTimeout: 0, cancellationToken: cancellationToken));
        return new Release(connection);
    }

    private sealed class Release(DbConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() =>
            await connection.ExecuteAsync("SELECT pg_advisory_unlock(@key)", new { key = MigrationLockKey });
    }
}
