using System.Text;
using CampaignDesk.Core.Calendar;

namespace CampaignDesk.Core.Tests.Calendar;

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

        var properties = Event(ics);
        Assert.That(ICalendarReader.UnescapeText(properties["SUMMARY"].Value), Is.EqualTo(French));
        Assert.That(ICalendarReader.UnescapeText(properties["DESCRIPTION"].Value), Is.EqualTo(description.Replace("\r\n", "\n")));
        Assert.That(ICalendarReader.UnescapeText(properties["UID"].Value), Is.EqualTo("uid,1;x"));
        Assert.That(ICalendarReader.UnescapeText(ICalendarReader.Read(ics).Single(l => l.Name == "X-WR-CALNAME").Value), Is.EqualTo("Agenda, été"));
    }

    [Test]
    public void Write_Text_EscapesPerRfc() =>
        Assert.That(Event(Write(new CalendarEvent("u", "a,b;c\\d\ne\r\nf\rg", Modified, new DateOnly(2026, 1, 1))))["SUMMARY"].Value,
            Is.EqualTo(@"a\,b\;c\\d\ne\nfg"));

    [TestCase(1, "20260329T233000Z", "20260330T000000Z")]
    [TestCase(2, "20260329T223000Z", "20260329T230000Z")]
    public void Write_OffsetTime_ConvertsToUtc(int offsetHours, string start, string end)
    {
        var at = new DateTimeOffset(2026, 3, 30, 0, 30, 0, TimeSpan.FromHours(offsetHours));

        var properties = Event(Write(new CalendarEvent("u", "s", at, At: at)));

        Assert.That((properties["DTSTART"].Parameters, properties["DTSTART"].Value), Is.EqualTo(("", start)));
        Assert.That(properties["DTEND"].Value, Is.EqualTo(end), "default duration of 30 minutes");
        Assert.That(properties["LAST-MODIFIED"].Value, Is.EqualTo(start));
        Assert.That(properties["DTSTAMP"].Value, Is.EqualTo("20260302T093000Z"));
    }

    [Test]
    public void Write_Duration_SetsTheEnd() =>
        Assert.That(Event(Write(new CalendarEvent("u", "s", Modified, At: Stamp, Duration: TimeSpan.FromMinutes(90))))["DTEND"].Value,
            Is.EqualTo("20260302T110000Z"));

    [TestCase(2026, 5, 14, "20260515")]
    [TestCase(2026, 12, 31, "20270101")]
    [TestCase(2028, 2, 28, "20280229")]
    public void Write_AllDay_EndsTheNextDay(int year, int month, int day, string end)
    {
        var properties = Event(Write(new CalendarEvent("u", "s", Modified, new DateOnly(year, month, day))));

        Assert.That((properties["DTSTART"].Parameters, properties["DTSTART"].Value), Is.EqualTo(("VALUE=DATE", $"{year:D4}{month:D2}{day:D2}")));
        Assert.That((properties["DTEND"].Parameters, properties["DTEND"].Value), Is.EqualTo(("VALUE=DATE", end)));
    }

    [Test]
    public void Write_Calendar_HasBalancedComponentsAndRequiredProperties()
    {
        var ics = ICalendarWriter.Write("c", [new("a", "A", Modified, new DateOnly(2026, 1, 1)), new("b", "B", Modified, At: Stamp, Cancelled: true)], Stamp);
        var lines = ICalendarReader.Read(ics);

        var depth = 0;
        foreach (var line in lines)
        {
            depth += line.Name switch { "BEGIN" => 1, "END" => -1, _ => 0 };
            Assert.That(depth, Is.GreaterThanOrEqualTo(line.Name == "END" ? 0 : 1), $"{line.Name}:{line.Value} outside VCALENDAR");
        }

        Assert.That(depth, Is.Zero);
        Assert.That(lines.First(), Is.EqualTo(new ICalendarReader.ContentLine("BEGIN", "", "VCALENDAR")));
        Assert.That(lines.Last(), Is.EqualTo(new ICalendarReader.ContentLine("END", "", "VCALENDAR")));
        Assert.That(lines.Where(l => l.Name is "VERSION" or "PRODID" or "CALSCALE" or "METHOD").Select(l => l.Value),
            Is.EqualTo(new[] { "2.0", "-//CampaignDesk//CampaignDesk//FR", "GREGORIAN", "PUBLISH" }));
        Assert.That(lines.Count(l => l is { Name: "BEGIN", Value: "VEVENT" }), Is.EqualTo(2));
        Assert.That(lines.Where(l => l.Name == "UID").Select(l => l.Value), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(lines.Count(l => l.Name == "DTSTAMP"), Is.EqualTo(2));
        Assert.That(lines.Where(l => l.Name == "STATUS").Select(l => l.Value), Is.EqualTo(new[] { "CONFIRMED", "CANCELLED" }));
    }

    [Test]
    public void Write_SameInput_SameOutput()
    {
        CalendarEvent[] events = [new("a", French, Modified, At: Modified, Url: "https://example.fr/a?x=1,2"), new("b", "B", Modified, new DateOnly(2026, 1, 1))];

        Assert.That(ICalendarWriter.Write("c", events, Stamp), Is.EqualTo(ICalendarWriter.Write("c", events.ToList(), Stamp)));
        Assert.That(Event(ICalendarWriter.Write("c", events, Stamp))["URL"].Value, Is.EqualTo("https://example.fr/a?x=1,2"), "a URI is not TEXT-escaped");
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

    private static Dictionary<string, ICalendarReader.ContentLine> Event(string ics) =>
        ICalendarReader.Read(ics).SkipWhile(l => l.Value != "VEVENT").Skip(1).TakeWhile(l => l.Name != "END")
            .ToDictionary(l => l.Name);
}
