using CampaignDesk.Core.Data;

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
        await database.WriteAsync(async session =>
        {
            if (await session.ExecuteAsync("UPDATE worker_heartbeats SET last_seen_utc = @Now WHERE instance = @Instance", parameters) == 0)
            {
                await session.ExecuteAsync(
                    "INSERT INTO worker_heartbeats (instance, host, started_utc, last_seen_utc) VALUES (@Instance, @Host, @StartedUtc, @Now)", parameters);
                // Processes that stopped long ago are of no interest: keep the table small.
                await session.ExecuteAsync("DELETE FROM worker_heartbeats WHERE last_seen_utc < @Before", new { Before = parameters.Now.AddDays(-7) });
            }

            return 0;
        }, cancellationToken);
    }

    public async Task<WorkerHeartbeat?> GetLatestAsync(CancellationToken cancellationToken)
    {
        return await database.ReadAsync(session => session.SingleOrDefaultAsync<WorkerHeartbeat>($"""
            SELECT instance, host, started_utc, last_seen_utc FROM worker_heartbeats ORDER BY last_seen_utc DESC
            {session.Dialect.Paging}
            """, new { Skip = 0, Take = 1 }), cancellationToken);
    }
}
