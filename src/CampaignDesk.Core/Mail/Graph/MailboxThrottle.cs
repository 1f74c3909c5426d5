using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace CampaignDesk.Core.Mail.Graph;

/// <summary>
/// Exchange's per-mailbox limits, kept client-side so Graph never has to answer 429: requests in flight, messages per
/// window, recipients per day. In memory and per process: one worker process sends for the organisation.
/// <para>
/// Messages per window is a sliding log, like the server's, with one twist. The server counts a send when it
/// arrives; the client cannot know that moment, only that it lies between granting the permit and receiving the
/// answer. Were the window counted from the grant, a send that took longer to arrive than the one 30 permits later
/// (a busy thread pool, a slow connection) would put 31 arrivals into the server's minute. So a permit is held until
/// the answer is in and only then starts its <see cref="GraphOptions.Window"/> plus <see cref="GraphOptions.WindowMargin"/>
/// (timer slop): by then the server has surely counted it, whatever the skew. The price is one request's latency
/// per window, well under 1 % of a minute.
/// </para>
/// </summary>
internal sealed class MailboxThrottle(GraphOptions options, TimeProvider time) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Limiters>> _mailboxes = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A slot among the mailbox's <see cref="GraphOptions.ConcurrentRequests"/>; dispose it when the request ends.</summary>
    public async ValueTask<RateLimitLease> EnterAsync(string mailbox, CancellationToken cancellationToken) =>
        Acquired(await For(mailbox).Requests.AcquireAsync(1, cancellationToken), mailbox, "concurrent requests");

    /// <summary>
    /// Waits for a slot in the message window; the recipients' daily allowance fails at once instead of waiting hours.
    /// Dispose the permit when the send's answer is in: its window starts then.
    /// </summary>
    public async ValueTask<IDisposable> AcquireSendAsync(string mailbox, int recipients, bool recipientsTaken, CancellationToken cancellationToken)
    {
        var limiters = For(mailbox);
        if (!recipientsTaken)
        {
            using var daily = limiters.Recipients.AttemptAcquire(recipients);
            Acquired(daily, mailbox, "recipients per day");
        }

        var message = Acquired(await limiters.Messages.AcquireAsync(1, cancellationToken), mailbox, "messages per window");
        return new WindowPermit(message, options.Window + options.WindowMargin, time);
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

    private Limiters Create() =>
        new(
            new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = options.ConcurrentRequests, QueueLimit = int.MaxValue }),
            new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = options.MessagesPerWindow, QueueLimit = int.MaxValue }),
            new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
            {
                PermitLimit = options.RecipientsPerDay,
                Window = TimeSpan.FromDays(1),
                SegmentsPerWindow = 24,
                QueueLimit = 0,
            }));

    private sealed record Limiters(ConcurrencyLimiter Requests, ConcurrencyLimiter Messages, SlidingWindowRateLimiter Recipients);

    /// <summary>Gives its message slot back one window after it is disposed.</summary>
    private sealed class WindowPermit(RateLimitLease lease, TimeSpan window, TimeProvider time) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                _ = ReleaseLaterAsync();
            }
        }

        private async Task ReleaseLaterAsync()
        {
            await Task.Delay(window, time);
            lease.Dispose();
        }
    }
}
