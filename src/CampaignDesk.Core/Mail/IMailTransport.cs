namespace CampaignDesk.Core.Mail;

public interface IMailTransport
{
    /// <summary>Sends <paramref name="mail"/> at most once per idempotency key; invalid input throws <see cref="ArgumentException"/>.</summary>
    Task<SentMail> SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}
