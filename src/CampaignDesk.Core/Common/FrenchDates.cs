using System.Globalization;

namespace CampaignDesk.Core.Common;

/// <summary>
/// Dates and times as French prose writes them: « 30 avril 2026 », « le 1er mai 2026 », « samedi 1er novembre »,
/// « 14 h 05 ». Every French date the application writes (mails, reminders, messages, exports) comes from here.
/// </summary>
public static class FrenchDates
{
    // Spelled out rather than taken from the fr-FR culture, so the text does not depend on the host's ICU data.
    private static readonly string[] Months =
        ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

    private static readonly string[] Weekdays = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"];

    /// <summary>« 30 avril 2026 », « 1er mai 2026 » (the first of a month is « 1er »).</summary>
    public static string LongForm(DateOnly date) => $"{DayMonth(date)} {date.Year.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>« 1er novembre », « 12 novembre ».</summary>
    public static string DayMonth(DateOnly date) =>
        $"{(date.Day == 1 ? "1er" : date.Day.ToString(CultureInfo.InvariantCulture))} {Months[date.Month - 1]}";

    /// <summary>« samedi 1er novembre ».</summary>
    public static string WeekdayDayMonth(DateOnly date) => $"{Weekdays[(int)date.DayOfWeek]} {DayMonth(date)}";

    /// <summary>The month's name from « janvier » to « décembre » (1–12), for reading dates back out of French text.</summary>
    public static IReadOnlyList<string> MonthNames => Months;
}
