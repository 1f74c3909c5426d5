using CampaignDesk.Core.Data;
using Dapper;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;
using NUnit.Framework;

namespace CampaignDesk.TestSupport;

/// <summary>
/// A fresh, empty database of one engine for one test fixture: a SQLite file in a temporary folder, or a new
/// database on the PostgreSQL / SQL Server named by CAMPAIGNDESK_TEST_POSTGRES / CAMPAIGNDESK_TEST_SQLSERVER.
/// Without that variable the test is ignored, with the reason shown.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "CAMPAIGNDESK_TEST_POSTGRES";
    public const string SqlServerVariable = "CAMPAIGNDESK_TEST_SQLSERVER";

    private readonly Func<Task> _drop;

    private TestDatabase(DatabaseProvider provider, string connectionString, Func<Task> drop)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Database = new Database(provider, connectionString, commandTimeoutSeconds: 30);
        _drop = drop;
    }

    public static IEnumerable<DatabaseProvider> Providers => Enum.GetValues<DatabaseProvider>();

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public Database Database { get; }

    /// <summary>The environment variables that point CampaignDesk (or a child process) at this database.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["Database__Provider"] = Provider.ToString(),
        ["Database__ConnectionString"] = ConnectionString,
    };

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => CreateSqlite(),
        DatabaseProvider.Postgres => await CreatePostgresAsync(),
        DatabaseProvider.SqlServer => await CreateSqlServerAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    /// <summary>Ignores the whole fixture, with the reason, when the engine's server is not configured.</summary>
    public static void RequireConfigured(DatabaseProvider provider)
    {
        _ = provider switch
        {
            DatabaseProvider.Postgres => Required(PostgresVariable, "PostgreSQL"),
            DatabaseProvider.SqlServer => Required(SqlServerVariable, "SQL Server"),
            _ => "",
        };
    }

    public async Task<TestDatabase> MigratedAsync()
    {
        await new MigrationRunner(Database).MigrateAsync();
        return this;
    }

    public async ValueTask DisposeAsync() => await _drop();

    private static TestDatabase CreateSqlite()
    {
        var folder = Directory.CreateTempSubdirectory("campaigndesk-test-");
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(folder.FullName, "campaigndesk.db"),
            ForeignKeys = true,
            DefaultTimeout = 30,
        }.ToString();
        return new TestDatabase(DatabaseProvider.Sqlite, connectionString, () =>
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
            return Task.CompletedTask;
        });
    }

    private static async Task<TestDatabase> CreatePostgresAsync()
    {
        var server = Required(PostgresVariable, "PostgreSQL");
        var name = UniqueName();
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.ExecuteAsync($"CREATE DATABASE {name}");
        }

        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
        return new TestDatabase(DatabaseProvider.Postgres, connectionString, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        });
    }

    private static async Task<TestDatabase> CreateSqlServerAsync()
    {
        var server = Required(SqlServerVariable, "SQL Server");
        var name = UniqueName();
        await using (var admin = new SqlConnection(server))
        {
            await admin.ExecuteAsync($"CREATE DATABASE {name}");
        }

        var connectionString = new SqlConnectionStringBuilder(server) { InitialCatalog = name }.ToString();
        return new TestDatabase(DatabaseProvider.SqlServer, connectionString, async () =>
        {
            SqlConnection.ClearAllPools();
            await using var admin = new SqlConnection(server);
            await admin.ExecuteAsync($"ALTER DATABASE {name} SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE {name}");
        });
    }

    private static string Required(string variable, string engine) =>
        System.Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new IgnoreException($"{engine} tests need {variable} (a connection string to a server where they may create databases); it is not set here.");

    // Only letters, digits and underscores: safe to splice into CREATE/DROP DATABASE.
    private static string UniqueName() => $"campaigndesk_test_{Guid.NewGuid():N}";
}
