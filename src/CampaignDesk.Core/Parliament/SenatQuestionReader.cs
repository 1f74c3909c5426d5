using System.Globalization;
using CampaignDesk.Core.Import.Identity;
using CampaignDesk.Core.Import.Rne;
using CsvHelper;
using CsvHelper.Configuration;

namespace CampaignDesk.Core.Parliament;

/// <summary>
/// The Sénat's questions as data.senat.fr exports them in CSV (base « Questions »). The fields are those its help pages
/// document for each question (data.senat.fr/aide/liste-de-rappel-des-questions-ecrites-restees-sans-reponses): its sort,
/// number and reference (the question's unique id), title, author (nom, prénom, civilité, circonscription, groupe),
/// date of publication in the Journal officiel, the ministry it was put to and the one it was passed on to, its thèmes and
/// its URL on senat.fr; the answer's date, ministry and text, and the question's text, when the export has them. The exact
/// headers are not documented there: they are found by their folded name (accents and case ignored) among the usual
/// spellings, the separator (; or ,) by the header line, the encoding by the first bytes (UTF-8, else Windows-1252). The export names the author, not the matricule: a
/// <c>Matricule</c> column is used when present, else the author is found in the directory by name and département
/// (<see cref="SenatAuthors"/>).
/// </summary>
internal static class SenatQuestionReader
{
    public static bool Accepts(string fileName) => fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    /// <summary>One row, read; or the problem that kept it from being read (with the row's number, header = 1).</summary>
    /// <param name="stream">Seekable: a sample is read first for the encoding (UTF-8, else cp1252, as the RNE's files), then the header line for the separator.</param>
    public static IEnumerable<(int Number, SenatQuestion? Question, string? Problem)> Read(Stream stream)
    {
        var sample = new byte[64 * 1024];
        var length = stream.ReadAtLeast(sample, sample.Length, throwOnEndOfStream: false);
        var (encoding, bom, _) = RneEncodings.Detect(sample.AsSpan(0, length), length < sample.Length);
        stream.Position = bom;
        string? headerLine;
        using (var first = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: false, leaveOpen: true))
        {
            headerLine = first.ReadLine();
        }

        if (headerLine is null)
        {
            yield break;
        }

        stream.Position = bom;
        var delimiter = headerLine.Count(c => c == ';') >= headerLine.Count(c => c == ',') ? ";" : ",";
        using var reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter,
            MissingFieldFound = null,
            BadDataFound = null,
        });
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!.Select(h => PersonNames.Fold(h.Trim())).ToArray();
        var number = 1;
        while (csv.Read())
        {
            number++;
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length && i < csv.Parser.Count; i++)
            {
                var value = csv.GetField(i)?.Trim();
                if (!string.IsNullOrEmpty(value))
                {
                    fields.TryAdd(header[i], value);
                }
            }

            var (question, problem) = Map(fields);
            yield return (number, question, problem);
        }
    }

    private static (SenatQuestion?, string?) Map(Dictionary<string, string> fields)
    {
        string? Field(params string[] names) => names.Select(n => fields.GetValueOrDefault(n)).FirstOrDefault(v => v is not null);

        var reference = Field("reference", "reference de la question", "numero de reference");
        var number = Field("numero", "numero de la question");
        if (reference is null && number is null)
        {
            return (null, "ni Référence, ni Numéro");
        }

        var id = reference ?? number!;
        var asked = Date(Field("date de publication jo", "date de publication au jo", "date jo", "date de publication"));
        if (asked is null)
        {
            return (null, $"{id} : pas de date de publication au Journal officiel lisible");
        }

        var url = Field("url", "url question", "url de la question", "lien");
        if (url is null)
        {
            return (null, $"{id} : pas d'URL");
        }

        var lastName = Field("nom", "nom de l'auteur", "nom usuel");
        var title = Field("titre", "titre de la question") ?? $"Question {id}";
        var question = new SenatQuestion(
            Uid: "SEN-" + id,
            Kind: Kind(Field("nature", "nature de la question", "type")),
            Number: number ?? reference,
            Title: title,
            Themes: Field("themes", "theme", "theme(s)"),
            Ministry: Field("ministere de depot", "ministere"),
            AnsweringMinistry: Field("ministere de reponse", "ministere de transmission", "ministere attributaire"),
            Group: Field("groupe", "groupe politique"),
            Body: Field("texte de la question", "texte", "question"),
            Answer: Field("texte de la reponse", "reponse"),
            Status: Field("sort", "etat"),
            StatedOn: asked.Value,
            AnsweredOn: Date(Field("date de reponse jo", "date de publication de la reponse", "date de la reponse", "date reponse jo")),
            Url: url.StartsWith('/') ? "https://www.senat.fr" + url : url,
            Matricule: Field("matricule", "matricule de l'auteur"),
            LastName: lastName,
            FirstName: Field("prenom", "prenom de l'auteur", "prenom usuel"),
            Circonscription: Field("circonscription", "departement"));
        return (question, null);
    }

    /// <summary>QE (écrite), QOSD / QO (orale), QG / QAG (d'actualité au Gouvernement), or the nature spelled out.</summary>
    internal static string Kind(string? nature)
    {
        var folded = PersonNames.Fold(nature ?? "");
        return folded switch
        {
            "qg" or "qag" or "qc" => ParliamentKinds.GovernmentQuestion,
            "qo" or "qosd" or "qoad" => ParliamentKinds.OralQuestion,
            _ when folded.Contains("actualite", StringComparison.Ordinal) || folded.Contains("crible", StringComparison.Ordinal) => ParliamentKinds.GovernmentQuestion,
            _ when folded.Contains("orale", StringComparison.Ordinal) => ParliamentKinds.OralQuestion,
            _ => ParliamentKinds.WrittenQuestion,
        };
    }

    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd", "dd/MM/yyyy HH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy/MM/dd HH:mm:ss"];

    internal static DateOnly? Date(string? text) =>
        text is not null && DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? DateOnly.FromDateTime(date) : null;
}

/// <summary>A Sénat question as the export gives it, before its author is found in the directory.</summary>
internal sealed record SenatQuestion(string Uid, string Kind, string? Number, string Title, string? Themes, string? Ministry, string? AnsweringMinistry,
    string? Group, string? Body, string? Answer, string? Status, DateOnly StatedOn, DateOnly? AnsweredOn, string Url, string? Matricule,
    string? LastName, string? FirstName, string? Circonscription)
{
    /// <summary>The item, its author by matricule (none when the directory could not say who).</summary>
    public ParliamentItem ToItem(string? matricule) => new(Uid, "senat", Kind, null, Number, Title, Themes, Themes, Ministry, AnsweringMinistry,
        matricule, Group, null, null, Body, Answer, Status, StatedOn, AnsweredOn, Url,
        matricule is null ? [] : [new ParliamentPerson(matricule, ParliamentRoles.Author)]);

    public string Author => $"{FirstName} {LastName}".Trim() + (Circonscription is null ? "" : $" ({Circonscription})");
}
