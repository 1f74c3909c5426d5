using System.Globalization;

namespace CampaignDesk.Core.FollowUps;

/// <summary>Dates as a French letter writes them: « 30 avril 2026 », « 1er mai 2026 ».</summary>
public static class FrenchDates
{
    // Spelled out rather than taken from the fr-FR culture, so the text does not depend on the host's ICU data.
    private static readonly string[] Months =
        ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

    public static string LongForm(DateOnly date) => string.Create(CultureInfo.InvariantCulture,
        $"{(date.Day == 1 ? "1er" : date.Day.ToString(CultureInfo.InvariantCulture))} {Months[date.Month - 1]} {date.Year}");
}
