namespace CampaignDesk.Core.Mail.Graph;

/// <summary>A mailbox's own limit (e.g. recipients per day) is used up: nothing was sent; try after <see cref="RetryAfter"/>.</summary>
public sealed class GraphQuotaExceededException(string mailbox, string limit, TimeSpan? retryAfter)
    : Exception($"The mailbox {mailbox} has used its {limit}; nothing was sent."), IRetryAfter
{
    public string Mailbox { get; } = mailbox;

    public TimeSpan? RetryAfter { get; } = retryAfter;
}
