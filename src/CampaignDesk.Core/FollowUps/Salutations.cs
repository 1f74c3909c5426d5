using System.Globalization;
using CampaignDesk.Core.Officials;

namespace CampaignDesk.Core.FollowUps;

/// <summary>
/// How a letter addresses an official and names the mandate, from the role (<see cref="Roles"/>) and the sex as
/// officials store it: "F", "M" or null when the source did not say.
/// </summary>
public static class Salutations
{
    /// <summary>« Madame la Sénatrice », « Monsieur le Maire »; « Madame, Monsieur » when the sex is unknown.</summary>
    public static string For(string role, string? sex) => (RoleTitles.IsFeminine(sex), RoleTitles.IsKnown(role)) switch
    {
        (true, true) => $"Madame la {RoleTitles.Of(role, sex)}",
        (false, true) => $"Monsieur le {RoleTitles.Of(role, sex)}",
        (true, false) => "Madame",
        (false, false) => "Monsieur",
        _ => "Madame, Monsieur",
    };

    /// <summary>
    /// The line that heads a letter sent to an office rather than to the person (a mairie's address): « À l'attention de
    /// Madame la Maire », « À l'attention de Monsieur le Maire », « À l'attention de Madame ou Monsieur le Maire ».
    /// </summary>
    public static string Attention(string role, string? sex)
    {
        if (!RoleTitles.IsKnown(role))
        {
            return $"À l'attention de {For(role, sex)}";
        }

        var masculine = RoleTitles.Of(role, "M");
        var feminine = RoleTitles.Of(role, "F");
        return RoleTitles.IsFeminine(sex) switch
        {
            true => $"À l'attention de Madame la {feminine}",
            false => $"À l'attention de Monsieur le {masculine}",
            _ when masculine == feminine => $"À l'attention de Madame ou Monsieur le {masculine}",
            _ => $"À l'attention de Madame la {feminine} ou de Monsieur le {masculine}",
        };
    }

    /// <summary>
    /// « Députée de la 5e circonscription de l'Isère », « Sénateur du Nord », « Maire du Havre »; null when the
    /// role needs a place that is not given. The département comes as its name and TNCC (see
    /// <see cref="FrenchPlaces.Of"/>), the commune as its full name (see <see cref="FrenchPlaces.OfCommune"/>).
    /// An unknown sex takes the masculine, the form the institutions' own lists use for the function.
    /// </summary>
    public static string? MandateLabel(string role, string? sex, int? circonscriptionNumber = null,
        string? departmentName = null, int? departmentTncc = null, string? communeName = null)
    {
        if (!RoleTitles.IsKnown(role))
        {
            return null;
        }

        var title = RoleTitles.Of(role, sex);
        var department = string.IsNullOrWhiteSpace(departmentName) || departmentTncc is null
            ? null : FrenchPlaces.Of(departmentName.Trim(), departmentTncc.Value);
        var commune = string.IsNullOrWhiteSpace(communeName) ? null : FrenchPlaces.OfCommune(communeName.Trim());
        return role switch
        {
            Roles.Depute when department is not null && circonscriptionNumber is { } number =>
                $"{title} de la {Circonscription(number)} {department}",
            Roles.Depute or Roles.Senateur or Roles.ConseillerDepartemental => department is null ? null : $"{title} {department}",
            Roles.Maire or Roles.ConseillerMunicipal or Roles.ConseillerArrondissement => commune is null ? null : $"{title} {commune}",
            _ => title,
        };
    }

    /// <summary>« 1re circonscription », « 5e circonscription ».</summary>
    public static string Circonscription(int number)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(number);
        return string.Create(CultureInfo.InvariantCulture, $"{number}{(number == 1 ? "re" : "e")} circonscription");
    }
}
