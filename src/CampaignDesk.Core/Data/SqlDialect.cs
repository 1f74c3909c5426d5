using System.Data.Common;
using CampaignDesk.Core.Text;
using Dapper;

namespace CampaignDesk.Core.Data;

/// <summary>
/// What differs between the engines. Stores write portable SQL (lower_snake_case, @parameters) and ask the
/// dialect only for paging, returning generated ids, error classification and the migration lock.
/// </summary>
public abstract class SqlDialect
{
    public abstract DatabaseProvider Provider { get; }

    /// <summary>Folder of <c>sql/</c> that holds this engine's migrations.</summary>
    public abstract string MigrationFolder { get; }

    public abstract DbConnection CreateConnection(string connectionString);

    /// <summary>Follows an ORDER BY; binds <c>@Skip</c> and <c>@Take</c>.</summary>
    public virtual string Paging => "LIMIT @Take OFFSET @Skip";

    /// <summary><c>column IN @parameter</c> for a list parameter (Dapper expands it; PostgreSQL takes an array).</summary>
    public virtual string InList(string column, string parameter) => $"{column} IN @{parameter}";

    /// <summary>
    /// <paramref name="column"/>'s value is in no row of <paramref name="table"/>'s <paramref name="referencing"/> column.
    /// SQLite scans a correlated subquery's table once per row where no index serves it, but builds the list of an
    /// uncorrelated IN once.
    /// </summary>
    public virtual string NotReferenced(string column, string table, string referencing) =>
        $"{column} NOT IN (SELECT r.{referencing} FROM {table} r WHERE r.{referencing} IS NOT NULL)";

    /// <summary>
    /// A condition on the search_text (folded text) of <paramref name="table"/> (an alias with an id): for every group, the
    /// text holds at least one of the group's pieces. The parameters it needs are added to <paramref name="parameters"/>.
    /// SQLite answers it from the FTS5 word index <paramref name="wordIndex"/> where one is named and no piece is to be found
    /// inside a word; the others look every piece up with LIKE '%piece%', which PostgreSQL's pg_trgm index serves. Either way
    /// a superset of the rows that really match: the caller checks each one (<see cref="SearchQuery.Match"/>).
    /// </summary>
    public virtual string ContainsAll(string table, string? wordIndex, IReadOnlyList<IReadOnlyList<SearchPiece>> groups, DynamicParameters parameters) =>
        string.Join(" AND ", groups.Select((group, i) => "(" + string.Join(" OR ", group.Select((piece, j) =>
        {
            parameters.Add($"Piece{i}_{j}", "%" + piece.Text + "%");
            return $"{table}.search_text LIKE @Piece{i}_{j}";
        })) + ")"));

    /// <summary>A query of the distinct words in the word index (SQLite's FTS5 vocabulary), or null where the engine has none.</summary>
    public virtual string? WordIndexTerms(string? wordIndex) => null;

    public virtual string InsertReturningId(string table, string columns, string values) =>
        $"INSERT INTO {table} ({columns}) VALUES ({values}) RETURNING id";

    public abstract bool IsUniqueViolation(DbException exception);

    /// <summary>The database cannot be reached or used right now (connection lost, locked, shutting down): worth a retry.</summary>
    public virtual bool IsUnavailable(DbException exception) => exception.IsTransient;

    /// <summary>
    /// Why the database could not be used, in a few words for an operator ("Connection refused", "database is locked"):
    /// never the connection string, the SQL or a stack trace.
    /// </summary>
    public string DescribeFailure(Exception exception)
    {
        for (var cause = exception; cause is not null; cause = cause.InnerException)
        {
            if (Describe(cause) is { } reason)
            {
                return reason;
            }
        }

        return exception.GetType().Name;
    }

    /// <summary>This one exception's reason, or null to look at its inner one.</summary>
    protected virtual string? Describe(Exception exception) => exception switch
    {
        System.Net.Sockets.SocketException socket => socket.Message,
        TimeoutException => "no answer in time",
        _ => null,
    };

