using Npgsql;

namespace CampaignDesk.Bench.Coverage;

/// <summary>A database of its own on the benchmark's PostgreSQL server, dropped when the run ends.</summary>
internal sealed class PostgresScratch : IAsyncDisposable
{
    private readonly string _server;
    private readonly string _name;

    private PostgresScratch(string server, string name, string connectionString) => (_server, _name, ConnectionString) = (server, name, connectionString);

    public string ConnectionString { get; }

    public static async Task<PostgresScratch> CreateAsync(string server)
    {
        var name = $"campaigndesk_bench_coverage_{Guid.NewGuid():N}"[..48];
        await ExecuteAsync(server, $"CREATE DATABASE {name}");
        return new PostgresScratch(server, name, new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = true }.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(_server, $"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
