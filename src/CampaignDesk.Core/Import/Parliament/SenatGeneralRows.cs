using System.Globalization;
using System.Text.Json;
using CampaignDesk.Core.Import.Identity;
using CsvHelper;
using CsvHelper.Configuration;

namespace CampaignDesk.Core.Import.Parliament;

/// <summary>
/// Sénat ODSEN_GENERAL, every senator ever, as JSON ({"results":[{Matricule, Nom_usuel…}]}) or as the CSV the Sénat
/// serves (cp1252, '%' lines first, "Nom usuel"…). Columns are compared folded, so "Nom_usuel" and "Nom usuel" agree.
/// </summary>
internal static class SenatGeneralRows
{
    public static IEnumerable<(ParliamentMember?, ParliamentProblem?)> ReadJson(ParliamentFile file)
    {
        using (file)
        {
            var line = 0;
            foreach (var item in file.Json!.RootElement.GetProperty("results").EnumerateArray())
            {
                var row = new RowBuilder(++line);
                if (item.ValueKind != JsonValueKind.Object)
                {
                    yield return row.Fail($"l'enregistrement est un {item.ValueKind} JSON, pas un objet");
                    continue;
                }

                var fields = item.EnumerateObject()
                    .GroupBy(property => PersonNames.Fold(property.Name))
                    .ToDictionary(group => group.Key, group => item.Text(group.First().Name));
                yield return Map(row, fields);
            }
        }
    }

    public static IEnumerable<(ParliamentMember?, ParliamentProblem?)> ReadCsv(ParliamentFile file)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            AllowComments = true,
            Comment = '%',
            MissingFieldFound = null,
            BadDataFound = null,
        };
        using var csv = new CsvReader(new StringReader(file.Text!), configuration);
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!.Select(PersonNames.Fold).ToArray();
        while (csv.Read())
        {
            var row = new RowBuilder(csv.Parser.RawRow);
            if (csv.Parser.Count != header.Length)
            {
                yield return row.Fail($"{csv.Parser.Count} champ(s) au lieu des {header.Length} de l'en-tête");
                continue;
            }

            var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                fields.TryAdd(header[i], RowBuilder.Clean(csv.GetField(i)));
            }

            yield return Map(row, fields);
        }
    }

    private static (ParliamentMember?, ParliamentProblem?) Map(RowBuilder row, Dictionary<string, string?> fields)
    {
        string? Field(string name) => fields.GetValueOrDefault(name);

        var id = Field("matricule");
        var lastName = Field("nom usuel");
        if (id is null || lastName is null)
        {
            return row.Fail(id is null ? "pas de Matricule" : $"{id} n'a pas de Nom usuel");
        }

        bool? active = Field("etat")?.ToUpperInvariant() switch
        {
            "ACTIF" => true,
            "ANCIEN" => false,
            null => null,
            var other => Unknown(row, other),
        };

        // Former senators sat for Alger, Seine or Oasis, which have no code today: not a problem for them.
        var department = row.Department(null, Field("circonscription"), report: active != false);
        return row.Done(new ParliamentMember(
            row.Line,
            ParliamentSource.SenatGeneral,
            ParliamentMember.Senateur,
            id,
            lastName,
            Field("prenom usuel") ?? string.Empty,
            RowBuilder.Sex(Field("qualite")),
            row.Date(Field("date naissance")),
            department,
            CirconscriptionNumber: null,
            Field("groupe politique"),
            GroupLabel: null,
            row.Email(Field("courrier electronique")),
            active));
    }

    private static bool? Unknown(RowBuilder row, string etat)
    {
        row.Problem($"État « {etat} » : ni ACTIF ni ANCIEN");
        return null;
    }
}
