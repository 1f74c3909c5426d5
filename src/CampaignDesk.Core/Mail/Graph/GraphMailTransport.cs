using CampaignDesk.Core.Observability;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Polly;

namespace CampaignDesk.Core.Mail.Graph;

/// <summary>
/// Sends as the organisation's Microsoft 365 mailbox (<see cref="OutgoingMail.From"/>) through Microsoft Graph,
/// exactly once per idempotency key, even across crashes.
/// <para>
/// Each attempt, and so each retry, runs the same steps: (1) look the key up in the mailbox, every folder, through
/// a single-value extended property; a sent message there means done (<see cref="SentMail.AlreadySent"/>); (2) if
/// no draft carries the key, create one with it; (3) send that draft. The property is written with the draft, in one
/// request, and moves with the message to Sent Items, so whatever point a crash or a lost answer stops us at, the
/// next attempt sees the truth: a crash after creating the draft leaves a draft with the key, which step 3 sends
/// instead of creating a second one; a crash after Graph accepted <c>/send</c> leaves a sent message with the key,
/// which step 1 finds, so it is not sent again. Nothing ever re-posts <c>/send</c> without looking first.
/// </para>
/// <para>
/// The caveat: Graph's <c>/send</c> answers 202 and submits asynchronously. For a short time after an accepted send
/// whose answer we lost, the message may still look like a draft, and a retry in that gap could send it again, or
/// get 404 because it has just moved (we then look again). Retries wait at least <see cref="GraphOptions.RetryBaseDelay"/>
/// (seconds, by default) which covers the usual gap; it narrows the window, it cannot prove it closed. Deleting the
/// sent message from the mailbox before a retry would also defeat the look-up. Concurrent sends of one key from two
/// processes are the caller's to prevent (the outbox claims its rows before sending).
/// </para>
/// </summary>
public sealed class GraphMailTransport : IMailTransport, IDisposable
{
    private const int MaxRecipients = 500;

    private readonly GraphServiceClient _client;
    private readonly HttpClient _http;
    private readonly ResiliencePipeline _request;
    private readonly ResiliencePipeline _send;
    private readonly MailboxThrottle _throttle;
    private readonly ILogger<GraphMailTransport> _logger;

    public GraphMailTransport(IOptions<GraphOptions> options, ILogger<GraphMailTransport> logger, TimeProvider time)
    {
        var settings = options.Value;
        (_client, _http) = GraphClients.Create(settings);
        _request = GraphResilience.Request(settings, time);
        _send = GraphResilience.Send(settings, time, logger);
        _throttle = new MailboxThrottle(settings, time);
        _logger = logger;
    }

    public async Task<SentMail> SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var send = Prepare(mail);
        SentMail sent;
        try
        {
            sent = await _send.ExecuteAsync(static (s, token) => s.Transport.AttemptAsync(s, token), send, cancellationToken);
        }
        catch (ODataError error) when (IsRefusal(error))
        {
            // Not worth retrying (an invalid recipient, an unknown mailbox): the outbox marks it failed. Anything else — a
            // 401 while a token is renewed, a 403 while an access policy propagates, a 404 while a sent draft moves — is
            // retried later by the outbox, under the same key, bounded by its attempts.
            throw new MailRejectedException($"Graph refused the message: {error.ResponseStatusCode} {error.Error?.Code}.", error);
        }

