namespace CampaignDesk.TestSupport;

/// <summary>A clock that moves only when told to (Microsoft.Extensions.TimeProvider.Testing is not available here).</summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public ManualTimeProvider()
        : this(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero))
    {
    }

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
