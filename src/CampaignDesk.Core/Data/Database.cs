using System.Data.Common;
using CampaignDesk.Core.Common;
using Dapper;

namespace CampaignDesk.Core.Data;

/// <summary>The configured database: its dialect and a way to open connections. One connection per store call.</summary>
public sealed class Database
{
    private readonly int _commandTimeoutSeconds;

    public Database(DatabaseProvider provider, string connectionString, int commandTimeoutSeconds = 30)
    {
        DapperSetup.EnsureConfigured();
        Dialect = SqlDialect.For(provider);
        ConnectionString = connectionString;
        _commandTimeoutSeconds = commandTimeoutSeconds;
    }

    public SqlDialect Dialect { get; }

    public DatabaseProvider Provider => Dialect.Provider;

    public string ConnectionString { get; }

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

    /// <summary>Runs <paramref name="work"/> in one transaction, committed when it returns and rolled back when it throws.</summary>
    public async Task<T> TransactAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await work(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>Runs <paramref name="work"/> in one transaction, committed only when its outcome is a success: a refusal or
    /// an invalid input found half-way leaves nothing written.</summary>
    public async Task<Outcome<T>> TransactAsync<T>(Func<DbConnection, DbTransaction, Task<Outcome<T>>> work, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var outcome = await work(connection, transaction);
        if (outcome.IsOk)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        else
        {
            await transaction.RollbackAsync(cancellationToken);
        }

        return outcome;
    }

    /// <summary>Adds an error on <paramref name="field"/> for each of <paramref name="ids"/> no row of <paramref name="table"/> has; true if any.</summary>
    internal async Task<bool> RequireRowsAsync(DbConnection connection, DbTransaction transaction, string table, IReadOnlyCollection<long> ids,
        string field, Errors errors, CancellationToken cancellationToken)
    {
        var distinct = ids.Distinct().ToArray();
        var existing = distinct.Length == 0
            ? []
            : (await connection.QueryAsync<long>(Command($"SELECT id FROM {table} WHERE {Dialect.InList("id", "distinct")}", new { distinct },
                transaction, cancellationToken))).ToHashSet();
        foreach (var missing in distinct.Where(id => !existing.Contains(id)))
        {
            errors.Add(field, $"There is no {table.TrimEnd('s')} {missing}.");
        }

        return errors.Any;
    }

    /// <summary>Adds an error on <paramref name="field"/> when <paramref name="id"/> is given and no row of <paramref name="table"/> has it.</summary>
    internal async Task RequireRowAsync(DbConnection connection, DbTransaction transaction, string table, long? id, string field, Errors errors,
        CancellationToken cancellationToken)
    {
        if (id is not null && await connection.ExecuteScalarAsync<long?>(Command($"SELECT id FROM {table} WHERE id = @id", new { id },
                transaction, cancellationToken)) is null)
        {
            errors.Add(field, $"There is no {table.TrimEnd('s')} {id}.");
        }
    }
}
