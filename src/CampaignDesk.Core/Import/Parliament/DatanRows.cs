using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace CampaignDesk.Core.Import.Parliament;

/// <summary>Datan's CSV of sitting députés: id,legislature,civ,nom,prenom,naissance,groupe,groupeAbrev,departementCode,circo,mail…</summary>
internal static class DatanRows
{
    public static IEnumerable<(ParliamentMember?, ParliamentProblem?)> Read(ParliamentFile file)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            MissingFieldFound = null,
            BadDataFound = null,
        };
        using var csv = new CsvReader(new StringReader(file.Text!), configuration);
        csv.Read();
        csv.ReadHeader();
        var width = csv.HeaderRecord!.Length;
        while (csv.Read())
        {
            var row = new RowBuilder(csv.Parser.RawRow);
            if (csv.Parser.Count != width)
            {
                yield return row.Fail($"{csv.Parser.Count} champ(s) au lieu des {width} de l'en-tête");
                continue;
            }

            yield return Map(row, csv);
        }
    }

    private static (ParliamentMember?, ParliamentProblem?) Map(RowBuilder row, CsvReader csv)
    {
        string? Field(string name) => RowBuilder.Clean(csv.GetField(name));

        var id = Field("id");
        var lastName = Field("nom");
        if (id is null || lastName is null)
        {
            return row.Fail(id is null ? "pas d'id" : $"{id} n'a pas de nom");
        }

        return row.Done(new ParliamentMember(
            row.Line,
            ParliamentSource.Datan,
            ParliamentMember.Depute,
            id,
            lastName,
            Field("prenom") ?? string.Empty,
            RowBuilder.Sex(Field("civ")),
            row.Date(Field("naissance")),
            row.Department(Field("departementCode"), Field("departementNom")),
            row.Circonscription(Field("circo")),
            Field("groupeAbrev"),
            Field("groupe"),
            row.Email(Field("mail")),
            Active: null));
    }
}
