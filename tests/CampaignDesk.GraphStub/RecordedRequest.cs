namespace CampaignDesk.Stubs;

/// <summary>
/// One request as the stub saw it: when it arrived, what it asked, and what became of it (<c>200</c>, <c>429</c>,
/// <c>fault:Drop</c>, <c>crash-after:202</c>, …), and its headers (names in any case; the token is not kept).
/// </summary>
public sealed record RecordedRequest(DateTimeOffset At, string Method, string Path, string? Mailbox, GraphOperation Operation,
    string Body, string Outcome, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>A header's value, or null (e.g. <c>client-request-id</c>).</summary>
    public string? Header(string name) => Headers.GetValueOrDefault(name);
}