        // Neither the mailbox nor the internet message id (an address, and an address-like id): the key finds both.
        _logger.LogInformation("Graph mail {Key} to {Recipients} recipient(s), already sent: {AlreadySent}.", mail.IdempotencyKey, send.Recipients,
            sent.AlreadySent);
        return sent;
    }

    private static bool IsRefusal(ODataError error) =>
        (error.ResponseStatusCode == 400 && error.Error?.Code is "ErrorInvalidRecipients" or "ErrorInvalidUser" or "ErrorMessageSizeExceeded")
        || (error.ResponseStatusCode == 404 && error.Error?.Code is "ErrorInvalidUser" or "MailboxNotEnabledForRESTAPI");

    public void Dispose()
    {
        _http.Dispose();
        _throttle.Dispose();
    }

    private async ValueTask<SentMail> AttemptAsync(SendState s, CancellationToken cancellationToken)
    {
        var postedBefore = s.SendPosted;
        var found = await FindAsync(s, cancellationToken);
        if (found.FirstOrDefault(m => m.IsDraft == false) is { } sent)
        {
            return Result(sent, alreadySent: !postedBefore);
        }

        // A new model each time: the SDK's backing store serialises only what changed since a model was last written, so
        // a model reused after a failed attempt would post an empty draft, without the key.
        var draft = found.FirstOrDefault()
            ?? await CallAsync(s.Mailbox, t => _client.Users[s.Mailbox].Messages.PostAsync(GraphMessages.Draft(s.Mail, s.KeyValue), s.Tag, t), cancellationToken)
            ?? throw new InvalidOperationException("Graph answered the draft creation without a message.");

        try
        {
            // The message permit is taken after the concurrency slot, right before the request leaves: any wait
            // between the two would reach the server as skew that the window margin has to absorb.
            await CallAsync(s.Mailbox, async t =>
            {
                using var permit = await _throttle.AcquireSendAsync(s.Mailbox, s.Recipients, s.RecipientsTaken, cancellationToken);
                s.RecipientsTaken = true;
                s.SendPosted = true;
                await _request.ExecuteAsync(async u => await _client.Users[s.Mailbox].Messages[draft.Id].Send.PostAsync(s.Tag, u), t);
                return true;
            }, cancellationToken, direct: true);
        }
        catch (ODataError error) when (error.ResponseStatusCode is 404 or 400)
        {
            // The draft left Drafts between our look-up and our send: someone sent it (it moved and changed id), or it
            // was deleted. Look again rather than guess; a 400 that was not "already sent" surfaces unchanged.
            if ((await FindAsync(s, cancellationToken)).FirstOrDefault(m => m.IsDraft == false) is { } other)
            {
                return Result(other, alreadySent: !postedBefore);
            }

            throw;
        }

        return Result(draft, alreadySent: false);
    }

    private async Task<List<Message>> FindAsync(SendState s, CancellationToken cancellationToken)
    {
        var page = await CallAsync(s.Mailbox, t => _client.Users[s.Mailbox].Messages.GetAsync(r =>
        {
            r.QueryParameters.Filter = GraphMessages.KeyFilter(s.KeyValue);
            r.QueryParameters.Select = ["id", "isDraft", "internetMessageId"];
            r.QueryParameters.Top = 5;
            s.Tag(r);
        }, t), cancellationToken);
        return page?.Value ?? [];
    }

    /// <summary>
    /// One Graph request: a concurrency slot of the mailbox, then the circuit breaker and the request timeout
    /// (unless <paramref name="direct"/>: the call applies them itself, after a wait that must not count as the request's).
    /// </summary>
    private async Task<T> CallAsync<T>(string mailbox, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken, bool direct = false)
    {
        using var slot = await _throttle.EnterAsync(mailbox, cancellationToken);
        return direct ? await call(cancellationToken) : await _request.ExecuteAsync(static async (c, t) => await c(t), call, cancellationToken);
    }

    /// <summary>The internet message id is the stable id: it survives the move to Sent Items and replies quote it.</summary>
    private static SentMail Result(Message message, bool alreadySent) =>
        new(message.InternetMessageId ?? message.Id ?? "", alreadySent);

    private SendState Prepare(OutgoingMail mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentException.ThrowIfNullOrWhiteSpace(mail.IdempotencyKey, "mail.IdempotencyKey");
        var mailbox = MailAddresses.Normalise(mail.From?.Address, "From");
        if (mail.To is not { Count: > 0 and <= MaxRecipients })
        {
            throw new ArgumentException($"To needs 1 to {MaxRecipients} recipients.");
        }

        for (var i = 0; i < mail.To.Count; i++)
        {
            MailAddresses.Normalise(mail.To[i]?.Address, $"To[{i}]");
        }

        if (mail.Subject is null || mail.Subject.Contains('\r') || mail.Subject.Contains('\n'))
        {
            throw new ArgumentException("Subject must be one line.");
        }

        if (mail.Headers?.Any(h => h.Key.Contains(':') || $"{h.Key}{h.Value}".Contains('\r') || $"{h.Key}{h.Value}".Contains('\n')) == true)
        {
            throw new ArgumentException("Headers must be single-line names and values.");
        }

        var clientRequestId = mail.CorrelationId is { } id ? CorrelationIds.ToGuid(id).ToString("D") : null;
        return new SendState(this, mailbox, GraphMessages.KeyValue(mail.IdempotencyKey), mail, mail.To.Count, clientRequestId);
    }

    /// <summary>
    /// <paramref name="ClientRequestId"/>: every Graph request of the message carries the correlation id, as the GUID Graph
    /// requires for <c>client-request-id</c> (Microsoft support and the tenant's logs find a request by it).
    /// </summary>
    private sealed record SendState(GraphMailTransport Transport, string Mailbox, string KeyValue, OutgoingMail Mail, int Recipients,
        string? ClientRequestId)
    {
        public void Tag(RequestConfiguration<DefaultQueryParameters> request) => Tag(request.Headers);

        public void Tag<T>(RequestConfiguration<T> request)
            where T : class, new() => Tag(request.Headers);

        private void Tag(RequestHeaders headers)
        {
            if (ClientRequestId is not null)
            {
                headers.Add("client-request-id", ClientRequestId);
            }
        }

        public bool RecipientsTaken { get; set; }

        public bool SendPosted { get; set; }
    }
}
