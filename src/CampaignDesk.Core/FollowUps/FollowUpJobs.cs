using Quartz;

namespace CampaignDesk.Core.FollowUps;

/// <summary>Sends what is due, round after round until nothing is (FollowUps:Dispatch).</summary>
[DisallowConcurrentExecution]
public sealed class FollowUpDispatchJob(FollowUpDispatcher dispatcher) : IJob
{
    public static readonly JobKey Key = new("followup-dispatch", "campaigndesk");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await dispatcher.DrainAsync(cancellationToken);
}

/// <summary>Schedules the automatic follow-ups of the campaigns' rules (FollowUps:Rules).</summary>
[DisallowConcurrentExecution]
public sealed class FollowUpRuleJob(FollowUpRules rules) : IJob
{
    public static readonly JobKey Key = new("followup-rules", "campaigndesk");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await rules.RunAsync(cancellationToken);
}
