using Quartz;

namespace CampaignDesk.Core.Import.Refresh;

/// <summary>Fetches the official files again on the configured schedule (Import:Refresh, off by default).</summary>
[DisallowConcurrentExecution]
public sealed class OfficialsRefreshJob(OfficialsRefresher refresher) : IJob
{
    public static readonly JobKey Key = new("officials-refresh", "campaigndesk");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await refresher.RefreshAsync(cancellationToken);
}