    /// <summary>SQL that creates the migration journal when it does not exist.</summary>
    public abstract string CreateJournalTable { get; }

    /// <summary>
    /// Inserts many rows fast, inside <paramref name="transaction"/>; the values' CLR types must match the columns
    /// (long for bigint, int for integer, string for text, bool, DateTime in UTC). Portable default: multi-row VALUES.
    /// </summary>
    public virtual Task<int> BulkInsertAsync(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns,
        IEnumerable<object?[]> rows, CancellationToken cancellationToken) =>
        BulkInsert.RunAsync(connection, transaction, table, columns, rows, cancellationToken);

    /// <summary>Sets the connection up for a bulk load and returns what puts it back (SQLite: a larger page cache).</summary>
    public virtual Task<IAsyncDisposable> TuneForBulkAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<IAsyncDisposable>(NoLock.Instance);

    /// <summary>The name under which a temporary table is created and queried in this session.</summary>
    public virtual string TempTable(string name) => name;

    /// <summary>Creates a temporary table of text columns and the given bigint columns, private to this connection.</summary>
    public virtual string CreateTempTable(string name, IReadOnlyList<string> textColumns, IReadOnlyList<string> bigintColumns) =>
        $"CREATE TEMP TABLE {TempTable(name)} ({string.Join(", ", bigintColumns.Select(c => $"{c} bigint NULL").Concat(textColumns.Select(c => $"{c} text NULL")))})";

    public virtual string DropTempTable(string name) => $"DROP TABLE IF EXISTS {TempTable(name)}";

    /// <summary>
    /// An index on <paramref name="keys"/> that also answers queries reading <paramref name="covered"/>, where the
    /// engine can: the default indexes the keys only (PostgreSQL's index-only scans need a visibility map that a
    /// freshly loaded temporary table never gets, so covering columns would only cost).
    /// </summary>
    public virtual string CreateCoveringIndex(string name, string table, IReadOnlyList<string> keys, IReadOnlyList<string> covered) =>
        $"CREATE INDEX {name} ON {table} ({string.Join(", ", keys)})";

    /// <summary>
    /// Drops the non-unique indexes of <paramref name="table"/> but <paramref name="keep"/>, inside
    /// <paramref name="transaction"/>, and returns the statements that re-create them: a bulk load that re-creates an
    /// index sorts its rows once instead of inserting them into it one by one. Engines without transactional DDL
    /// drop nothing.
    /// </summary>
    public virtual Task<IReadOnlyList<string>> DropSecondaryIndexesAsync(DbConnection connection, DbTransaction transaction, string table,
        IReadOnlyCollection<string> keep, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);

    /// <summary>A query that counts 1 when the journal table exists (readiness checks must not write).</summary>
    public virtual string JournalExists =>
        "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'";

    /// <summary>
    /// Takes a named exclusive lock held until <paramref name="transaction"/> ends, to serialise read-check-write
    /// sequences that span several rows. SQLite needs none: its write transactions are already exclusive.
    /// </summary>
    public virtual Task LockAsync(DbConnection connection, DbTransaction transaction, string name, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>Serialises migration runs across processes; disposing releases the lock.</summary>
    public abstract Task<IAsyncDisposable> AcquireMigrationLockAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Splits a migration script into the batches the engine executes one by one.</summary>
    public virtual IEnumerable<string> SplitBatches(string script) => [script];

    /// <summary>Gets the storage ready before the first connection (folders, journal mode…).</summary>
    public virtual Task PrepareAsync(string connectionString, CancellationToken cancellationToken) => Task.CompletedTask;

    public static SqlDialect For(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteDialect(),
        DatabaseProvider.Postgres => new PostgresDialect(),
        DatabaseProvider.SqlServer => new SqlServerDialect(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
    };

    protected sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
