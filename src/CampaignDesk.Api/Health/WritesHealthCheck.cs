using CampaignDesk.Core.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CampaignDesk.Api.Health;

/// <summary>Ready also means writes work: a read-only file, a full disk or a revoked privilege fail readiness (<see cref="WriteProbe"/>).</summary>
internal sealed class WritesHealthCheck(WriteProbe probe) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var result = await probe.ProbeAsync(cancellationToken);
        return result.Status switch
        {
            WriteProbeStatus.Written => HealthCheckResult.Healthy(result.Description),
            WriteProbeStatus.Waiting => HealthCheckResult.Degraded(result.Description),
            _ => HealthCheckResult.Unhealthy(result.Description),
        };
    }
}
