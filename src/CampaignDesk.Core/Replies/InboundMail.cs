namespace CampaignDesk.Core.Replies;

/// <summary>A message of an inbox as the reader hands it over: what matching and the noise rules need, headers included.</summary>
public sealed record InboundMail(string GraphId, string? InternetMessageId, string? ConversationId, string? From, string? Subject,
    string? Preview, string? WebLink, DateTimeOffset ReceivedAt, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    /// <summary>What identifies it for good: its internet message id (survives moves), else Graph's id.</summary>
    public string Key => string.IsNullOrWhiteSpace(InternetMessageId) ? "graph:" + GraphId : InternetMessageId.Trim();

    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}

/// <summary>One delta page: its messages and the link to go on with (a next page, or the delta link that ends the round).</summary>
public sealed record InboxPage(IReadOnlyList<InboundMail> Messages, string? NextLink, string? DeltaLink);
