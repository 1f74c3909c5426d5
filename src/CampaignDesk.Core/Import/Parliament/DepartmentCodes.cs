using System.Globalization;
using CampaignDesk.Core.Import.Identity;
using CampaignDesk.Core.Resources;
using CsvHelper;

namespace CampaignDesk.Core.Import.Parliament;

/// <summary>
/// INSEE-style département codes for parliament files: "01", "2A", "971", "ZZ" (Français établis hors de France).
/// Names come from the embedded INSEE COG 2026 table plus the collectivités and labels the parliament files use.
/// </summary>
public static class DepartmentCodes
{
    public const string Abroad = "ZZ";

    // Outside the INSEE département list, or written differently by the Assemblée and the Sénat.
    private static readonly (string Name, string Code)[] Extra =
    [
        ("Français établis hors de France", Abroad),
        ("Réunion", "974"),
        ("Saint-Pierre-et-Miquelon", "975"),
        ("Saint-Barthélemy", "977"),
        ("Saint-Martin", "978"),
        // The député circonscription covers both; the RNE files it under 977 (code "ZX").
        ("Saint-Barthélemy et Saint-Martin", "977"),
        ("Saint-Martin / Saint-Barthélemy", "977"),
        ("Wallis-et-Futuna", "986"),
        ("Iles Wallis et Futuna", "986"),
        ("Polynésie française", "987"),
        ("Nouvelle-Calédonie", "988"),
        // Former names that a still-valid code took over (older ODSEN records).
        ("Basses-Alpes", "04"),
        ("Basses-Pyrénées", "64"),
        ("Côtes-du-Nord", "22"),
        ("Seine-Inférieure", "76"),
        ("Loire-Inférieure", "44"),
        ("Charente-Inférieure", "17"),
    ];

    private static readonly Lazy<IReadOnlyDictionary<string, string>> ByName = new(LoadNames);

    /// <summary>
    /// The code for a département or collectivité name ("Gironde" → "33", "Polynésie Française" → "987"), compared
    /// without accents, case or hyphens; a trailing "(…)" such as "(Série 1)" is ignored. Null when unknown (Alger,
    /// Seine and other territories that no longer have a code).
    /// </summary>
    public static string? FromName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var trimmed = name.Trim();
        var bracket = trimmed.IndexOf('(', StringComparison.Ordinal);
        if (bracket > 0)
        {
            trimmed = trimmed[..bracket];
        }

        return ByName.Value.GetValueOrDefault(PersonNames.Fold(trimmed));
    }

    /// <summary>
    /// A code as a source writes it made INSEE-style: "1"→"01", "2a"→"2A", "099"/"997"/"998"→"ZZ", RNE "ZX"→"977".
    /// Null for empty input or a code of a shape no département has.
    /// </summary>
    public static string? Normalize(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var upper = code.Trim().ToUpperInvariant();
        switch (upper)
        {
            case "ZZ" or "099" or "99" or "997" or "998":
                return Abroad;
            case "ZX":
                return "977";
            case "2A" or "2B" or "02A" or "02B":
                return upper[^2..];
        }

        if (!upper.All(char.IsAsciiDigit))
        {
            return null;
        }

        var number = int.Parse(upper, CultureInfo.InvariantCulture);
        return number switch
        {
            >= 1 and <= 95 => number.ToString("00", CultureInfo.InvariantCulture),
            >= 971 and <= 989 => number.ToString(CultureInfo.InvariantCulture),
            _ => null,
        };
    }

    private static Dictionary<string, string> LoadNames()
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var reader = new StreamReader(EmbeddedFiles.Open("seed/insee/v_departement_2026.csv")))
        using (var csv = new CsvReader(reader, CultureInfo.InvariantCulture))
        {
            csv.Read();
            csv.ReadHeader();
            while (csv.Read())
            {
                var code = csv.GetField("DEP")!;
                names.TryAdd(PersonNames.Fold(csv.GetField("LIBELLE")!), code);
                names.TryAdd(PersonNames.Fold(csv.GetField("NCCENR")!), code);
            }
        }

        foreach (var (name, code) in Extra)
        {
            names.TryAdd(PersonNames.Fold(name), code);
        }

        return names;
    }
}
