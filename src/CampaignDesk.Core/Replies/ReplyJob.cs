using Quartz;

namespace CampaignDesk.Core.Replies;

/// <summary>Reads the organisations' inboxes for officials' answers (Replies).</summary>
[DisallowConcurrentExecution]
public sealed class ReplyJob(ReplyCollector collector) : IJob
{
    public static readonly JobKey Key = new("mail-replies", "campaigndesk");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await collector.RunAsync(cancellationToken);
}
