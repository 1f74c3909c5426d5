using CampaignDesk.Core.Territories;

namespace CampaignDesk.Core.Import.Rne;

/// <summary>
/// What a readable row may hold: fields no longer than any real one, and territories INSEE knows. A row breaking
/// them is unreadable with its reason, never an official with a megabyte name or a mandate for a seat that does not exist.
/// </summary>
internal static class RneLimits
{
    public const int MaxName = 100;
    public const int MaxLabel = 200;
    public const int MaxCode = 10;

    // The most circonscriptions a département has (Nord: 21), with room for a redistricting.
    public const int MaxCirconscription = 30;

    // Codes the RNE uses outside INSEE's list of départements: Français établis hors de France and the collectivities
    // that stand for one (Métropole de Lyon, Collectivité européenne d'Alsace, Ville de Paris, Collectivité de Corse).
    private static readonly HashSet<string> ExtraDepartments = new(StringComparer.Ordinal) { "ZZ", "69M", "6AE", "75C", "20R" };

    private static readonly (RneField Field, int Max)[] Lengths =
    [
        (RneField.LastName, MaxName), (RneField.FirstName, MaxName), (RneField.FunctionLabel, MaxLabel), (RneField.NuanceLabel, MaxLabel),
        (RneField.NuanceCode, MaxCode), (RneField.DepartmentCode, MaxCode), (RneField.CollectivityCode, MaxCode),
        (RneField.CirconscriptionCode, MaxCode), (RneField.CommuneCode, MaxCode), (RneField.CantonCode, MaxCode),
        (RneField.RegionCode, MaxCode), (RneField.SectionCode, MaxCode), (RneField.SectorCode, MaxCode),
    ];

    /// <summary>Why the row is refused, in French, or null.</summary>
    public static string? TooLong(RneHeader header, IReadOnlyList<string> fields)
    {
        foreach (var (field, max) in Lengths)
        {
            if (header.Get(fields, field) is { } value && value.Length > max)
            {
                return ImportOutcome.Format($"« {RneHeader.Label(field)} » fait {value.Length:N0} caractères, au plus {max} sont admis");
            }
        }

        return null;
    }

    /// <summary>Why the row names a territory INSEE does not know, in French, or null.</summary>
    public static string? UnknownTerritory(string? department, int? circonscription, string? commune)
    {
        if (department is not null && !Known(department))
        {
            return $"département « {department} » inconnu de l'INSEE";
        }

        if (circonscription > MaxCirconscription)
        {
            return $"circonscription n° {circonscription} inexistante (au plus {MaxCirconscription} par département)";
        }

        return commune is not null && !Known(DepartmentCatalog.DepartmentOfCommune(commune))
            ? $"commune « {commune} » inconnue de l'INSEE : son département « {DepartmentCatalog.DepartmentOfCommune(commune)} » n'existe pas"
            : null;
    }

    private static bool Known(string department) => ExtraDepartments.Contains(department) || DepartmentCatalog.Find(department) is not null;
}
