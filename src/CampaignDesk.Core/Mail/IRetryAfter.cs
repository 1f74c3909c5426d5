namespace CampaignDesk.Core.Mail;

/// <summary>A send that failed for now and says when to try again (a mailbox's daily quota): the outbox waits that long.</summary>
public interface IRetryAfter
{
    TimeSpan? RetryAfter { get; }
}
