using Quartz;

namespace CampaignDesk.Core.Jobs;

/// <summary>Records that this worker is alive, so readiness can tell whether background jobs run.</summary>
[DisallowConcurrentExecution]
public sealed class WorkerHeartbeatJob(WorkerHeartbeatStore heartbeats) : IJob
{
    public static readonly JobKey Key = new("worker-heartbeat", "campaigndesk");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await heartbeats.BeatAsync(cancellationToken);
}
