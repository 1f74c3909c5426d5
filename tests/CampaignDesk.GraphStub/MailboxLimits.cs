using System.Collections.Concurrent;
using System.Diagnostics;

namespace CampaignDesk.Stubs;

/// <summary>
/// Exchange-like per-mailbox limits: at most <see cref="MessagesPerWindow"/> sends in any sliding
/// <see cref="Window"/> (a strict log of arrival times, the hardest form a client can meet) and at most
/// <see cref="MaxConcurrent"/> requests in flight. Null disables a limit. Rejections are counted.
/// </summary>
public sealed class MailboxLimits
{
    private readonly ConcurrentDictionary<string, State> _mailboxes = new(StringComparer.OrdinalIgnoreCase);
    private long _rateRejected;
    private long _concurrencyRejected;

    public int? MessagesPerWindow { get; set; }

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    public int? MaxConcurrent { get; set; }

    public long RateRejected => Interlocked.Read(ref _rateRejected);

    public long ConcurrencyRejected => Interlocked.Read(ref _concurrencyRejected);

    /// <summary>False (and counted) when the mailbox already has <see cref="MaxConcurrent"/> requests in flight.</summary>
    internal bool TryEnter(string mailbox)
    {
        var state = _mailboxes.GetOrAdd(mailbox, _ => new State());
        lock (state)
        {
            if (MaxConcurrent is { } max && state.InFlight >= max)
            {
                Interlocked.Increment(ref _concurrencyRejected);
                return false;
            }

            state.InFlight++;
            return true;
        }
    }

    internal void Exit(string mailbox)
    {
        var state = _mailboxes[mailbox];
        lock (state)
        {
            state.InFlight--;
        }
    }

    /// <summary>Null when a send may go now (and it is counted in the window), else how long until a slot frees.</summary>
    internal TimeSpan? TryAdmitSend(string mailbox)
    {
        var state = _mailboxes.GetOrAdd(mailbox, _ => new State());
        var now = Stopwatch.GetTimestamp();
        lock (state)
        {
            var window = Window;
            while (state.Sends.Count > 0 && Stopwatch.GetElapsedTime(state.Sends.Peek(), now) >= window)
            {
                state.Sends.Dequeue();
            }

            if (MessagesPerWindow is { } limit && state.Sends.Count >= limit)
            {
                Interlocked.Increment(ref _rateRejected);
                return window - Stopwatch.GetElapsedTime(state.Sends.Peek(), now);
            }

            state.Sends.Enqueue(now);
            return null;
        }
    }

    private sealed class State
    {
        public int InFlight { get; set; }

        public Queue<long> Sends { get; } = new();
    }
}
