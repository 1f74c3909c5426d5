using System.Globalization;
using CampaignDesk.Core.Resources;
using CsvHelper;
using CsvHelper.Configuration;

namespace CampaignDesk.Core.Territories;

/// <summary>
/// The départements and régions of INSEE's Code officiel géographique 2026 (shipped in the assembly), plus the
/// overseas collectivities that have commune codes but no département, to validate and complete addresses.
/// </summary>
public static class DepartmentCatalog
{
    private static readonly Lazy<IReadOnlyDictionary<string, Department>> Departments = new(Load);
    private static readonly Lazy<IReadOnlyDictionary<string, (string Name, int Tncc)>> Regions = new(LoadRegions);

    // Collectivités d'outre-mer: commune codes start with these, and they belong to no région.
    public static readonly IReadOnlyList<(string Code, string Name)> Collectivities =
    [
        ("975", "Saint-Pierre-et-Miquelon"), ("977", "Saint-Barthélemy"), ("978", "Saint-Martin"),
        ("984", "Terres australes et antarctiques françaises"), ("986", "Wallis-et-Futuna"),
        ("987", "Polynésie française"), ("988", "Nouvelle-Calédonie"), ("989", "Île de Clipperton"),
    ];

    public static Department? Find(string? code) =>
        code is not null && Departments.Value.TryGetValue(code, out var department) ? department : null;

    public static bool RegionExists(string? code) => code is not null && Regions.Value.ContainsKey(code);

    /// <summary>A région's name and INSEE type of name (its article: « d'Auvergne-Rhône-Alpes », « des Hauts-de-France »).</summary>
    public static (string Name, int Tncc)? FindRegion(string? code) =>
        code is not null && Regions.Value.TryGetValue(code, out var region) ? region : null;

    /// <summary>The département (or collectivity) a commune code belongs to: 75056 → 75, 2A004 → 2A, 97105 → 971.</summary>
    public static string DepartmentOfCommune(string communeInsee) =>
        communeInsee.StartsWith("97", StringComparison.Ordinal) || communeInsee.StartsWith("98", StringComparison.Ordinal)
            ? communeInsee[..3]
            : communeInsee[..2];

    private static Dictionary<string, Department> Load()
    {
        var departments = ReadCsv("seed/insee/v_departement_2026.csv")
            .Select(row => new Department(row["DEP"], row["REG"], row["LIBELLE"], int.Parse(row["TNCC"], CultureInfo.InvariantCulture)))
            .Concat(Collectivities.Select(c => new Department(c.Code, null, c.Name)));
        return departments.ToDictionary(d => d.Code, StringComparer.Ordinal);
    }

    private static Dictionary<string, (string Name, int Tncc)> LoadRegions() =>
        ReadCsv("seed/insee/v_region_2026.csv").ToDictionary(row => row["REG"],
            row => (row["LIBELLE"], int.Parse(row["TNCC"], CultureInfo.InvariantCulture)), StringComparer.Ordinal);

    private static List<Dictionary<string, string>> ReadCsv(string resource)
    {
        using var reader = new StreamReader(EmbeddedFiles.Open(resource));
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        var rows = new List<Dictionary<string, string>>();
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            rows.Add(csv.HeaderRecord!.ToDictionary(h => h, h => csv.GetField(h) ?? string.Empty));
        }

        return rows;
    }
}
