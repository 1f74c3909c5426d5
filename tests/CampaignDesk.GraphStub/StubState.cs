using System.Collections.Concurrent;

namespace CampaignDesk.Stubs;

/// <summary>What one stub instance holds: its mailboxes, its request log, its faults and limits.</summary>
internal sealed class StubState(GraphStubOptions options)
{
    public GraphStubOptions Options { get; } = options;

    public MessageStore Store { get; } = new();

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public FaultInjector Faults { get; } = CreateFaults(options);

    public MailboxLimits Limits { get; } = new()
    {
        MessagesPerWindow = options.MessagesPerWindow,
        Window = options.Window,
        MaxConcurrent = options.MaxConcurrentPerMailbox,
    };

    public StubCounters Counters() => new(
        Requests.Count,
        Store.Deliveries.Count,
        Limits.RateRejected,
        Limits.ConcurrencyRejected,
        Faults.Injected,
        Requests.Count(r => r.Outcome == "401"));

    private static FaultInjector CreateFaults(GraphStubOptions options)
    {
        var faults = new FaultInjector();
        if (options.RandomFaultRatio > 0)
        {
            faults.SetRandom(options.RandomFaultRatio, options.Seed, GraphOperation.Any, [.. options.RandomFaults]);
        }

        return faults;
    }
}
