using System.Globalization;
using System.Text;

namespace CampaignDesk.Core.Import.Rne;

/// <summary>
/// Maps a header line onto <see cref="RneField"/>s by name. Names are folded first (accents, case, apostrophes,
/// underscores, dots and French articles dropped) so "Nom de l'élu", "NOM DE L’ELU" and "nom_elu" all read
/// "nom elu"; unknown columns are ignored.
/// </summary>
internal sealed class RneHeader
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "de", "du", "des", "la", "le", "les", "l", "d", "a", "au", "aux",
    };

    // Folded spellings seen in the 2019, 2022-12, 2023-06 (snake_case), 2023-11, 2024-07 and 2025 releases,
    // plus plausible short forms for releases not seen yet.
    private static readonly Dictionary<string, RneField> Aliases = new(StringComparer.Ordinal)
    {
        ["code departement"] = RneField.DepartmentCode,
        ["code dep"] = RneField.DepartmentCode,
        ["code dpt"] = RneField.DepartmentCode,
        ["code collectivite statut particulier"] = RneField.CollectivityCode,
        ["code collectivite"] = RneField.CollectivityCode,
        ["code circonscription legislative"] = RneField.CirconscriptionCode,
        ["code cir legislative"] = RneField.CirconscriptionCode,
        ["code circ legislative"] = RneField.CirconscriptionCode,
        ["code circonscription"] = RneField.CirconscriptionCode,
        ["code commune"] = RneField.CommuneCode,
        ["code insee commune"] = RneField.CommuneCode,
        ["code canton"] = RneField.CantonCode,
        ["code region"] = RneField.RegionCode,
        ["code section departementale"] = RneField.SectionCode,
        ["code secteur"] = RneField.SectorCode,
        ["code secteur arrondissement"] = RneField.SectorCode,
        ["code arrondissement"] = RneField.SectorCode,
        ["nom elu"] = RneField.LastName,
        ["nom"] = RneField.LastName,
        ["prenom elu"] = RneField.FirstName,
        ["prenom"] = RneField.FirstName,
        ["code sexe"] = RneField.Sex,
        ["sexe elu"] = RneField.Sex,
        ["code sexe elu"] = RneField.Sex,
        ["sexe"] = RneField.Sex,
        ["date naissance"] = RneField.BirthDate,
        ["date naissance elu"] = RneField.BirthDate,
        ["date debut mandat"] = RneField.MandateStart,
        ["libelle fonction"] = RneField.FunctionLabel,
        ["libelle fonction elu"] = RneField.FunctionLabel,
        ["date debut fonction"] = RneField.FunctionStart,
        ["code nuance mandat"] = RneField.NuanceCode,
        ["code nuance politique"] = RneField.NuanceCode,
        ["code nuance"] = RneField.NuanceCode,
        ["libelle nuance mandat"] = RneField.NuanceLabel,
        ["libelle nuance politique"] = RneField.NuanceLabel,
        ["libelle nuance"] = RneField.NuanceLabel,
    };

    private static readonly RneField[] Required = [RneField.LastName, RneField.FirstName, RneField.MandateStart];

    private readonly Dictionary<RneField, int> _indexes;

    private RneHeader(IReadOnlyList<string> names, Dictionary<RneField, int> indexes)
    {
        ColumnCount = names.Count;
        SnakeCase = names.Count(n => n.Contains('_', StringComparison.Ordinal)) > names.Count / 2;
        _indexes = indexes;
    }

    public int ColumnCount { get; }

    public bool SnakeCase { get; }

    public int RecognisedCount => _indexes.Count;

    public static RneHeader Parse(IReadOnlyList<string> names)
    {
        var indexes = new Dictionary<RneField, int>();
        for (var i = 0; i < names.Count; i++)
        {
            if (Aliases.TryGetValue(Fold(names[i]), out var field))
            {
                indexes.TryAdd(field, i);
            }
        }

        return new RneHeader(names, indexes);
    }

    public IReadOnlyList<RneField> MissingRequired() => [.. Required.Where(f => !Has(f))];

    public bool Has(RneField field) => _indexes.ContainsKey(field);

    public string? Get(IReadOnlyList<string> fields, RneField field) =>
        _indexes.TryGetValue(field, out var index) && fields[index].Length > 0 ? fields[index] : null;

    public static string Label(RneField field) => field switch
    {
        RneField.DepartmentCode => "Code du département",
        RneField.CollectivityCode => "Code de la collectivité à statut particulier",
        RneField.CirconscriptionCode => "Code de la circonscription législative",
        RneField.CommuneCode => "Code de la commune",
        RneField.CantonCode => "Code du canton",
        RneField.RegionCode => "Code de la région",
        RneField.SectionCode => "Code de la section départementale",
        RneField.SectorCode => "Code du secteur",
        RneField.LastName => "Nom de l'élu",
        RneField.FirstName => "Prénom de l'élu",
        RneField.Sex => "Code sexe",
        RneField.BirthDate => "Date de naissance",
        RneField.MandateStart => "Date de début du mandat",
        RneField.FunctionLabel => "Libellé de la fonction",
        RneField.FunctionStart => "Date de début de la fonction",
        RneField.NuanceCode => "Code de la nuance",
        RneField.NuanceLabel => "Libellé de la nuance",
        _ => field.ToString(),
    };

    internal static string Fold(string header)
    {
        var decomposed = header.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }

        var words = builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Where(w => !StopWords.Contains(w)));
    }
}
