using System.Globalization;
using System.Text;

namespace CampaignDesk.Core.Calendar;

/// <summary>
/// Writes an RFC 5545 feed by hand (no iCalendar library is available here): TEXT escaped per §3.3.11, times in
/// UTC so no VTIMEZONE is needed, lines folded at 75 octets per §3.1, CRLF endings.
/// </summary>
public static class ICalendarWriter
{
    private const int MaxLineOctets = 75;

    /// <param name="stamp">DTSTAMP of every event: when this feed was produced, passed in so output is reproducible.</param>
    public static string Write(string calendarName, IEnumerable<CalendarEvent> events, DateTimeOffset stamp)
    {
        ArgumentNullException.ThrowIfNull(calendarName);
        ArgumentNullException.ThrowIfNull(events);
        var output = new StringBuilder();
        Line(output, "BEGIN:VCALENDAR");
        Line(output, "VERSION:2.0");
        Line(output, "PRODID:-//CampaignDesk//CampaignDesk//FR");
        Line(output, "CALSCALE:GREGORIAN");
        Line(output, "METHOD:PUBLISH");
        Line(output, "X-WR-CALNAME:" + EscapeText(calendarName));
        foreach (var calendarEvent in events)
        {
            WriteEvent(output, calendarEvent, stamp);
        }

        Line(output, "END:VCALENDAR");
        return output.ToString();
    }

    private static void WriteEvent(StringBuilder output, CalendarEvent e, DateTimeOffset stamp)
    {
        if (string.IsNullOrWhiteSpace(e.Uid) || e.Summary is null)
        {
            throw Invalid(e, "Uid and Summary are required.");
        }

        Line(output, "BEGIN:VEVENT");
        Line(output, "UID:" + EscapeText(e.Uid));
        Line(output, "DTSTAMP:" + UtcDateTime(stamp));
        Line(output, "LAST-MODIFIED:" + UtcDateTime(e.LastModified));
        switch (e)
        {
            case { Date: { } date, At: null, Duration: null }:
                Line(output, "DTSTART;VALUE=DATE:" + Date(date));
                Line(output, "DTEND;VALUE=DATE:" + Date(date.AddDays(1)));
                break;
            case { Date: null, At: { } at }:
                var duration = e.Duration ?? CalendarEvent.DefaultDuration;
                if (duration <= TimeSpan.Zero)
                {
                    // §3.8.2.2: DTEND must be later than DTSTART.
                    throw Invalid(e, $"Duration must be positive, not {duration}.");
                }

                Line(output, "DTSTART:" + UtcDateTime(at));
                Line(output, "DTEND:" + UtcDateTime(at + duration));
                break;
            case { Date: not null, At: null }:
                throw Invalid(e, "Duration is not allowed with Date: an all-day event lasts one day.");
            default:
                throw Invalid(e, "Date (all-day) or At (a time) is needed, and not both.");
        }

        Line(output, "SUMMARY:" + EscapeText(e.Summary));
        if (e.Description is not null)
        {
            Line(output, "DESCRIPTION:" + EscapeText(e.Description));
        }

        if (e.Url is not null)
        {
            Line(output, "URL:" + Uri(e));
        }

        Line(output, "STATUS:" + (e.Cancelled ? "CANCELLED" : "CONFIRMED"));
        Line(output, "END:VEVENT");
    }

    // URL is a URI value, not TEXT: it is not escaped, so it must be one that needs no escaping.
    private static string Uri(CalendarEvent e) =>
        System.Uri.TryCreate(e.Url, UriKind.Absolute, out _) && !e.Url!.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))
            ? e.Url
            : throw Invalid(e, "Url must be an absolute URL without spaces or control characters.");

    private static ArgumentException Invalid(CalendarEvent e, string message) => new($"Event '{e.Uid}': {message}");

    private static string UtcDateTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Date(DateOnly value) => value.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>§3.3.11. CR is dropped so CRLF and LF both become one <c>\n</c>; other controls are not allowed in TEXT.</summary>
    internal static string EscapeText(string value)
    {
        var escaped = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\' or ';' or ',':
                    escaped.Append('\\').Append(c);
                    break;
                case '\n':
                    escaped.Append("\\n");
                    break;
                case '\t':
                    escaped.Append(c);
                    break;
                case var _ when char.IsControl(c):
                    break;
                default:
                    escaped.Append(c);
                    break;
            }
        }

        return escaped.ToString();
    }

    /// <summary>§3.1: at most 75 octets a line, continuation lines start with a space, never inside a UTF-8 sequence.</summary>
    private static void Line(StringBuilder output, string contentLine)
    {
        var octets = 0;
        foreach (var rune in contentLine.EnumerateRunes())
        {
            if (octets + rune.Utf8SequenceLength > MaxLineOctets)
            {
                output.Append("\r\n ");
                octets = 1;
            }

            output.Append(rune.ToString());
            octets += rune.Utf8SequenceLength;
        }

        output.Append("\r\n");
    }
}
