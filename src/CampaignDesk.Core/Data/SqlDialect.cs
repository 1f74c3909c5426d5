using System.Data.Common;

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

    public virtual string InsertReturningId(string table, string columns, string values) =>
        $"INSERT INTO {table} ({columns}) VALUES ({values}) RETURNING id";

    public abstract bool IsUniqueViolation(DbException exception);

    /// <summary>The database cannot be reached or used right now (connection lost, locked, shutting down): worth a retry.</summary>
    public virtual bool IsUnavailable(DbException exception) => exception.IsTransient;

    /// <summary>SQL that creates the migration journal when it does not exist.</summary>
    public abstract string CreateJournalTable { get; }

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
