using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CampaignDesk.Core.Contacts;
using CampaignDesk.Core.FollowUps;
using CampaignDesk.Core.Import.Parliament;
using CampaignDesk.Core.Territories;
using CampaignDesk.Core.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace CampaignDesk.Core.Import.Contacts;

/// <summary>
/// The administration's directory of local public offices (DILA, « Base de données locales » of service-public.fr), in
/// the shapes it has been published in: the e-mail extract (CSV <c>département,commune,email</c>, no INSEE code), the
/// Opendatasoft records of its regional extracts (<c>records[].fields</c>: nom, tel, mail, site, adresse, codepost,
/// codeinsee, lat, lng) and the JSON of the « API Annuaire de l'administration » (<c>results[]</c>, a bare array or
/// <c>service[]</c>: nom, code_insee_commune, pivot[].type_service_local, adresse_courriel[], telephone[].valeur,
/// site_internet[].valeur, adresse[] with numero_voie, complement1/2, service_distribution, code_postal, nom_commune,
/// longitude, latitude; its nested fields may come as JSON text). Only mairies are kept.
/// </summary>
internal static partial class MairieDirectory
{
    public const int MaxJsonBytes = 128 * 1024 * 1024;

    // Where the records are: the API's pages (results), the data.gouv.fr dump (service), Opendatasoft's v1 (records).
    private static readonly string[] RecordLists = ["results", "service", "records"];

    /// <summary>The kinds a format publishes: the e-mail extract holds one e-mail (or a contact page) a mairie.</summary>
    public static IReadOnlyList<string> KindsOf(bool csv) => csv ? [ContactKinds.Email, ContactKinds.Web] : ContactKinds.All;

    /// <summary>True when the first line is the e-mail extract's header.</summary>
    public static bool IsCsvHeader(string firstLine)
    {
        var columns = SearchText.Fold(firstLine.TrimStart('\uFEFF')).Split(',', ';').Select(c => c.Trim().Trim('"')).ToList();
        return columns.Contains("departement") && columns.Contains("commune") && (columns.Contains("email") || columns.Contains("mail"));
    }

    /// <summary>True when a JSON document's records look like the directory's (a name and one of its fields).</summary>
    public static bool IsDirectoryJson(string head) =>
        head.Contains("\"type_service_local\"", StringComparison.Ordinal) || head.Contains("\"code_insee_commune\"", StringComparison.Ordinal)
        || head.Contains("\"adresse_courriel\"", StringComparison.Ordinal)
        || (head.Contains("\"type_orga\"", StringComparison.Ordinal) && head.Contains("\"codeinsee\"", StringComparison.Ordinal));

