using CampaignDesk.Core.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CampaignDesk.Bench.Dispatch;

/// <summary>A fresh, migrated database for one bench run: a SQLite file in a temporary folder, or a new PostgreSQL database.</summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly Func<Task> _drop;

    private BenchDatabase(Database database, Func<Task> drop) => (Database, _drop) = (database, drop);

    public Database Database { get; }

    public static async Task<BenchDatabase> CreateAsync(string provider, string? server)
    {
        BenchDatabase db;
        if (provider == "postgres")
        {
            var admin = server ?? throw new ArgumentException("--connection is needed for postgres.");
            var name = $"bench_dispatch_{Guid.NewGuid():N}";
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync();
                await new NpgsqlCommand($"CREATE DATABASE {name}", connection).ExecuteNonQueryAsync();
            }

            db = new BenchDatabase(new Database(DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString()), async () =>
            {
                NpgsqlConnection.ClearAllPools();
                await using var connection = new NpgsqlConnection(admin);
                await connection.OpenAsync();
                await new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection).ExecuteNonQueryAsync();
            });
        }
        else
        {
            var folder = Directory.CreateTempSubdirectory("campaigndesk-bench-dispatch-");
            var file = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder.FullName, "bench.db"), ForeignKeys = true, DefaultTimeout = 30 };
            db = new BenchDatabase(new Database(DatabaseProvider.Sqlite, file.ToString()), () =>
            {
                SqliteConnection.ClearAllPools();
                folder.Delete(recursive: true);
                return Task.CompletedTask;
            });
        }

        await new MigrationRunner(db.Database).MigrateAsync();
        return db;
    }

    public async ValueTask DisposeAsync() => await _drop();
}
