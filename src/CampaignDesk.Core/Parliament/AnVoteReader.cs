using System.Text.Json;

namespace CampaignDesk.Core.Parliament;

/// <summary>
/// The Assemblée's public votes (open data « Scrutins »): one <c>scrutin</c> per document, each member's vote under
/// <c>ventilationVotes.organe.groupes.groupe[].vote.decompteNominatif</c>, in <c>pours</c> (also spelt <c>pour</c>),
/// <c>contres</c>, <c>abstentions</c> and <c>nonVotants</c>, each a <c>votant</c> object or array.
/// </summary>
internal static class AnVoteReader
{
    private static readonly (string[] Names, string Role)[] Ballots =
    [
        (["pours", "pour"], ParliamentRoles.For),
        (["contres", "contre"], ParliamentRoles.Against),
        (["abstentions"], ParliamentRoles.Abstention),
        (["nonVotants"], ParliamentRoles.NonVoting),
    ];

    public static bool Accepts(JsonElement root) => root.TryGetProperty("scrutin", out _);

    public static ParliamentItem Read(JsonElement root)
    {
        var s = root.GetProperty("scrutin");
        var uid = AnJson.Text(s, "uid") ?? throw new InvalidDataException("scrutin sans uid");
        var legislature = AnJson.Text(s, "legislature");
        var number = AnJson.Text(s, "numero");
        var statedOn = AnJson.Date(s, "dateScrutin") ?? throw new InvalidDataException($"{uid} : scrutin sans date");
        var people = new List<ParliamentPerson>();
        foreach (var group in AnJson.Many(s, "ventilationVotes", "organe", "groupes", "groupe"))
        {
            var groupRef = AnJson.Text(group, "organeRef");
            foreach (var (names, role) in Ballots)
            {
                foreach (var name in names)
                {
                    foreach (var voter in AnJson.Many(group, "vote", "decompteNominatif", name, "votant"))
                    {
                        if (AnJson.Text(voter, "acteurRef") is { } id && people.All(p => p.Ref != id || p.Role != role))
                        {
                            people.Add(new ParliamentPerson(id, role, groupRef));
                        }
                    }
                }
            }
        }

        var title = AnJson.Text(s, "titre") ?? AnJson.Text(s, "objet", "libelle") ?? $"Scrutin n° {number}";
        return new ParliamentItem(uid, "assemblee", ParliamentKinds.Vote, legislature, number, $"Scrutin n° {number} : {title}",
            AnJson.Text(s, "objet", "libelle"), null, null, null, null, null, null, null, null, null,
            AnJson.Text(s, "sort", "libelle") ?? AnJson.Text(s, "sort", "code"), statedOn, null,
            $"https://www.assemblee-nationale.fr/dyn/{legislature}/scrutins/{number}", people);
    }
}
