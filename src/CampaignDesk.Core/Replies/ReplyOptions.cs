namespace CampaignDesk.Core.Replies;

/// <summary>Reading the organisations' inboxes for officials' answers (section <c>Replies</c>).</summary>
public sealed class ReplyOptions
{
    public const string SectionName = "Replies";

    /// <summary>Null (the default): on exactly when <c>Mail:Transport</c> is <c>graph</c>, the only transport with inboxes to read.</summary>
    public bool? Enabled { get; set; }

    /// <summary>How often each inbox is asked for what changed.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Messages per delta page (<c>Prefer: odata.maxpagesize</c>); Graph's own default is 10.</summary>
    public int PageSize { get; set; } = 50;

    /// <summary>
    /// On a mailbox's first round, mail already in the inbox that arrived more than this before the round started is
    /// history, not an answer: it is skipped without a trace.
    /// </summary>
    public TimeSpan InitialLookback { get; set; } = TimeSpan.FromDays(14);
}
