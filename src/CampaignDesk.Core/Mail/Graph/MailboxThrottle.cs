using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace CampaignDesk.Core.Mail.Graph;

/// <summary>
/// Exchange's per-mailbox limits, kept client-side so Graph never has to answer 429: requests in flight, messages per
/// window, recipients per day. In memory and per process: one worker process sends for the organisation.
/// <para>
/// Why the window is wider than Exchange's: the server counts a send when it arrives, the client when the permit is
/// granted, just before the request leaves. If one send takes longer to arrive than another, the server can see 31
/// arrivals in a minute from 30 permits a minute apart. <see cref="GraphOptions.WindowMargin"/> absorbs that skew
/// (one request's latency jitter, since the permit is taken right before <c>/send</c>, never before the look-up or
/// a retry). The sliding limiter frees permits a whole segment at a time, up to one segment early, so the window is
/// also widened by one segment. With 60 segments and a 100 ms margin, 30 per 6 s gives about 96.7 % of the rate.
/// </para>
/// </summary>
internal sealed class MailboxThrottle(GraphOptions options) : IDisposable
{
    private const int Segments = 60;

    private readonly ConcurrentDictionary<string, Lazy<Limiters>> _mailboxes = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A slot among the mailbox's <see cref="GraphOptions.ConcurrentRequests"/>; dispose it when the request ends.</summary>
    public async ValueTask<RateLimitLease> EnterAsync(string mailbox, CancellationToken cancellationToken) =>
        Acquired(await For(mailbox).Requests.AcquireAsync(1, cancellationToken), mailbox, "concurrent requests");

    /// <summary>Waits for a slot in the message window; the recipients' daily allowance fails at once instead of waiting hours.</summary>
    public async ValueTask AcquireSendAsync(string mailbox, int recipients, bool recipientsTaken, CancellationToken cancellationToken)
    {
        var limiters = For(mailbox);
        if (!recipientsTaken)
        {
            using var daily = limiters.Recipients.AttemptAcquire(recipients);
            Acquired(daily, mailbox, "recipients per day");
        }

        using var message = await limiters.Messages.AcquireAsync(1, cancellationToken);
        Acquired(message, mailbox, "messages per window");
    }

    public void Dispose()
    {
        foreach (var limiters in _mailboxes.Values.Where(l => l.IsValueCreated).Select(l => l.Value))
        {
            limiters.Requests.Dispose();
            limiters.Messages.Dispose();
            limiters.Recipients.Dispose();
        }
    }

    private static RateLimitLease Acquired(RateLimitLease lease, string mailbox, string limit)
    {
        if (lease.IsAcquired)
        {
            return lease;
        }

        lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter);
        lease.Dispose();
        throw new GraphQuotaExceededException(mailbox, limit, retryAfter);
    }

    private Limiters For(string mailbox) => _mailboxes.GetOrAdd(mailbox, _ => new Lazy<Limiters>(Create)).Value;

    private Limiters Create()
    {
        var window = (options.Window + options.WindowMargin) * Segments / (Segments - 1);
        return new Limiters(
            new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = options.ConcurrentRequests, QueueLimit = int.MaxValue }),
            new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
            {
                PermitLimit = options.MessagesPerWindow, Window = window, SegmentsPerWindow = Segments, QueueLimit = int.MaxValue,
            }),
            new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
            {
                PermitLimit = options.RecipientsPerDay, Window = TimeSpan.FromDays(1), SegmentsPerWindow = 24, QueueLimit = 0,
            }));
    }

    private sealed record Limiters(ConcurrencyLimiter Requests, SlidingWindowRateLimiter Messages, SlidingWindowRateLimiter Recipients);
}
