using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CampaignDesk.Core.Common;

namespace CampaignDesk.Core.FollowUps;

/// <summary>
/// When follow-ups may leave: on open days that are not holidays of the official's département, from
/// <see cref="Start"/> to <see cref="End"/> Paris time. At most one message per official per window, and a window
/// is known by its Paris date (<see cref="WindowKey"/>).
/// <para>
/// A window open at every hour of every day (for tests and benchmarks, which must not depend on the calendar): all
/// seven <see cref="Days"/>, <see cref="Start"/> 00:00, <see cref="End"/> 23:59:59.9999999 (the end is exclusive:
/// 23:59 would close the last minute of each day) and <see cref="RespectHolidays"/> false.
/// </para>
/// </summary>
public sealed class SendingWindow : IValidatableObject
{
    public const string SectionName = "FollowUps:SendingWindow";

    // Configuration binding appends to an array that already has items, so the default lives here, not in Days.
    private static readonly DayOfWeek[] Weekdays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    // Open days recur weekly; a year covers any run of holidays, and a longer search means a misconfiguration.
    private const int DaysSearched = 366;

    /// <summary>The days a window opens; Monday to Friday when not configured.</summary>
    public DayOfWeek[]? Days { get; set; }

    public TimeOnly Start { get; set; } = new(9, 0);

    /// <summary>When the window closes (exclusive).</summary>
    public TimeOnly End { get; set; } = new(18, 0);

    /// <summary>Whether the public holidays of the official's département close the window (the default); false opens them like any other day.</summary>
    public bool RespectHolidays { get; set; } = true;

    public IReadOnlyList<DayOfWeek> OpenDays => Days ?? Weekdays;

    /// <summary>The Paris date of <paramref name="instant"/>: two sends with the same key went out in the same window.</summary>
    public static DateOnly WindowKey(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, ParisTime.Zone).DateTime);

    public bool IsOpen(DateTimeOffset utcNow, string? departmentCode) => NextOpening(utcNow, departmentCode) == utcNow;

    /// <summary><paramref name="utcNow"/> itself inside a window, else the UTC instant the next window opens.</summary>
    public DateTimeOffset NextOpening(DateTimeOffset utcNow, string? departmentCode)
    {
        var day = WindowKey(utcNow);
        for (var i = 0; i < DaysSearched; i++, day = day.AddDays(1))
        {
            if (!OpenDays.Contains(day.DayOfWeek) || (RespectHolidays && FrenchHolidays.IsHoliday(day, departmentCode)))
            {
                continue;
            }

            var (start, end) = (ToUtc(day, Start), ToUtc(day, End));
            if (utcNow < end)
            {
                return utcNow < start ? start : utcNow;
            }
        }

        throw new InvalidOperationException($"No sending window opens in the {DaysSearched} days after {utcNow:O}: check {SectionName}.");
    }

    public void Validate(Errors errors)
    {
        if (Days is { Length: 0 } || Days?.Any(d => !Enum.IsDefined(d)) == true)
        {
            errors.Add("days", Messages.WindowDays);
        }

        if (Start >= End)
        {
            errors.Add("end", Messages.WindowEnd, End.ToString("HH\\:mm", CultureInfo.InvariantCulture), Start.ToString("HH\\:mm", CultureInfo.InvariantCulture));
        }
    }

    IEnumerable<ValidationResult> IValidatableObject.Validate(ValidationContext validationContext)
    {
        var errors = new Errors();
        Validate(errors);
        return errors.ToDictionary().SelectMany(pair => pair.Value.Select(message => new ValidationResult(message.ToString(), [pair.Key])));
    }

    /// <summary>
    /// A Paris wall-clock time as UTC. A time skipped when clocks go forward is read with the standard offset, the
    /// one before the gap (02:30 becomes 03:30); a time repeated when they go back is its first occurrence, where
    /// <see cref="TimeZoneInfo.GetUtcOffset(DateTime)"/> would take the second. Windows open either way.
    /// </summary>
    internal static DateTimeOffset ToUtc(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time);
        var offset = ParisTime.Zone.IsAmbiguousTime(local) ? ParisTime.Zone.GetAmbiguousTimeOffsets(local).Max() : ParisTime.Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
