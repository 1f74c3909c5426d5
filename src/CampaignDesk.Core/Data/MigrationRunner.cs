using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CampaignDesk.Core.Data;

/// <summary>
/// Applies the embedded scripts that the journal does not list yet, in order, each in its own transaction.
/// Safe when several processes start at once (engine lock, then a re-read of the journal inside each
/// transaction); refuses a database that holds versions this build does not know.
/// </summary>
public sealed class MigrationRunner
{
    private readonly Database _database;
    private readonly ILogger _logger;

    public MigrationRunner(Database database, ILogger<MigrationRunner>? logger = null)
        : this(database, Migration.LoadEmbedded(database.Dialect.MigrationFolder), logger)
    {
    }

    internal MigrationRunner(Database database, IReadOnlyList<Migration> migrations, ILogger? logger = null)
    {
        _database = database;
        _logger = logger ?? NullLogger<MigrationRunner>.Instance;
        Migrations = migrations.OrderBy(m => m.Version).ToList();
    }

    public IReadOnlyList<Migration> Migrations { get; }

    public int LatestVersion => Migrations.Count == 0 ? 0 : Migrations[^1].Version;

    public async Task<int> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await _database.Dialect.PrepareAsync(_database.ConnectionString, cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var migrationLock = await _database.Dialect.AcquireMigrationLockAsync(connection, cancellationToken);
        await connection.ExecuteAsync(_database.Command(_database.Dialect.CreateJournalTable, cancellationToken: cancellationToken));

        var applied = (await connection.QueryAsync<int>(_database.Command(
            "SELECT version FROM schema_migrations", cancellationToken: cancellationToken))).ToHashSet();
        EnsureKnown(applied);

        var count = 0;
        foreach (var migration in Migrations.Where(m => !applied.Contains(m.Version)))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var already = await connection.ExecuteScalarAsync<int>(_database.Command(
                "SELECT COUNT(*) FROM schema_migrations WHERE version = @Version", migration, transaction, cancellationToken));
            if (already > 0)
            {
                continue; // another process applied it while this one waited for the lock
            }

            foreach (var batch in _database.Dialect.SplitBatches(migration.Script))
            {
                await connection.ExecuteAsync(_database.Command(batch, transaction: transaction, cancellationToken: cancellationToken));
            }

            await connection.ExecuteAsync(_database.Command(
                "INSERT INTO schema_migrations (version, name, applied_utc) VALUES (@Version, @Name, @AppliedUtc)",
                new { migration.Version, migration.Name, AppliedUtc = DateTime.UtcNow }, transaction, cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            count++;
            _logger.LogInformation("Applied migration {Version} {Name} on {Provider}", migration.Version, migration.Name, _database.Provider);
        }

        return count;
    }

    // The message of a failed open names the server, never the password; the connection string is not repeated.
    private async Task<System.Data.Common.DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _database.OpenAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or ArgumentException or InvalidOperationException or TimeoutException
            or System.Net.Sockets.SocketException)
        {
            throw new DatabaseUnavailableException(
                $"Cannot connect to the {_database.Provider} database: {ex.Message.TrimEnd('.')}. Check Database:ConnectionString and that the server runs.", ex);
        }
    }

    /// <summary>The version the database is at (0 when it has no journal), for readiness checks.</summary>
    public async Task<SchemaStatus> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        var hasJournal = await connection.ExecuteScalarAsync<int>(_database.Command(
            _database.Dialect.JournalExists, cancellationToken: cancellationToken)) > 0;
        var applied = hasJournal
            ? (await connection.QueryAsync<int>(_database.Command("SELECT version FROM schema_migrations", cancellationToken: cancellationToken))).ToList()
            : [];
        return new SchemaStatus(applied.Count == 0 ? 0 : applied.Max(), LatestVersion,
            Migrations.Count(m => !applied.Contains(m.Version)));
    }

    private void EnsureKnown(HashSet<int> applied)
    {
        var unknown = applied.Where(version => Migrations.All(m => m.Version != version)).Order().ToList();
        if (unknown.Count > 0)
        {
            throw new DatabaseUnavailableException(
                $"The database holds schema version(s) {string.Join(", ", unknown)} that this build of CampaignDesk does not know " +
                $"(it knows up to {LatestVersion}). Run the newer build, or restore a backup made for this one.");
        }
    }
}

public sealed record SchemaStatus(int CurrentVersion, int LatestVersion, int PendingCount)
{
    public bool IsCurrent => PendingCount == 0 && CurrentVersion == LatestVersion;
}
