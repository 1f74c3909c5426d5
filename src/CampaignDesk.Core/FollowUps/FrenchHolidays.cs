namespace CampaignDesk.Core.FollowUps;

/// <summary>
/// Jours fériés of metropolitan France, with Alsace-Moselle's two extra days for départements 57, 67 and 68.
/// Whit Monday counts as a holiday: most offices close even where it is the journée de solidarité. Overseas
/// départements' own days (abolition of slavery…) are not included.
/// </summary>
public static class FrenchHolidays
{
    private static readonly string[] AlsaceMoselle = ["57", "67", "68"];

    // Computed on each call rather than cached: a year is a dozen additions, cheaper than a thread-safe cache.
    public static IReadOnlyList<(DateOnly Day, string Name)> Of(int year, string? departmentCode)
    {
        var easter = Easter(year);
        var days = new List<(DateOnly Day, string Name)>
        {
            (new DateOnly(year, 1, 1), "Jour de l'an"),
            (easter.AddDays(1), "Lundi de Pâques"),
            (new DateOnly(year, 5, 1), "Fête du Travail"),
            (new DateOnly(year, 5, 8), "Victoire 1945"),
            (easter.AddDays(39), "Ascension"),
            (easter.AddDays(50), "Lundi de Pentecôte"),
            (new DateOnly(year, 7, 14), "Fête nationale"),
            (new DateOnly(year, 8, 15), "Assomption"),
            (new DateOnly(year, 11, 1), "Toussaint"),
            (new DateOnly(year, 11, 11), "Armistice 1918"),
            (new DateOnly(year, 12, 25), "Noël"),
        };
        if (IsAlsaceMoselle(departmentCode))
        {
            days.Add((easter.AddDays(-2), "Vendredi saint"));
            days.Add((new DateOnly(year, 12, 26), "Saint-Étienne"));
        }

        days.Sort((a, b) => a.Day.CompareTo(b.Day));
        return days;
    }

    public static bool IsHoliday(DateOnly day, string? departmentCode) => NameOf(day, departmentCode) is not null;

    /// <summary>The holiday's French name, or null on an ordinary day.</summary>
    public static string? NameOf(DateOnly day, string? departmentCode)
    {
        foreach (var (holiday, name) in Of(day.Year, departmentCode))
        {
            if (holiday == day)
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>Easter Sunday by the Gregorian computus (the anonymous algorithm, as in Meeus).</summary>
    public static DateOnly Easter(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    private static bool IsAlsaceMoselle(string? departmentCode) =>
        departmentCode is not null && AlsaceMoselle.Contains(departmentCode.Trim());
}
