using System.Text.Json;
using CampaignDesk.Core.Contacts;
using CampaignDesk.Core.Import.Contacts;
using CampaignDesk.TestSupport;

namespace CampaignDesk.Core.Tests.Import.Contacts;

/// <summary>
/// The administration's directory: the shipped e-mail extract (2021), the Opendatasoft records of its Paris extract
/// (2014, unchanged from shared/data) and a fixture written from the documented shape of its current API.
/// </summary>
public class MairieDirectoryTests
{
    public const string Csv = "contacts/mairies-emails-2021-03-02.csv";

    public static string Fixture(string name) => Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "contacts", name);

    [Test]
    public void ReadCsv_ShippedExtract_EveryRowWithItsEmailOrContactPage()
    {
        using var stream = File.OpenRead(DataFiles.ShippedFile(Csv));

        var records = MairieDirectory.ReadCsv(stream).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(records, Has.Count.EqualTo(36_010));
            Assert.That(records.Count(r => r.Contacts.Any(c => c.Kind == ContactKinds.Email)), Is.EqualTo(35_509), "35,524 with an @, 15 of them broken");
            Assert.That(records.Count(r => r.Contacts.Any(c => c.Kind == ContactKinds.Web)), Is.EqualTo(128), "contact pages in the e-mail column");
            Assert.That(records.Count(r => r.Contacts.Count == 0), Is.EqualTo(36_010 - 35_509 - 128), "« inconnu » and broken values");
            Assert.That(records.Count(r => !r.Main), Is.EqualTo(908), "mairies déléguées and annexes");
            Assert.That(records.First(), Is.EqualTo(records.First() with { Line = 2, DepartmentCode = "45", CommuneName = "Montbouy", Main = true }));
            Assert.That(records.Single(r => r.CommuneName == "Saint-Martin-d'Hères").Contacts.Single().Value, Is.EqualTo("contact-mairie@saintmartindheres.fr"));
            Assert.That(records.Where(r => r.Problems.Count > 0).SelectMany(r => r.Problems), Has.Some.Contains("« inconnu » n'est ni une adresse e-mail"));
        });
    }

    [Test]
    public void ReadJson_DocumentedApiShape_NestedFieldsAsTextOrJson()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Fixture("annuaire-mairies-api-2026-05-01.json")));

        var records = MairieDirectory.ReadJson(document).ToDictionary(r => r.Name);

        var smh = records["Mairie - Saint-Martin-d'Hères"];
        var montbouy = records["Mairie - Montbouy"];
        Assert.Multiple(() =>
        {
            Assert.That(records.Keys, Does.Not.Contain("Caisse primaire d'assurance maladie (CPAM) - Grenoble"), "mairies only");
            Assert.That(records["Mairie déléguée - Saint-Aignan-des-Gués"].Main, Is.False);
            Assert.That(smh.Insee, Is.EqualTo("38421"));
            Assert.That(smh.Contacts.Select(c => (c.Kind, c.Value)), Is.EquivalentTo(new[]
            {
                (ContactKinds.Email, "accueil@saint-martin-dheres.example"),
                (ContactKinds.Phone, "+33476000001"),
                (ContactKinds.Web, "https://www.saint-martin-dheres.example"),
                (ContactKinds.Postal, "Mairie de Saint-Martin-d'Hères\nHôtel de ville\n111 avenue Ambroise-Croizat\n38400 Saint-Martin-d'Hères"),
            }));
            Assert.That(smh.Contacts.Single(c => c.Kind == ContactKinds.Postal) is { Latitude: 45.1671, Longitude: 5.7664, PostalCode: "38400" });
            Assert.That(smh.Contacts.Select(c => c.Use), Is.All.EqualTo(ContactUses.Mairie));
            Assert.That(montbouy.Contacts.Single(c => c.Kind == ContactKinds.Postal).Value, Is.EqualTo("Mairie de Montbouy\n1 place de la Mairie\n45230 Montbouy"),
                "the physical address, not the post-office box");
            Assert.That(records["Mairie - Saint-Pierre"].Contacts.Where(c => c.Kind == ContactKinds.Phone).Select(c => c.Value),
                Is.EqualTo(new[] { "+262262000003", "+262692000004" }));
            Assert.That(records["Mairie - Nouméa"].Contacts.Single().Value, Is.EqualTo("+687273115"), "a six-digit number of Nouvelle-Calédonie");
            Assert.That(records["Mairie - Nouméa"].Problems, Is.EqualTo(new[] { "Mairie - Nouméa : e-mail « pas une adresse » illisible" }));
        });
    }

    [Test]
    public void ReadJson_OpendatasoftRecords_ParisArrondissements()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Fixture("mairies-paris-opendatasoft-2014.json")));

        var records = MairieDirectory.ReadJson(document).ToList();

        var fifth = records.Single(r => r.Insee == "75105");
        Assert.Multiple(() =>
        {
            Assert.That(records, Has.Count.EqualTo(10));
            Assert.That(fifth.Contacts.Single(c => c.Kind == ContactKinds.Phone).Value, Is.EqualTo("+33156817505"));
            Assert.That(fifth.Contacts.Single(c => c.Kind == ContactKinds.Postal).Value,
                Is.EqualTo("Mairie du 5e arrondissement de Paris\n21 place du Panthéon\n75231 PARIS CEDEX 05"));
            Assert.That(records.Single(r => r.Insee == "75119").Contacts.Where(c => c.Kind == ContactKinds.Web).Select(c => c.Value),
                Does.Contain("http://www.Mairie19.paris.fr"));
        });
    }

    [TestCase("Mairie - Montbouy", true, "Montbouy")]
    [TestCase("Mairie – Thue et Mue", true, "Thue et Mue")]
    [TestCase("Mairie déléguée - Bieuzy", false, null)]
    [TestCase("Mairié déléguée - Bieuzy", false, null)]
    [TestCase("Mairie Annexe - Sacy", false, null)]
    [TestCase("Mairie (démarches administratives) - Marignane", false, null)]
    [TestCase("Mairie du 5e arrondissement de Paris", true, null)]
    public void Parse_MainMairieAndItsCommune(string name, bool main, string? commune) =>
        Assert.That(MairieDirectory.Parse(name), Is.EqualTo((main, commune)));
}
