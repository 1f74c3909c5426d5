using System.Text;
using CampaignDesk.Core.Calendar;

namespace CampaignDesk.Core.Tests.Calendar;

/// <summary>The feed as Ical.Net reads it (an independent RFC 5545 parser), plus the octets of the wire format itself.</summary>
public class ICalendarWriterTests
{
    private const string French = "Réunion « Madame la Députée » à l'Hôtel de Ville; ordre du jour, budget\\vote\nsuite 🎉 Ça va ? Œuvre";
    private static readonly DateTimeOffset Stamp = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Modified = new(2026, 3, 1, 18, 5, 7, TimeSpan.FromHours(1));

    [Test]
    public void Write_AnyText_NoLineExceeds75OctetsAndOnlyCrlf()
    {
        var ics = Write(new CalendarEvent("e1@campaigndesk", string.Concat(Enumerable.Repeat(French, 5)), Modified, At: Modified,
            Description: string.Concat(Enumerable.Repeat("éèà🎉", 40))));

        var lines = ics.Split("\r\n");
        Assert.That(lines.Select(l => Encoding.UTF8.GetByteCount(l)), Is.All.LessThanOrEqualTo(75));
        Assert.That(lines.Any(l => l.Contains('\r') || l.Contains('\n')), Is.False, "no bare CR or LF");
        Assert.That(lines.Skip(1).Count(l => l.StartsWith(' ')), Is.GreaterThan(5), "long values were folded");
        Assert.That(lines.Where(l => l.Length > 1).Any(l => char.IsHighSurrogate(l[^1]) || char.IsLowSurrogate(l[1])), Is.False,
            "no emoji split across lines");
    }

    [Test]
    public void Write_FrenchTextWithSpecials_UnfoldsAndUnescapesToTheOriginal()
    {
        var description = "Ligne 1\r\nLigne 2, avec virgule; point-virgule \\ antislash\n" + French;
        var ics = Write(new CalendarEvent("uid,1;x", French, Modified, new DateOnly(2026, 5, 14), Description: description));

        var calendar = Load(ics);
        var evt = calendar.Events.Single();
        Assert.That(evt.Summary, Is.EqualTo(French));
        Assert.That(evt.Description, Is.EqualTo(description.Replace("\r\n", "\n", StringComparison.Ordinal)));
        Assert.That(evt.Uid, Is.EqualTo("uid,1;x"));
        Assert.That(calendar.Properties["X-WR-CALNAME"]?.Value, Is.EqualTo("Agenda, été"));
    }

    [Test]
    public void Write_Text_EscapesPerRfc()
    {
        var ics = Write(new CalendarEvent("u", "a,b;c\\d\ne\r\nf\rg", Modified, new DateOnly(2026, 1, 1)));

        Assert.That(Unfold(ics).Split("\r\n"), Does.Contain(@"SUMMARY:a\,b\;c\\d\ne\nfg"), "on the wire");
        Assert.That(Load(ics).Events.Single().Summary, Is.EqualTo("a,b;c\\d\ne\nfg"), "as a reader sees it");
    }

    [TestCase(1, "20260329T233000Z", "20260330T000000Z")]
    [TestCase(2, "20260329T223000Z", "20260329T230000Z")]
    public void Write_OffsetTime_ConvertsToUtc(int offsetHours, string start, string end)
    {
        var at = new DateTimeOffset(2026, 3, 30, 0, 30, 0, TimeSpan.FromHours(offsetHours));

        var ics = Write(new CalendarEvent("u", "s", at, At: at));
        var evt = Load(ics).Events.Single();

        Assert.That((evt.DtStart!.IsUtc, evt.DtStart.HasTime, evt.DtStart.AsUtc), Is.EqualTo((true, true, at.UtcDateTime)));
        Assert.That(evt.DtEnd!.AsUtc, Is.EqualTo(at.UtcDateTime.AddMinutes(30)), "default duration of 30 minutes");
        Assert.That(evt.LastModified!.AsUtc, Is.EqualTo(at.UtcDateTime));
        Assert.That(evt.DtStamp!.AsUtc, Is.EqualTo(Stamp.UtcDateTime));
        Assert.That(Unfold(ics).Split("\r\n"), Does.Contain($"DTSTART:{start}").And.Contain($"DTEND:{end}").And.Contain($"LAST-MODIFIED:{start}")
            .And.Contain("DTSTAMP:20260302T093000Z"), "UTC date-times, with no TZID");
    }

    [Test]
    public void Write_Duration_SetsTheEnd() =>
        Assert.That(Load(Write(new CalendarEvent("u", "s", Modified, At: Stamp, Duration: TimeSpan.FromMinutes(90)))).Events.Single().DtEnd!.AsUtc,
            Is.EqualTo(new DateTime(2026, 3, 2, 11, 0, 0, DateTimeKind.Utc)));

