using CampaignDesk.Core.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CampaignDesk.Api.Health;

/// <summary>Ready means: the database answers and its schema is the one this build expects.</summary>
internal sealed class DatabaseHealthCheck(MigrationRunner migrations, Database database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var status = await migrations.GetStatusAsync(cancellationToken);
            var data = new Dictionary<string, object>
            {
                ["provider"] = database.Provider.ToString(),
                ["schemaVersion"] = status.CurrentVersion,
                ["expectedSchemaVersion"] = status.LatestVersion,
            };
            return status.IsCurrent
                ? HealthCheckResult.Healthy($"{database.Provider} reachable, schema at version {status.CurrentVersion}.", data)
                : HealthCheckResult.Unhealthy(
                    $"Schema at version {status.CurrentVersion}, this build expects {status.LatestVersion} ({status.PendingCount} pending).", data: data);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"{database.Provider} unreachable: {database.Dialect.DescribeFailure(ex)}.");
        }
    }
}
