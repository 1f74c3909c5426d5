namespace CampaignDesk.Core.Mail;

/// <summary>
/// A message to send. <paramref name="IdempotencyKey"/>: the same key must never produce two messages, so a retry
/// after a crash reuses it and the transport answers <see cref="SentMail.AlreadySent"/> instead of sending again.
/// <paramref name="CorrelationId"/>: the request that caused the message, which a transport passes on to its provider
/// (Graph's <c>client-request-id</c>).
/// </summary>
public sealed record OutgoingMail(string IdempotencyKey, MailAddress From, IReadOnlyList<MailAddress> To, string Subject, string TextBody,
    string? HtmlBody = null, IReadOnlyDictionary<string, string>? Headers = null, string? CorrelationId = null);