    [TestCase(2026, 5, 14, 2026, 5, 15)]
    [TestCase(2026, 12, 31, 2027, 1, 1)]
    [TestCase(2028, 2, 28, 2028, 2, 29)]
    public void Write_AllDay_EndsTheNextDay(int year, int month, int day, int endYear, int endMonth, int endDay)
    {
        var ics = Write(new CalendarEvent("u", "s", Modified, new DateOnly(year, month, day)));
        var evt = Load(ics).Events.Single();

        Assert.That(evt.IsAllDay, Is.True);
        Assert.That((evt.DtStart!.HasTime, evt.DtStart.Date), Is.EqualTo((false, new DateOnly(year, month, day))));
        Assert.That((evt.DtEnd!.HasTime, evt.DtEnd.Date), Is.EqualTo((false, new DateOnly(endYear, endMonth, endDay))));
        Assert.That(Unfold(ics), Does.Contain($"DTSTART;VALUE=DATE:{year:D4}{month:D2}{day:D2}\r\n"));
    }

    [Test]
    public void Write_Calendar_HasBalancedComponentsAndRequiredProperties()
    {
        var ics = ICalendarWriter.Write("c", [new("a", "A", Modified, new DateOnly(2026, 1, 1)), new("b", "B", Modified, At: Stamp, Cancelled: true)], Stamp);

        // Ical.Net refuses unbalanced BEGIN/END; what it loads must be exactly what was written.
        var calendar = Load(ics);
        Assert.That(ics, Does.StartWith("BEGIN:VCALENDAR\r\n").And.EndWith("END:VCALENDAR\r\n"));
        Assert.That((calendar.Version, calendar.ProductId, calendar.Scale, calendar.Method),
            Is.EqualTo(("2.0", "-//CampaignDesk//CampaignDesk//FR", "GREGORIAN", "PUBLISH")));
        Assert.That(calendar.Children, Has.Count.EqualTo(2), "two events and nothing else");
        Assert.That(calendar.Events.Select(e => e.Uid), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(calendar.Events.Select(e => e.DtStamp?.AsUtc), Is.All.EqualTo(Stamp.UtcDateTime));
        Assert.That(calendar.Events.Select(e => e.Status), Is.EqualTo(new[] { "CONFIRMED", "CANCELLED" }));
    }

    [Test]
    public void Write_SameInput_SameOutput()
    {
        CalendarEvent[] events = [new("a", French, Modified, At: Modified, Url: "https://example.fr/a?x=1,2"), new("b", "B", Modified, new DateOnly(2026, 1, 1))];

        Assert.That(ICalendarWriter.Write("c", events, Stamp), Is.EqualTo(ICalendarWriter.Write("c", events.ToList(), Stamp)));
        Assert.That(Load(ICalendarWriter.Write("c", events, Stamp)).Events.First().Url, Is.EqualTo(new Uri("https://example.fr/a?x=1,2")));
        Assert.That(Unfold(ICalendarWriter.Write("c", events, Stamp)), Does.Contain("URL:https://example.fr/a?x=1,2\r\n"), "a URI is not TEXT-escaped");
    }

    [Test]
    public void Write_NeitherDateNorAt_Throws() =>
        Assert.That(() => Write(new CalendarEvent("u", "s", Modified)), Throws.ArgumentException.With.Message.Contains("Date (all-day) or At"));

    [Test]
    public void Write_BothDateAndAt_Throws() =>
        Assert.That(() => Write(new CalendarEvent("u", "s", Modified, new DateOnly(2026, 1, 1), Stamp)), Throws.ArgumentException.With.Message.Contains("Date (all-day) or At"));

    [TestCase(0)]
    [TestCase(-5)]
    public void Write_NonPositiveDuration_Throws(int minutes) =>
        Assert.That(() => Write(new CalendarEvent("u", "s", Modified, At: Stamp, Duration: TimeSpan.FromMinutes(minutes))),
            Throws.ArgumentException.With.Message.Contains("Duration must be positive"));

    [Test]
    public void Write_DateWithDuration_Throws() =>
        Assert.That(() => Write(new CalendarEvent("u", "s", Modified, new DateOnly(2026, 1, 1), Duration: TimeSpan.FromHours(1))),
            Throws.ArgumentException.With.Message.Contains("Duration is not allowed"));

    [TestCase("not a url")]
    [TestCase("https://example.fr/\r\nX-INJECTED:1")]
    public void Write_BadUrl_Throws(string url) =>
        Assert.That(() => Write(new CalendarEvent("u", "s", Modified, At: Stamp, Url: url)), Throws.ArgumentException.With.Message.Contains("Url must be"));

    private static string Write(CalendarEvent calendarEvent) => ICalendarWriter.Write("Agenda, été", [calendarEvent], Stamp);

    private static Ical.Net.Calendar Load(string ics) =>
        Ical.Net.Calendar.Load(ics) ?? throw new AssertionException("Ical.Net could not read the feed");

    // RFC 5545 §3.1 unfolding, to look at the octets of one property.
    private static string Unfold(string ics) => ics.Replace("\r\n ", "", StringComparison.Ordinal);
}
