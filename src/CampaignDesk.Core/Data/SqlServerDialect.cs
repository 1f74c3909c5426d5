using System.Data.Common;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Data.SqlClient;

namespace CampaignDesk.Core.Data;

public sealed partial class SqlServerDialect : SqlDialect
{
    public override DatabaseProvider Provider => DatabaseProvider.SqlServer;

    public override string MigrationFolder => "sqlserver";

    public override DbConnection CreateConnection(string connectionString) => new SqlConnection(connectionString);

    public override string Paging => "OFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY";

    public override string InsertReturningId(string table, string columns, string values) =>
        $"INSERT INTO {table} ({columns}) OUTPUT INSERTED.id VALUES ({values})";

    public override bool IsUniqueViolation(DbException exception) =>
        exception is SqlException { Number: 2601 or 2627 };

    private static readonly HashSet<int> UnavailableNumbers = [-2, 53, 40, 233, 1205, 4060, 10053, 10054, 10060, 40197, 40501, 40613];

    // SqlClient 7 on Linux reports a refused or unreachable server as number 0, class 20 (a fatal network error
    // without a server error number), and does not mark it transient: it is still "the database is not there".
    public override bool IsUnavailable(DbException exception) =>
        exception.IsTransient
        || exception is SqlException sql && (UnavailableNumbers.Contains(sql.Number) || sql is { Number: 0, Class: >= 20 });

    public override string TempTable(string name) => "#" + name;

    public override string CreateTempTable(string name, IReadOnlyList<string> textColumns, IReadOnlyList<string> bigintColumns) =>
        $"CREATE TABLE {TempTable(name)} ({string.Join(", ", bigintColumns.Select(c => $"{c} bigint NULL").Concat(textColumns.Select(c => $"{c} nvarchar(400) NULL")))})";

    public override string DropTempTable(string name) => $"DROP TABLE IF EXISTS {TempTable(name)}";

    public override string CreateJournalTable => """
        IF OBJECT_ID(N'dbo.schema_migrations', N'U') IS NULL
        CREATE TABLE dbo.schema_migrations (
            version int NOT NULL PRIMARY KEY,
            name nvarchar(200) NOT NULL,
            applied_utc datetime2 NOT NULL
        )
        """;

    public override async Task LockAsync(DbConnection connection, DbTransaction transaction, string name, CancellationToken cancellationToken)
    {
        // sp_getapplock reports a timeout or a deadlock by its return value, not by an error: without this check the
        // caller would go on unprotected.
        var status = await connection.ExecuteScalarAsync<int>(new CommandDefinition("""
            DECLARE @status int;
            EXEC @status = sp_getapplock @Resource = @name, @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 30000;
            SELECT @status;
            """, new { name }, transaction, cancellationToken: cancellationToken));
        if (status < 0)
        {
            throw new DatabaseUnavailableException($"Could not take the lock {name} (sp_getapplock returned {status}).");
        }
    }

    public override string JournalExists =>
        "SELECT CASE WHEN OBJECT_ID(N'dbo.schema_migrations', N'U') IS NULL THEN 0 ELSE 1 END";

    public override async Task<IAsyncDisposable> AcquireMigrationLockAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var status = await connection.ExecuteScalarAsync<int>(new CommandDefinition("""
            DECLARE @status int;
            EXEC @status = sp_getapplock @Resource = 'campaigndesk_migrations', @LockMode = 'Exclusive',
                @LockOwner = 'Session', @LockTimeout = -1;
            SELECT @status;
            """, commandTimeout: 0, cancellationToken: cancellationToken));
        if (status < 0)
        {
            throw new DatabaseUnavailableException($"Could not take the migration lock (sp_getapplock returned {status}).");
        }

        return new Release(connection);
    }

    public override IEnumerable<string> SplitBatches(string script) =>
        BatchSeparator().Split(script).Where(batch => !string.IsNullOrWhiteSpace(batch));

    [GeneratedRegex(@"^\s*GO\s*;?\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex BatchSeparator();

    private sealed class Release(DbConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await connection.ExecuteAsync(
            "EXEC sp_releaseapplock @Resource = 'campaigndesk_migrations', @LockOwner = 'Session'");
    }
}
