using Microsoft.Extensions.Time.Testing;

namespace CampaignDesk.TestSupport;

/// <summary>
/// The former hand-written test clock, now a <see cref="FakeTimeProvider"/> starting at <see cref="TestClock.DefaultStart"/>.
/// Kept only for the import tests (another branch reworks them); new tests use <see cref="TestClock"/> or FakeTimeProvider.
/// </summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    public ManualTimeProvider()
        : this(TestClock.DefaultStart)
    {
    }
}
