using System.Collections.Concurrent;
using PublicHoliday;

namespace CampaignDesk.Core.FollowUps;

/// <summary>
/// Jours fériés of the official's département, from the PublicHoliday package: metropolitan France, Alsace-Moselle's
/// two extra days for départements 57, 67 and 68, and the overseas départements' and collectivities' own days
/// (abolition of slavery, Vendredi saint and Victor Schœlcher in Guadeloupe and Martinique…). Whit Monday counts as a
/// holiday: most offices close even where it is the journée de solidarité. The project's French names are kept for
/// the national days; the others carry the package's French names.
/// </summary>
public static class FrenchHolidays
{
    private static readonly Dictionary<string, FrancePublicHoliday.Regions> RegionOfDepartment = new(StringComparer.OrdinalIgnoreCase)
    {
        ["57"] = FrancePublicHoliday.Regions.AlsaceMoselle,
        ["67"] = FrancePublicHoliday.Regions.AlsaceMoselle,
        ["68"] = FrancePublicHoliday.Regions.AlsaceMoselle,
        ["971"] = FrancePublicHoliday.Regions.Guadeloupe,
        ["972"] = FrancePublicHoliday.Regions.Martinique,
        ["973"] = FrancePublicHoliday.Regions.Guyane,
        ["974"] = FrancePublicHoliday.Regions.Reunion,
        ["976"] = FrancePublicHoliday.Regions.Mayotte,
        ["977"] = FrancePublicHoliday.Regions.SaintBarthelemy,
        ["978"] = FrancePublicHoliday.Regions.SaintMartin,
        ["986"] = FrancePublicHoliday.Regions.WallisEtFutuna,
        ["987"] = FrancePublicHoliday.Regions.PolynesieFrancaise,
        ["988"] = FrancePublicHoliday.Regions.NouvelleCaledonie,
    };

    // The package's French names where the project has always shown another one.
    private static readonly Dictionary<string, string> ProjectNames = new(StringComparer.Ordinal)
    {
        ["Nouvel An"] = "Jour de l'an",
        ["Fête de la Victoire"] = "Victoire 1945",
        ["Jeudi de l'Ascension"] = "Ascension",
        ["Jour de l'armistice"] = "Armistice 1918",
    };

    // The sending window asks for every minute it scans: a year's list per calendar is computed once.
    private static readonly ConcurrentDictionary<(int Year, FrancePublicHoliday.Regions Region), IReadOnlyList<(DateOnly Day, string Name)>> Cache = new();

    public static IReadOnlyList<(DateOnly Day, string Name)> Of(int year, string? departmentCode) =>
        Cache.GetOrAdd((year, RegionOf(departmentCode)), static key =>
        {
            // One instance per computation: the package's own cache is not documented as thread-safe.
            var calendar = new FrancePublicHoliday { Region = key.Region };
            return calendar.PublicHolidaysInformation(key.Year)
                .Select(h => (DateOnly.FromDateTime(h.HolidayDate), ProjectNames.GetValueOrDefault(h.Name, h.Name)))
                .OrderBy(h => h.Item1)
                .ToArray();
        });

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

    private static FrancePublicHoliday.Regions RegionOf(string? departmentCode) =>
        departmentCode is not null && RegionOfDepartment.TryGetValue(departmentCode.Trim(), out var region)
            ? region
            : FrancePublicHoliday.Regions.OnlyOfficial;
}
