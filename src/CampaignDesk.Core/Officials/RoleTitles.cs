namespace CampaignDesk.Core.Officials;

/// <summary>
/// The French title of each role (<see cref="Roles"/>), agreed with the official's sex as officials store it ("F", "M", or
/// null when the source did not say): « Députée », « Sénateur », « Conseillère départementale ». Every title the
/// application writes — lists, gaps, exports, coverage labels, mail — comes from here.
/// </summary>
public static class RoleTitles
{
    private static readonly Dictionary<string, (string Masculine, string Feminine, string Both)> Titles = new(StringComparer.Ordinal)
    {
        [Roles.Depute] = ("Député", "Députée", "Député·e"),
        [Roles.Senateur] = ("Sénateur", "Sénatrice", "Sénateur·rice"),
        [Roles.Maire] = ("Maire", "Maire", "Maire"),
        [Roles.ConseillerDepartemental] = ("Conseiller départemental", "Conseillère départementale", "Conseiller·ère départemental·e"),
        [Roles.ConseillerRegional] = ("Conseiller régional", "Conseillère régionale", "Conseiller·ère régional·e"),
        [Roles.ConseillerMunicipal] = ("Conseiller municipal", "Conseillère municipale", "Conseiller·ère municipal·e"),
        [Roles.ConseillerArrondissement] = ("Conseiller d'arrondissement", "Conseillère d'arrondissement", "Conseiller·ère d'arrondissement"),
        [Roles.DeputeEuropeen] = ("Député européen", "Députée européenne", "Député·e européen·ne"),
    };

    public static bool IsKnown(string role) => Titles.ContainsKey(role);

    /// <summary>
    /// « Députée » for a woman, « Député » for a man; when the sex is unknown, the masculine, the form the institutions' own
    /// lists use for the function. An unknown role comes back as given.
    /// </summary>
    public static string Of(string role, string? sex) => Titles.TryGetValue(role, out var title)
        ? IsFeminine(sex) == true ? title.Feminine : title.Masculine
        : role;

    /// <summary>The title of a role for people of either sex, as a heading over several (« Député·e », « Sénateur·rice »).</summary>
    public static string Collective(string role) => Titles.TryGetValue(role, out var title) ? title.Both : role;

    /// <summary>True for "F", false for "M", null when the sex is not known.</summary>
    public static bool? IsFeminine(string? sex) => sex?.Trim().ToUpperInvariant() switch
    {
        "F" => true,
        "M" => false,
        _ => null,
    };
}
