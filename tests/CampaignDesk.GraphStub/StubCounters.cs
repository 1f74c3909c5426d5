namespace CampaignDesk.Stubs;

/// <summary>
/// A snapshot of what the stub saw. <see cref="Throttled"/> is the 429s its mailbox limits answered (message rate plus
/// concurrency); injected faults are counted apart, in <see cref="FaultsInjected"/>.
/// </summary>
public sealed record StubCounters(int Requests, int Deliveries, long RateRejected, long ConcurrencyRejected, long FaultsInjected,
    int Unauthorized)
{
    public long Throttled => RateRejected + ConcurrencyRejected;
}
