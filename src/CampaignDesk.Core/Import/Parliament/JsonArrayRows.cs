using System.Text.Json;

namespace CampaignDesk.Core.Import.Parliament;

/// <summary>The records of a JSON array file, each mapped by its source's reader; a non-object record is a problem.</summary>
internal static class JsonArrayRows
{
    public static IEnumerable<(ParliamentMember?, ParliamentProblem?)> Read(ParliamentFile file,
        Func<RowBuilder, JsonElement, (ParliamentMember?, ParliamentProblem?)> map)
    {
        using (file)
        {
            var line = 0;
            foreach (var item in file.Json!.RootElement.EnumerateArray())
            {
                var row = new RowBuilder(++line);
                yield return item.ValueKind == JsonValueKind.Object
                    ? map(row, item)
                    : row.Fail($"l'enregistrement est un {item.ValueKind} JSON, pas un objet");
            }
        }
    }
}
