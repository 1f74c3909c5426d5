using Microsoft.Extensions.Time.Testing;

namespace CampaignDesk.TestSupport;

/// <summary>The tests' clock: a <see cref="FakeTimeProvider"/> whose timers and delays fire only when the test advances it.</summary>
public static class TestClock
{
    /// <summary>Monday 2 March 2026, 09:30 UTC: the instant the tests' expected dates are written against.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    public static FakeTimeProvider Create() => new(DefaultStart);
}
