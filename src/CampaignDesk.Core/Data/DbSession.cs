using System.Data.Common;
using CampaignDesk.Core.Common;
using Dapper;

namespace CampaignDesk.Core.Data;

/// <summary>
/// One unit of work: a connection, its transaction (none for a read), the dialect and the caller's cancellation. A write
/// gets one from <see cref="Database.WriteAsync{T}(Func{DbSession, Task{T}}, CancellationToken)"/> — the only way to write,
/// which on SQLite also holds this process's writer turn — and hands it to every store and effect the write involves, so
/// they all commit or roll back together. Its commands carry the transaction, the command timeout and the cancellation.
/// </summary>
public sealed class DbSession
{
    internal DbSession(Database database, DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        Database = database;
        Connection = connection;
        Transaction = transaction;
        CancellationToken = cancellationToken;
    }

    public Database Database { get; }

    public DbConnection Connection { get; }

    /// <summary>The write's transaction; null in a read session.</summary>
    public DbTransaction? Transaction { get; }

    public CancellationToken CancellationToken { get; }

    public SqlDialect Dialect => Database.Dialect;

    public CommandDefinition Command(string sql, object? parameters = null) =>
        Database.Command(sql, parameters, Transaction, CancellationToken);

    public Task<int> ExecuteAsync(string sql, object? parameters = null) => Connection.ExecuteAsync(Command(sql, parameters));

    public Task<T?> ScalarAsync<T>(string sql, object? parameters = null) => Connection.ExecuteScalarAsync<T>(Command(sql, parameters));

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null) =>
        (await Connection.QueryAsync<T>(Command(sql, parameters))).AsList();

    public Task<T?> SingleOrDefaultAsync<T>(string sql, object? parameters = null) =>
        Connection.QuerySingleOrDefaultAsync<T>(Command(sql, parameters));

    public Task<T?> FirstOrDefaultAsync<T>(string sql, object? parameters = null) =>
        Connection.QueryFirstOrDefaultAsync<T>(Command(sql, parameters));

    /// <summary>Inserts one row and returns its generated id (<see cref="SqlDialect.InsertReturningId"/>).</summary>
    public Task<long> InsertAsync(string table, string columns, string values, object parameters) =>
        Connection.ExecuteScalarAsync<long>(Command(Dialect.InsertReturningId(table, columns, values), parameters));

    /// <summary>Adds an error on <paramref name="field"/> for each of <paramref name="ids"/> no row of <paramref name="table"/> has; true if any.</summary>
    public async Task<bool> RequireRowsAsync(string table, IReadOnlyCollection<long> ids, string field, Errors errors)
    {
        var distinct = ids.Distinct().ToArray();
        var existing = distinct.Length == 0
            ? []
            : (await QueryAsync<long>($"SELECT id FROM {table} WHERE {Dialect.InList("id", "distinct")}", new { distinct })).ToHashSet();
        foreach (var missing in distinct.Where(id => !existing.Contains(id)))
        {
            errors.Add(field, Messages.NoRowOf(table, missing));
        }

        return errors.Any;
    }

    /// <summary>Adds an error on <paramref name="field"/> when <paramref name="id"/> is given and no row of <paramref name="table"/> has it.</summary>
    public async Task RequireRowAsync(string table, long? id, string field, Errors errors)
    {
        if (id is not null && await ScalarAsync<long?>($"SELECT id FROM {table} WHERE id = @id", new { id }) is null)
        {
            errors.Add(field, Messages.NoRowOf(table, id.Value));
        }
    }
}
