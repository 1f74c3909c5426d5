using System.Data.Common;
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
}
