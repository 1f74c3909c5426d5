using System.Text.Json;

namespace CampaignDesk.Core.Import.Parliament;

/// <summary>
/// The Sénat's list of sitting senators: [{matricule, nom, prenom, civilite, groupe{code,libelle}, circonscription{code,libelle},
/// url}]; url is the senator's page, relative to www.senat.fr.
/// </summary>
internal static class SenatListRows
{
    public static IEnumerable<(ParliamentMember?, ParliamentProblem?)> Read(ParliamentFile file) => JsonArrayRows.Read(file, Map);

    private static (ParliamentMember?, ParliamentProblem?) Map(RowBuilder row, JsonElement item)
    {
        var id = item.Text("matricule");
        var lastName = item.Text("nom");
        if (id is null || lastName is null)
        {
            return row.Fail(id is null ? "pas de matricule" : $"{id} n'a pas de nom");
        }

        var circonscription = item.Child("circonscription");
        var group = item.Child("groupe");
        return row.Done(new ParliamentMember(
            row.Line,
            ParliamentSource.SenatList,
            ParliamentMember.Senateur,
            id,
            lastName,
            item.Text("prenom") ?? string.Empty,
            RowBuilder.Sex(item.Text("civilite")),
            BirthDate: null,
            row.Department(circonscription.Text("code"), circonscription.Text("libelle")),
            CirconscriptionNumber: null,
            group.Text("code"),
            group.Text("libelle"),
            Email: null,
            Active: null,
            Page(item.Text("url"))));
    }

    private static string? Page(string? url) => url switch
    {
        null => null,
        _ when url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) => url,
        _ when url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) => "https://www.senat.fr" + url,
        _ => null,
    };
}
