using CampaignDesk.Core.Replies;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Polly;

namespace CampaignDesk.Core.Mail.Graph;

/// <summary>
/// Reads a mailbox's inbox one delta page at a time (application permission Mail.Read), with the transport's client
/// and resilience: each page, and each message's headers, is one idempotent GET retried on 429/503/504 after Graph's
/// Retry-After. The page is read with <c>$select</c> of the fields matching needs; <c>internetMessageHeaders</c>
/// (In-Reply-To, Auto-Submitted, Content-Type) is asked per message with a GET, where Graph documents it.
/// </summary>
public sealed class GraphInboxReader : IDisposable
{
    private static readonly string[] Fields =
        ["id", "internetMessageId", "conversationId", "subject", "from", "receivedDateTime", "webLink", "bodyPreview"];

    private readonly GraphServiceClient _client;
    private readonly HttpClient _http;
    private readonly ResiliencePipeline _request;
    private readonly ResiliencePipeline _retry;
    private readonly GraphOptions _options;
    private readonly int _pageSize;

    public GraphInboxReader(IOptions<GraphOptions> options, IOptions<ReplyOptions> replies, ILogger<GraphInboxReader> logger, TimeProvider time)
    {
        _options = options.Value;
        (_client, _http) = GraphClients.Create(_options);
        _request = GraphResilience.Request(_options, time);
        _retry = GraphResilience.Retry(_options, time, logger, "inbox read");
        _pageSize = replies.Value.PageSize;
    }

    /// <summary>A link saved against another Graph (the base URL changed) cannot be followed: the round starts over.</summary>
    public bool CanFollow(string link) => link.StartsWith(_options.BaseUrl.TrimEnd('/') + "/", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The page <paramref name="link"/> points at, or the first page of a new round when it is null. Messages received
    /// before <paramref name="notBefore"/> and deletions are left out of the page.
    /// </summary>
    public async Task<InboxPage> ReadAsync(string mailbox, string? link, DateTimeOffset notBefore, CancellationToken cancellationToken)
    {
        var delta = _client.Users[mailbox].MailFolders["inbox"].Messages.Delta;
        var page = await CallAsync(t => link is null
            ? delta.GetAsDeltaGetResponseAsync(r =>
            {
                r.QueryParameters.Select = Fields;
                r.Headers.Add("Prefer", $"odata.maxpagesize={_pageSize}");
            }, t)
            : delta.WithUrl(link).GetAsDeltaGetResponseAsync(cancellationToken: t), cancellationToken);

        var messages = new List<InboundMail>();
        foreach (var message in page?.Value ?? [])
        {
            if (message.Id is null || message.AdditionalData.ContainsKey("@removed") || (message.ReceivedDateTime ?? DateTimeOffset.MaxValue) < notBefore)
            {
                continue;
            }

            messages.Add(new InboundMail(message.Id, message.InternetMessageId, message.ConversationId, message.From?.EmailAddress?.Address?.Trim(),
                message.Subject, message.BodyPreview, message.WebLink, message.ReceivedDateTime ?? DateTimeOffset.UtcNow,
                await HeadersAsync(mailbox, message.Id, cancellationToken)));
        }

        return new InboxPage(messages, page?.OdataNextLink, page?.OdataDeltaLink);
    }

    public void Dispose() => _http.Dispose();

    private async Task<IReadOnlyList<System.Collections.Generic.KeyValuePair<string, string>>> HeadersAsync(string mailbox, string id, CancellationToken cancellationToken)
    {
        try
        {
            var message = await CallAsync(t => _client.Users[mailbox].Messages[id].GetAsync(r => r.QueryParameters.Select = ["internetMessageHeaders"], t),
                cancellationToken);
            return [.. (message?.InternetMessageHeaders ?? []).Where(h => h.Name is not null).Select(h => System.Collections.Generic.KeyValuePair.Create(h.Name!, h.Value ?? ""))];
        }
        catch (ODataError error) when (error.ResponseStatusCode == 404)
        {
            // Deleted since the page was read: judged on its sender and subject alone.
            return [];
        }
    }

    private async Task<T> CallAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken) =>
        await _retry.ExecuteAsync(async (c, t) => await _request.ExecuteAsync(async (inner, u) => await inner(u), c, t), call, cancellationToken);
}
