using System.Text.Json;

namespace CampaignDesk.Core.Parliament;

/// <summary>
/// The Assemblée's amendments (open data « Amendements »): one <c>amendement</c> per document, with its author
/// (<c>signataires.auteur.acteurRef</c>; a Government or committee amendment has none), co-signatories, the text and
/// article it refers to, its dispositif and exposé sommaire (HTML) and its sort.
/// </summary>
internal static class AnAmendmentReader
{
    public static bool Accepts(JsonElement root) => root.TryGetProperty("amendement", out _);

    public static ParliamentItem Read(JsonElement root)
    {
        var a = root.GetProperty("amendement");
        var uid = AnJson.Text(a, "uid") ?? throw new InvalidDataException("amendement sans uid");
        var legislature = AnJson.Text(a, "legislature");
        var number = AnJson.Text(a, "identification", "numeroLong") ?? AnJson.Text(a, "identification", "numeroOrdreDepot");
        var textRef = AnJson.Text(a, "texteLegislatifRef");
        var author = AnJson.Text(a, "signataires", "auteur", "acteurRef");
        var group = AnJson.Text(a, "signataires", "auteur", "groupePolitiqueRef");
        var article = AnJson.Text(a, "pointeurFragmentTexte", "division", "titre");
        var dispositif = AnJson.PlainText(AnJson.Text(a, "corps", "contenuAuteur", "dispositif"));
        var expose = AnJson.PlainText(AnJson.Text(a, "corps", "contenuAuteur", "exposeSommaire"));
        var statedOn = AnJson.Date(a, "cycleDeVie", "dateDepot") ?? AnJson.Date(a, "cycleDeVie", "datePublication")
            ?? throw new InvalidDataException($"{uid} : amendement sans date de dépôt");
        var sort = AnJson.Text(a, "cycleDeVie", "sort") ?? AnJson.Text(a, "cycleDeVie", "etatDesTraitements", "etat", "libelle");
        var people = new List<ParliamentPerson>();
        if (author is not null)
        {
            people.Add(new ParliamentPerson(author, ParliamentRoles.Author, group));
        }

        foreach (var cosignatory in AnJson.Many(a, "signataires", "cosignataires", "acteurRef"))
        {
            if (cosignatory.ValueKind == JsonValueKind.String && cosignatory.GetString() is { Length: > 0 } id && id != author
                && people.All(p => p.Ref != id))
            {
                people.Add(new ParliamentPerson(id, ParliamentRoles.Cosignatory));
            }
        }

        var body = string.Join(" ", new[] { dispositif, expose is null ? null : "Exposé sommaire : " + expose }.Where(t => t is not null));
        return new ParliamentItem(uid, "assemblee", ParliamentKinds.Amendment, legislature, number,
            $"Amendement n° {number}{(article is null ? "" : " — " + article)}", null, null, null, null, author,
            null, textRef, article,
            body.Length == 0 ? null : body, null, sort, statedOn, AnJson.Date(a, "cycleDeVie", "dateSort"), Url(a, legislature, textRef, number), people);
    }

    /// <summary>
    /// The amendment's page: <c>/dyn/{législature}/amendements/{n° du texte}/{organe d'examen}/{numéro}</c>, the organe
    /// being « AN » in séance and the committee's prefix (« CION-ECO » → « CION_ECO ») otherwise.
    /// </summary>
    private static string Url(JsonElement a, string? legislature, string? textRef, string? number)
    {
        var text = textRef is null ? null : textRef[(textRef.LastIndexOf('B') + 1)..];
        var organe = AnJson.Text(a, "identification", "prefixeOrganeExamen")?.Replace('-', '_') ?? "AN";
        return text is null || number is null
            ? $"https://www.assemblee-nationale.fr/dyn/{legislature}/amendements"
            : $"https://www.assemblee-nationale.fr/dyn/{legislature}/amendements/{text}/{organe}/{number}";
    }
}
