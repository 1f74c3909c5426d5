using System.Text.Json;

namespace CampaignDesk.Core.Import.Parliament;

/// <summary>assemblee/deputes.json: [{id, nom (full name), email, circo, dept (name), groupeSigle, groupeLibelle}].</summary>
internal static class AssembleeRows
{
    public static IEnumerable<(ParliamentMember?, ParliamentProblem?)> Read(ParliamentFile file) => JsonArrayRows.Read(file, Map);

    private static (ParliamentMember?, ParliamentProblem?) Map(RowBuilder row, JsonElement item)
    {
        var id = item.Text("id");
        var fullName = item.Text("nom");
        if (id is null || fullName is null)
        {
            return row.Fail(id is null ? "pas d'id" : $"{id} n'a pas de nom");
        }

        return row.Done(new ParliamentMember(
            row.Line,
            ParliamentSource.Assemblee,
            ParliamentMember.Depute,
            id,
            string.Join(' ', fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries)),
            string.Empty,
            Sex: null,
            BirthDate: null,
            row.Department(null, item.Text("dept")),
            row.Circonscription(item.Text("circo")),
            item.Text("groupeSigle"),
            item.Text("groupeLibelle"),
            row.Email(item.Text("email")),
            Active: null));
    }
}
