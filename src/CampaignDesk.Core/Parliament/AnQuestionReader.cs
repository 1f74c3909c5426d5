using System.Text.Json;
using System.Text.RegularExpressions;

namespace CampaignDesk.Core.Parliament;

/// <summary>
/// The Assemblée's questions (open data « Questions écrites », « Questions au Gouvernement », « Questions orales sans
/// débat »): one <c>question</c> per document, its <c>type</c> QE, QG or QOSD. A written question carries its text and the
/// minister's answer (<c>textesQuestion</c>, <c>textesReponse</c>); a question au Gouvernement carries only the sitting's
/// transcript in <c>textesReponse</c>, which is split by speaker: the author's turns are the question, the Government's
/// (a speaker named with his office, « M. François Braun, ministre… ») the answer, the others' interjections are left out.
/// </summary>
internal static partial class AnQuestionReader
{
    public static bool Accepts(JsonElement root) => root.TryGetProperty("question", out _);

    public static ParliamentItem Read(JsonElement root)
    {
        var q = root.GetProperty("question");
        var uid = AnJson.Text(q, "uid") ?? throw new InvalidDataException("question sans uid");
        var type = AnJson.Text(q, "type") ?? throw new InvalidDataException($"{uid} : question sans type");
        var kind = type switch
        {
            "QE" => ParliamentKinds.WrittenQuestion,
            "QG" => ParliamentKinds.GovernmentQuestion,
            "QOSD" => ParliamentKinds.OralQuestion,
            _ => throw new InvalidDataException($"{uid} : type de question inconnu « {type} »"),
        };
        var legislature = AnJson.Text(q, "identifiant", "legislature");
        var number = AnJson.Text(q, "identifiant", "numero");
        var author = AnJson.Text(q, "auteur", "identite", "acteurRef");
        var analyses = string.Join(" ; ", new[] { AnJson.Text(q, "indexationAN", "teteAnalyse") }
            .Concat(AnJson.Many(q, "indexationAN", "analyses", "analyse").Select(a => a.ValueKind == JsonValueKind.String ? a.GetString() : null))
            .Where(a => !string.IsNullOrWhiteSpace(a)));
        var question = AnJson.Many(q, "textesQuestion", "texteQuestion").LastOrDefault();
        var answer = AnJson.Many(q, "textesReponse", "texteReponse").LastOrDefault();
        string? body = question.ValueKind == JsonValueKind.Object ? AnJson.PlainText(AnJson.Text(question, "texte")) : null;
        string? answerText = answer.ValueKind == JsonValueKind.Object ? AnJson.PlainText(AnJson.Text(answer, "texte")) : null;
        if (kind == ParliamentKinds.GovernmentQuestion && body is null && answer.ValueKind == JsonValueKind.Object)
        {
            (body, answerText) = SplitTranscript(AnJson.Text(answer, "texte"));
        }

        var asked = question.ValueKind == JsonValueKind.Object ? AnJson.Date(question, "infoJO", "dateJO") : null;
        var answered = answer.ValueKind == JsonValueKind.Object ? AnJson.Date(answer, "infoJO", "dateJO") : null;
        var statedOn = asked ?? answered ?? AnJson.Date(q, "cloture", "dateCloture")
            ?? throw new InvalidDataException($"{uid} : question sans date au Journal officiel");
        var title = AnJson.Text(q, "indexationAN", "analyses", "analyse") ?? analyses;
        var ministry = AnJson.Text(q, "minInt", "developpe") ?? AnJson.Text(q, "minInt", "abrege");
        var attrib = AnJson.Many(q, "minAttribs", "minAttrib").LastOrDefault();
        var answering = attrib.ValueKind == JsonValueKind.Object
            ? AnJson.Text(attrib, "denomination", "developpe") ?? AnJson.Text(attrib, "denomination", "abrege")
            : null;
        return new ParliamentItem(uid, "assemblee", kind, legislature, number, string.IsNullOrEmpty(title) ? $"Question {type} {number}" : title,
            AnJson.Text(q, "indexationAN", "rubrique"), analyses.Length == 0 ? null : analyses, ministry, answering, author,
            AnJson.Text(q, "auteur", "groupe", "developpe") ?? AnJson.Text(q, "auteur", "groupe", "abrege"), null, null, body,
            answerText, AnJson.Text(q, "cloture", "libelleCloture"), statedOn, answered,
            $"https://questions.assemblee-nationale.fr/q{legislature}/{legislature}-{number}{type}.htm",
            author is null ? [] : [new ParliamentPerson(author, ParliamentRoles.Author, AnJson.Text(q, "auteur", "groupe", "organeRef"))]);
    }

    /// <summary>The author's turns and the Government's turns of a sitting's transcript, as plain text.</summary>
    internal static (string? Question, string? Answer) SplitTranscript(string? html)
    {
        if (html is null)
        {
            return (null, null);
        }

        string? author = null;
        var question = new List<string>();
        var answer = new List<string>();
        foreach (Match turn in Turns().Matches(html))
        {
            var label = AnJson.PlainText(turn.Groups["who"].Value) ?? "";
            var said = AnJson.PlainText(turn.Groups["said"].Value);
            if (said is null || Chair().IsMatch(label))
            {
                continue;
            }

            if (label.EndsWith(','))
            {
                // « M. François Braun, ministre de la santé » : the office follows in italics; drop it from the words.
                answer.Add(AnJson.PlainText(OfficeInItalics().Replace(turn.Groups["said"].Value, "", 1)) ?? said);
                continue;
            }

            author ??= label;
            if (label == author)
            {
                question.Add(said);
            }
        }

        return (question.Count == 0 ? null : string.Join(" ", question), answer.Count == 0 ? null : string.Join(" ", answer));
    }

    [GeneratedRegex(@"<strong>(?<who>.*?)</strong>(?<said>.*?)(?=<strong>|\z)", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Turns();

    [GeneratedRegex(@"^(M\.|Mme)\s+(le|la)\s+président", RegexOptions.CultureInvariant)]
    private static partial Regex Chair();

    [GeneratedRegex(@"^\s*<i>.*?</i>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex OfficeInItalics();
}
