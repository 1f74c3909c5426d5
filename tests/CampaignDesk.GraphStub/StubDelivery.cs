namespace CampaignDesk.Stubs;

/// <summary>A message the stub "delivered": what a recipient would have received, from which mailbox.</summary>
public sealed record StubDelivery(DateTimeOffset At, string Mailbox, string MessageId, string InternetMessageId, string? From,
    IReadOnlyList<string> To, string? Subject, string? BodyType, string? Body, IReadOnlyDictionary<string, string> Headers,
    IReadOnlyDictionary<string, string> Properties);
