namespace CampaignDesk.Core.Calendar;

/// <summary>
/// One VEVENT. Either <paramref name="Date"/> (all-day: DTEND is the next day) or <paramref name="At"/> (written in UTC)
/// with <paramref name="Duration"/> (30 minutes when not given). <paramref name="Uid"/> must stay the same across
/// feeds so a subscribed calendar updates the event instead of adding a copy; <paramref name="LastModified"/> tells it
/// which copy is newer.
/// </summary>
public sealed record CalendarEvent(string Uid, string Summary, DateTimeOffset LastModified, DateOnly? Date = null, DateTimeOffset? At = null,
    TimeSpan? Duration = null, string? Description = null, string? Url = null, bool Cancelled = false)
{
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromMinutes(30);
}
