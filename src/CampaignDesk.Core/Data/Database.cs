using System.Data.Common;
using CampaignDesk.Core.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CampaignDesk.Core.Data;

/// <summary>The configured database: its dialect and a way to open connections. One connection per store call.</summary>
public sealed class Database
{
    private readonly int _commandTimeoutSeconds;

    // SQLite has one writer at a time, and a writer that finds the lock taken sleeps in SQLite's busy handler (steps of 1
    // to 100 ms) however soon the lock is released: under concurrent requests, writers slept more than they wrote (p99
    // of 0.9-1.8 s at 220-370 interactions/s). This process's transactions queue here instead, and each starts as soon
    // as the previous one commits; other processes (a separate worker, the command line) still meet the busy handler.
    private readonly SemaphoreSlim? _sqliteWriter;

    public Database(DatabaseProvider provider, string connectionString, int commandTimeoutSeconds = 30)
    {
        DapperSetup.EnsureConfigured();
        Dialect = SqlDialect.For(provider);
        ConnectionString = connectionString;
        _commandTimeoutSeconds = commandTimeoutSeconds;
        _sqliteWriter = provider == DatabaseProvider.Sqlite ? new SemaphoreSlim(1, 1) : null;
    }

    public SqlDialect Dialect { get; }

    public DatabaseProvider Provider => Dialect.Provider;

    public string ConnectionString { get; }

    /// <summary>How long a statement (and, on SQLite, a write waiting for the lock) may take before it fails.</summary>
    public TimeSpan CommandTimeout => TimeSpan.FromSeconds(_commandTimeoutSeconds);

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = Dialect.CreateConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public CommandDefinition Command(string sql, object? parameters = null, DbTransaction? transaction = null,
        CancellationToken cancellationToken = default) =>
        new(sql, parameters, transaction, _commandTimeoutSeconds, cancellationToken: cancellationToken);

    /// <summary>A command for set-wise bulk work (imports), which may run for minutes on a million rows.</summary>
    public CommandDefinition BulkCommand(string sql, object? parameters, DbTransaction transaction, CancellationToken cancellationToken) =>
        new(sql, parameters, transaction, Math.Max(_commandTimeoutSeconds, BulkCommandTimeoutSeconds), cancellationToken: cancellationToken);

    public const int BulkCommandTimeoutSeconds = 1800;

    /// <summary>Runs <paramref name="work"/> in one unit of work, committed when it returns and rolled back when it throws.</summary>
    public Task<T> WriteAsync<T>(Func<DbSession, Task<T>> work, CancellationToken cancellationToken) =>
        InSessionAsync(work, _ => true, bulk: false, cancellationToken);

    /// <summary>Runs <paramref name="work"/> in one unit of work, committed when <paramref name="commitWhen"/> holds for its
    /// result and rolled back otherwise (a write that lost a race to another process, a dry run, a failure recorded apart).</summary>
    public Task<T> WriteAsync<T>(Func<DbSession, Task<T>> work, Func<T, bool> commitWhen, CancellationToken cancellationToken) =>
        InSessionAsync(work, commitWhen, bulk: false, cancellationToken);

    /// <summary>Runs <paramref name="work"/> in one unit of work, committed only when its outcome is a success: a refusal or
    /// an invalid input found half-way leaves nothing written.</summary>
    public Task<Outcome<T>> WriteAsync<T>(Func<DbSession, Task<Outcome<T>>> work, CancellationToken cancellationToken) =>
        InSessionAsync(work, outcome => outcome.IsOk, bulk: false, cancellationToken);

    /// <summary>
    /// Like <see cref="WriteAsync{T}(Func{DbSession, Task{T}}, Func{T, bool}, CancellationToken)"/>, on a connection tuned
    /// for bulk work (see <see cref="SqlDialect.TuneForBulkAsync"/>) for the whole transaction: an import that lands whole
    /// or not at all.
    /// </summary>
    public Task<T> BulkWriteAsync<T>(Func<DbSession, Task<T>> work, Func<T, bool> commitWhen, CancellationToken cancellationToken) =>
        InSessionAsync(work, commitWhen, bulk: true, cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> in one unit of work that is always rolled back: a dry run that goes through the very
    /// code (and locks, and pacing) of the real write, and leaves nothing behind.
    /// </summary>
    public Task<T> RehearseAsync<T>(Func<DbSession, Task<T>> work, CancellationToken cancellationToken) =>
        InSessionAsync(work, _ => false, bulk: false, cancellationToken);

    /// <summary>Runs <paramref name="work"/> on a connection of its own, without a transaction nor the writer turn: reads only.</summary>
    public async Task<T> ReadAsync<T>(Func<DbSession, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await work(new DbSession(this, connection, null, cancellationToken));
    }

    private async Task<T> InSessionAsync<T>(Func<DbSession, Task<T>> work, Func<T, bool> commitWhen, bool bulk, CancellationToken cancellationToken)
    {
        using var turn = await WriterTurnAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var tuned = bulk ? await Dialect.TuneForBulkAsync(connection, cancellationToken) : null;
        var result = await work(new DbSession(this, connection, transaction, cancellationToken));
        if (commitWhen(result))
        {
            await transaction.CommitAsync(cancellationToken);
        }
        else
        {
            await transaction.RollbackAsync(cancellationToken);
        }

        return result;
    }

    /// <summary>On SQLite, waits for this process's previous transaction to end, as long as the busy timeout would have.</summary>
    private async Task<IDisposable?> WriterTurnAsync(CancellationToken cancellationToken)
    {
        if (_sqliteWriter is null)
        {
            return null;
        }

        if (!await _sqliteWriter.WaitAsync(TimeSpan.FromSeconds(_commandTimeoutSeconds), cancellationToken))
        {
            throw new SqliteException($"database is locked: another write of this process held it for {_commandTimeoutSeconds} s", 5);
        }

        return new Turn(_sqliteWriter);
    }

    private sealed class Turn(SemaphoreSlim writer) : IDisposable
    {
        public void Dispose() => writer.Release();
    }
}
