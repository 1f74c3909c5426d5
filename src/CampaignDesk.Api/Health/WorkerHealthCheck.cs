using System.Data.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Jobs;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CampaignDesk.Api.Health;

/// <summary>Degraded (not unhealthy: the API still serves) when no worker has reported for three heartbeats.</summary>
internal sealed class WorkerHealthCheck(WorkerHeartbeatStore heartbeats, Database database, IOptions<WorkerOptions> options, TimeProvider time)
    : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        WorkerHeartbeat? latest;
        try
        {
            latest = await heartbeats.GetLatestAsync(cancellationToken);
        }
        catch (DbException ex) when (database.Dialect.IsUnavailable(ex))
        {
            // The database check says why; this one only says it cannot tell (the default would show the driver's message).
            return HealthCheckResult.Degraded($"Worker heartbeats unreadable: {database.Dialect.DescribeFailure(ex)}.");
        }

        if (latest is null)
        {
            return HealthCheckResult.Degraded("No worker has reported yet: background jobs may not be running.");
        }

        var age = time.GetUtcNow().UtcDateTime - latest.LastSeenUtc;
        var data = new Dictionary<string, object> { ["lastSeenUtc"] = latest.LastSeenUtc };
        return age <= options.Value.HeartbeatInterval * 3
            ? HealthCheckResult.Healthy("A worker is running.", data)
            : HealthCheckResult.Degraded($"The last worker heartbeat is {age.TotalSeconds:0} s old: background jobs may be stopped.", data: data);
    }
}