    public static IEnumerable<MairieRecord> ReadCsv(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var delimiter = (reader.ReadLine() ?? "").Contains(';') ? ";" : ",";
        stream.Position = 0;
        reader.DiscardBufferedData();
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter,
            PrepareHeaderForMatch = a => SearchText.Fold(a.Header).Trim(),
            BadDataFound = null,
            MissingFieldFound = null,
        });
        csv.Read();
        csv.ReadHeader();
        var mail = csv.HeaderRecord!.Select(h => SearchText.Fold(h).Trim()).Contains("email") ? "email" : "mail";
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            var name = csv.GetField("commune")?.Trim() ?? "";
            var department = DepartmentCodes.Normalize(csv.GetField("departement")) ?? csv.GetField("departement")?.Trim();
            var problems = new List<string>();
            var contacts = new List<ContactValue>();
            var value = csv.GetField(mail)?.Trim();
            if (ContactText.Email(value) is { } email)
            {
                contacts.Add(ContactValue.Email(email, ContactUses.Mairie));
            }
            else if (value is not null && value.Contains("://", StringComparison.Ordinal) && ContactText.Web(value) is { } page)
            {
                contacts.Add(ContactValue.Web(page, ContactUses.Mairie)); // some mairies publish a contact form instead of an address
            }
            else if (!string.IsNullOrEmpty(value))
            {
                problems.Add($"{name} : « {value} » n'est ni une adresse e-mail ni une page de contact");
            }

            var (main, commune) = Parse(name);
            yield return new MairieRecord(line, name, main, null, department, commune, contacts, problems);
        }
    }

    public static IEnumerable<MairieRecord> ReadJson(JsonDocument document)
    {
        var root = document.RootElement;
        var records = root.ValueKind == JsonValueKind.Array ? root
            : RecordLists.Select(name => root.Child(name)).FirstOrDefault(r => r.ValueKind == JsonValueKind.Array);
        if (records.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException("Ce JSON n'a pas de liste de services (results, service ou records) : ce n'est pas un extrait de l'annuaire.");
        }

        var line = 0;
        foreach (var item in records.EnumerateArray())
        {
            line++;
            var record = item.Child("fields") is { ValueKind: JsonValueKind.Object } fields ? fields : item;
            if (!IsMairie(record))
            {
                continue;
            }

            yield return Map(line, record);
        }
    }

    private static MairieRecord Map(int line, JsonElement record)
    {
        var name = record.Text("nom") ?? "";
        var insee = Insee(record.Text("code_insee_commune") ?? record.Text("codeinsee"));
        var department = insee is null ? null : DepartmentCatalog.DepartmentOfCommune(insee);
        var (main, commune) = Parse(name);
        var label = commune is null ? name : $"Mairie {FrenchPlaces.OfCommune(commune)}";
        var problems = new List<string>();
        var contacts = new List<ContactValue>();

        foreach (var value in Values(record, "adresse_courriel", "mail"))
        {
            Add(ContactText.Email(value) is { } email ? ContactValue.Email(email, ContactUses.Mairie)
                : ContactText.Web(value) is { } page && value.Contains("://", StringComparison.Ordinal) ? ContactValue.Web(page, ContactUses.Mairie) : null,
                "e-mail", value);
        }

        foreach (var value in Values(record, "telephone", "tel"))
        {
            var phones = FrenchPhone.ParseAll(value, department, out var rejected);
            contacts.AddRange(phones.Select(p => ContactValue.Phone(p, ContactUses.Mairie)));
            if (phones.Count == 0 || rejected.Count > 0)
            {
                problems.Add($"{name} : téléphone « {value} » illisible");
            }
        }

        foreach (var value in Values(record, "site_internet", "site"))
        {
            Add(ContactText.Web(value) is { } page ? ContactValue.Web(page, ContactUses.Mairie) : null, "site", value);
        }

        if (Address(record, label) is { } postal)
        {
            contacts.Add(postal);
        }

        return new MairieRecord(line, name, main, insee, department, commune, contacts, problems);

        void Add(ContactValue? contact, string what, string value)
        {
            if (contact is null)
            {
                problems.Add($"{name} : {what} « {value} » illisible");
            }
            else
            {
                contacts.Add(contact);
            }
        }
    }

    private static ContactValue? Address(JsonElement record, string label)
    {
        // The API's addresses: the physical one (« Adresse ») first, else the postal one.
        var addresses = Nested(record.Child("adresse")).Where(a => a.ValueKind == JsonValueKind.Object).ToList();
        if (addresses.Count > 0)
        {
            var a = addresses.FirstOrDefault(x => x.Text("type_adresse") == "Adresse") is { ValueKind: JsonValueKind.Object } physical ? physical : addresses[0];
            return ContactValue.Postal(ContactUses.Mairie, label,
                [a.Text("complement1"), a.Text("complement2"), a.Text("numero_voie"), a.Text("service_distribution")],
                a.Text("code_postal"), a.Text("nom_commune"), Number(a.Text("latitude")), Number(a.Text("longitude")));
        }

        // Opendatasoft's: one text whose lines are separated by <br />, the last being the postal code and the town.
        if (record.Text("adresse") is not { } text)
        {
            return null;
        }

        var lines = LineBreak().Split(text).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var place = lines.Count > 0 ? PostalLine().Match(lines[^1]) : Match.Empty;
        var street = place.Success ? lines[..^1] : lines;
        return ContactValue.Postal(ContactUses.Mairie, label, street, place.Success ? place.Groups[1].Value : Insee(record.Text("codepost")),
            place.Success ? place.Groups[2].Value : null, Number(record.Text("lat")), Number(record.Text("lng")));
    }

    private static bool IsMairie(JsonElement record) =>
        string.Equals(record.Text("type_orga"), "Mairie", StringComparison.OrdinalIgnoreCase)
        || Nested(record.Child("pivot")).Any(p => p.ValueKind switch
        {
            JsonValueKind.Object => p.Text("type_service_local"),
            JsonValueKind.String => p.GetString(),
            _ => null,
        } == "mairie");

    /// <summary>The texts of a field that is a string, an array of strings or of {valeur} objects, or such an array written as JSON text.</summary>
    private static IEnumerable<string> Values(JsonElement record, params string[] names)
    {
        foreach (var name in names)
        {
            foreach (var item in Nested(record.Child(name)))
            {
                var text = item.ValueKind == JsonValueKind.Object ? item.Text("valeur") : item.ValueKind == JsonValueKind.String ? item.GetString()?.Trim() : null;
                if (!string.IsNullOrEmpty(text))
                {
                    yield return text;
                }
            }
        }
    }

    // The API's explore endpoints give nested fields as JSON text ("[{\"valeur\": …}]"); its exports give them as JSON.
    private static List<JsonElement> Nested(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.String && element.GetString()?.Trim() is { Length: > 0 } text && text[0] is '[' or '{')
        {
            try
            {
                using var parsed = JsonDocument.Parse(text);
                element = parsed.RootElement.Clone();
            }
            catch (JsonException)
            {
                return [];
            }
        }

        return element.ValueKind switch
        {
            JsonValueKind.Array => element.EnumerateArray().ToList(),
            JsonValueKind.Object or JsonValueKind.String => [element],
            _ => [],
        };
    }

    /// <summary>« Mairie - Montbouy » → the commune's own mairie, named Montbouy; déléguées and annexes are not.</summary>
    internal static (bool Main, string? Commune) Parse(string name)
    {
        var folded = SearchText.Fold(name);
        if (folded.Contains("deleguee", StringComparison.Ordinal) || folded.Contains("annexe", StringComparison.Ordinal)
            || folded.Contains("demarches", StringComparison.Ordinal))
        {
            return (false, null);
        }

        var match = MainName().Match(name);
        return (true, match.Success ? match.Groups[1].Value.Trim() : null);
    }

    private static string? Insee(string? code) => code switch
    {
        null => null,
        { Length: 4 } when code.All(char.IsAsciiDigit) => "0" + code, // a number in the Opendatasoft records: 1004 is 01004
        _ => code.ToUpperInvariant(),
    };

    private static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;

    [GeneratedRegex(@"^\s*Mairi[eé]\s*[-–]\s*(.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex MainName();

    [GeneratedRegex(@"<br\s*/?>|\r?\n", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"^(\d{5})\s+(.+)$")]
    private static partial Regex PostalLine();
}
