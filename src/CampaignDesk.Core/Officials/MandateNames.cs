using System.Globalization;
using CampaignDesk.Core.FollowUps;
using CampaignDesk.Core.Territories;

namespace CampaignDesk.Core.Officials;

/// <summary>
/// A mandate as people read it, names instead of INSEE codes: the place (« 2e circonscription de l'Isère »,
/// « Saint-Martin-d'Hères », « canton de Fontaine-Seyssinet », « Auvergne-Rhône-Alpes ») and the whole label
/// (« Députée de la 2e circonscription de l'Isère », « Conseillère départementale du canton d'Échirolles »).
/// Département and région names come from the COG shipped in the assembly; commune and canton names from the query.
/// </summary>
public static class MandateNames
{
    public static (string Label, string? Place) Of(string role, string? sex, string? departmentCode, string? circonscriptionCode,
        string? communeName, string? cantonName, string? regionCode)
    {
        var title = RoleTitles.Of(role, sex);
        var department = DepartmentCatalog.Find(departmentCode);
        var number = CirconscriptionNumber(circonscriptionCode);
        var region = DepartmentCatalog.FindRegion(regionCode);
        switch (role)
        {
            case Roles.Depute when number is { } n && department?.Tncc is { } tncc:
                return (Salutations.MandateLabel(role, sex, n, department.Name, tncc)!,
                    $"{Salutations.Circonscription(n)} {FrenchPlaces.Of(department.Name, tncc)}");
            case Roles.Senateur when department?.Tncc is { } tncc:
                return (Salutations.MandateLabel(role, sex, null, department.Name, tncc)!, department.Name);
            case Roles.Maire or Roles.ConseillerMunicipal or Roles.ConseillerArrondissement when !string.IsNullOrWhiteSpace(communeName):
                return (Salutations.MandateLabel(role, sex, communeName: communeName)!, communeName);
            case Roles.ConseillerDepartemental when !string.IsNullOrWhiteSpace(cantonName):
                var canton = $"canton {FrenchPlaces.OfCommune(cantonName.Trim())}";
                return ($"{title} du {canton}", canton);
            case Roles.ConseillerRegional when region is { } r:
                return ($"{title} {FrenchPlaces.Of(r.Name, r.Tncc)}", r.Name);
            default:
                var place = circonscriptionCode ?? communeName ?? cantonName ?? department?.Name ?? region?.Name;
                return (place is null ? title : $"{title} ({place})", place);
        }
    }

    private static int? CirconscriptionNumber(string? code) =>
        code is not null && code.LastIndexOf('-') is var dash and > 0
        && int.TryParse(code[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 ? number : null;
}
