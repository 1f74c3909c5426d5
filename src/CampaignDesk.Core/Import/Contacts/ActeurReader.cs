using System.Globalization;
using System.Text.Json;
using CampaignDesk.Core.Contacts;
using CampaignDesk.Core.Import.Parliament;
using CampaignDesk.Core.Text;

namespace CampaignDesk.Core.Import.Contacts;

/// <summary>
/// The Assemblée nationale's « acteur » files (open data AMO10/AMO30, one JSON per person, as published in zips):
/// <c>acteur.uid</c>, <c>etatCivil.ident</c>, <c>mandats.mandat[]</c> (the current <c>ASSEMBLEE</c> one gives the
/// département and circonscription) and <c>adresses.adresse[]</c>: postal addresses by type (« Adresse officielle »,
/// « Adresse publiée de circonscription »), telephones attached to one of them, e-mails and the web site. Social
/// networks and fax numbers are left out. The files keep XML's shapes: one child is an object, several an array, an
/// empty value an <c>@xsi:nil</c> object.
/// </summary>
internal static class ActeurReader
{
    /// <summary>True when the document is an acteur file (its root is <c>{"acteur": …}</c>).</summary>
    public static bool IsActeur(JsonDocument document) =>
        document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("acteur", out _);

    /// <summary>The person, or null with the reason when the file has no id or no name.</summary>
    /// <param name="entry">The file's 1-based place in the archive (1 for a single file): its « line » in the report.</param>
    public static (Acteur? Acteur, string? Problem) Read(int entry, JsonDocument document)
    {
        var acteur = document.RootElement.Child("acteur");
        var uid = acteur.Child("uid") is { ValueKind: JsonValueKind.Object } wrapped ? wrapped.Text("#text") : acteur.Text("uid");
        var ident = acteur.Child("etatCivil").Child("ident");
        var (lastName, firstName) = (ident.Text("nom"), ident.Text("prenom"));
        if (uid is null || lastName is null)
        {
            return (null, uid is null ? "fiche sans identifiant (acteur.uid)" : $"{uid} : fiche sans nom");
        }

        var mandate = Items(acteur.Child("mandats").Child("mandat"))
            .FirstOrDefault(m => m.Text("typeOrgane") == "ASSEMBLEE" && m.Text("dateFin") is null);
        var sitting = mandate.ValueKind == JsonValueKind.Object;
        var place = mandate.Child("election").Child("lieu");
        var department = DepartmentCodes.Normalize(place.Text("numDepartement")) ?? DepartmentCodes.FromName(place.Text("departement"));
        int? circonscription = int.TryParse(place.Text("numCirco"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        DateOnly? birth = DateOnly.TryParseExact(acteur.Child("etatCivil").Child("infoNaissance").Text("dateNais"), "yyyy-MM-dd",
            CultureInfo.InvariantCulture, DateTimeStyles.None, out var born) ? born : null;
        var member = new ParliamentMember(entry, ParliamentSource.Assemblee, ParliamentMember.Depute, uid, lastName, firstName ?? "",
            RowBuilder.Sex(ident.Text("civ")), birth, department, circonscription, GroupCode: null, GroupLabel: null, Email: null, Active: sitting);

        var problems = new List<string>();
        var contacts = Contacts(uid, Items(acteur.Child("adresses").Child("adresse")).ToList(), department, problems);
        return (new Acteur(entry, member, sitting, contacts, problems), null);
    }

    private static List<ContactValue> Contacts(string uid, List<JsonElement> addresses, string? department, List<string> problems)
    {
        // Telephones name the postal address they belong to (adresseDeRattachement): the permanence's, or the Assemblée's.
        var uses = new Dictionary<string, string>(StringComparer.Ordinal);
        var contacts = new List<ContactValue>();
        foreach (var address in addresses.Where(a => a.Text("@xsi:type") == "AdressePostale_Type"))
        {
            var use = SearchText.Fold(address.Text("typeLibelle")).Contains("circonscription", StringComparison.Ordinal)
                ? ContactUses.Circonscription : ContactUses.Office;
            if (address.Text("uid") is { } id)
            {
                uses[id] = use;
            }

            var street = string.Join(' ', new[] { address.Text("numeroRue"), address.Text("nomRue") }.OfType<string>());
            if (ContactValue.Postal(use, address.Text("intitule"), [street, address.Text("complementAdresse")], address.Text("codePostal"),
                address.Text("ville")) is { } postal)
            {
                contacts.Add(postal);
            }
        }

        foreach (var address in addresses)
        {
            var (type, label, value) = (address.Text("@xsi:type"), SearchText.Fold(address.Text("typeLibelle")), address.Text("valElec"));
            if (value is null)
            {
                continue;
            }

            switch (type)
            {
                case "AdresseTelephonique_Type" when label.StartsWith("telephone", StringComparison.Ordinal):
                    var use = address.Text("adresseDeRattachement") is { } parent && uses.TryGetValue(parent, out var u) ? u : ContactUses.Office;
                    var phones = FrenchPhone.ParseAll(value, department, out var rejected);
                    contacts.AddRange(phones.Select(p => ContactValue.Phone(p, use)));
                    if (phones.Count == 0 || rejected.Count > 0)
                    {
                        problems.Add($"{uid} : téléphone « {value} » illisible");
                    }

                    break;
                case "AdresseMail_Type":
                    Add(ContactText.Email(value) is { } email ? ContactValue.Email(email, ContactUses.Office) : null, "e-mail", value);
                    break;
                case "AdresseSiteWeb_Type" when label == "site internet":
                    Add(ContactText.Web(value) is { } site ? ContactValue.Web(site, ContactUses.Office) : null, "site", value);
                    break;
            }
        }

        return contacts;

        void Add(ContactValue? contact, string what, string value)
        {
            if (contact is null)
            {
                problems.Add($"{uid} : {what} « {value} » illisible");
            }
            else
            {
                contacts.Add(contact);
            }
        }
    }

    // One child is an object, several an array, none null or an @xsi:nil object.
    private static IEnumerable<JsonElement> Items(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => element.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object),
        JsonValueKind.Object when !element.TryGetProperty("@xsi:nil", out _) => [element],
        _ => [],
    };
}
