namespace CampaignDesk.Stubs;

/// <summary>
/// A message arriving in a mailbox's inbox from outside, as a test describes it. <see cref="Headers"/> become
/// <c>internetMessageHeaders</c> (In-Reply-To, Auto-Submitted, Content-Type…); a null <see cref="InternetMessageId"/>
/// gets a fresh one.
/// </summary>
public sealed record IncomingMessage(string From, string Subject, string Body, IReadOnlyDictionary<string, string>? Headers = null,
    string? FromName = null, string? InternetMessageId = null, string? ConversationId = null, DateTimeOffset? ReceivedAt = null);
