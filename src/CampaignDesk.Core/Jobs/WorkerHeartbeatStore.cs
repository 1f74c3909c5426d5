using CampaignDesk.Core.Data;
using Dapper;

namespace CampaignDesk.Core.Jobs;

public sealed record WorkerHeartbeat(string Instance, string Host, DateTime StartedUtc, DateTime LastSeenUtc);

public sealed class WorkerHeartbeatStore(Database database, TimeProvider time)
{
    private readonly DateTime _startedUtc = time.GetUtcNow().UtcDateTime;

    /// <summary>This process, as it names itself in the heartbeat table.</summary>
    public string Instance { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}"[..^24];

    public async Task BeatAsync(CancellationToken cancellationToken)
    {
        var parameters = new { Instance, Host = Environment.MachineName, StartedUtc = _startedUtc, Now = time.GetUtcNow().UtcDateTime };
        await using var connection = await database.OpenAsync(cancellationToken);
        var updated = await connection.ExecuteAsync(database.Command(
            "UPDATE worker_heartbeats SET last_seen_utc = @Now WHERE instance = @Instance", parameters, cancellationToken: cancellationToken));
        if (updated == 0)
        {
            await connection.ExecuteAsync(database.Command(
                "INSERT INTO worker_heartbeats (instance, host, started_utc, last_seen_utc) VALUES (@Instance, @Host, @StartedUtc, @Now)",
                parameters, cancellationToken: cancellationToken));
            // Processes that stopped long ago are of no interest: keep the table small.
            await connection.ExecuteAsync(database.Command(
                "DELETE FROM worker_heartbeats WHERE last_seen_utc < @Before", new { Before = parameters.Now.AddDays(-7) },
                cancellationToken: cancellationToken));
        }
    }

    public async Task<WorkerHeartbeat?> GetLatestAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<WorkerHeartbeat>(database.Command($"""
            SELECT instance, host, started_utc, last_seen_utc FROM worker_heartbeats ORDER BY last_seen_utc DESC
            {database.Dialect.Paging}
            """, new { Skip = 0, Take = 1 }, cancellationToken: cancellationToken));
    }
}
