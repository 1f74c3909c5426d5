using System.Text.Json;
using CampaignDesk.Core.Contacts;
using CampaignDesk.Core.Import.Contacts;
using CampaignDesk.TestSupport;

namespace CampaignDesk.Core.Tests.Import.Contacts;

/// <summary>The Assemblée's acteur files as the project ships them: the 603 files of mid-November 2025, zipped as published.</summary>
public class ActeurReaderTests
{
    public const string Zip = "contacts/assemblee-acteurs-l17-2025-11-18.zip";

    private static List<Acteur> ReadAll()
    {
        using var stream = File.OpenRead(DataFiles.ShippedFile(Zip));
        var acteurs = new List<Acteur>();
        foreach (var (number, _, document, problem) in JsonEntries.Read(stream, "acteurs.zip"))
        {
            Assert.That(problem, Is.Null);
            using (document)
            {
                acteurs.Add(ActeurReader.Read(number, document!).Acteur!);
            }
        }

        return acteurs;
    }

    [Test]
    public void Read_ShippedZip_EveryFileIsAPersonAnd575Sit()
    {
        var acteurs = ReadAll();

        Assert.Multiple(() =>
        {
            Assert.That(acteurs, Has.Count.EqualTo(603));
            Assert.That(acteurs.Count(a => a.Sitting), Is.EqualTo(575));
            Assert.That(acteurs.Where(a => a.Sitting).Select(a => a.Member.DepartmentCode), Is.All.Not.Null);
            Assert.That(acteurs.Where(a => a.Sitting).Count(a => a.Contacts.Any(c => c.Kind == ContactKinds.Postal && c.Use == ContactUses.Office)),
                Is.EqualTo(575), "every sitting député has the Assemblée's address");
            Assert.That(acteurs.SelectMany(a => a.Contacts).Where(c => c.Kind == ContactKinds.Phone).Select(c => c.Value),
                Is.All.Match("^\\+[1-9][0-9]{7,14}$"), "E.164");
        });
    }

    [Test]
    public void Read_AlainDavid_AddressesByUse_PhoneOfThePermanence_SiteAndMail()
    {
        var david = ReadAll().Single(a => a.Member.SourceId == "PA1008");

        Assert.Multiple(() =>
        {
            Assert.That((david.Member.LastName, david.Member.FirstName, david.Member.Sex, david.Member.DepartmentCode, david.Member.CirconscriptionNumber),
                Is.EqualTo(("David", "Alain", (char?)'M', "33", (int?)4)));
            Assert.That(david.Contacts.Select(c => (c.Kind, c.Use, c.Value)), Is.EquivalentTo(new[]
            {
                (ContactKinds.Postal, ContactUses.Office, "Assemblée nationale\n126 Rue de l'Université\n75355 Paris 07 SP"),
                (ContactKinds.Postal, ContactUses.Circonscription, "Permanence\n7 Avenue Roger Schwob\n33150 Cenon"),
                (ContactKinds.Phone, ContactUses.Circonscription, "+33788440675"),
                (ContactKinds.Web, ContactUses.Office, "alain-david.com"),
                (ContactKinds.Email, ContactUses.Office, "Alain.David@assemblee-nationale.fr"),
            }));
            Assert.That(david.Problems, Is.Empty);
        });
    }

    [Test]
    public void Read_TwoNumbersInOneValue_AndNewCaledonia()
    {
        var acteurs = ReadAll();
        var fegne = acteurs.Single(a => a.Member.SourceId == "PA841665");
        var metzdorf = acteurs.Single(a => a.Member.SourceId == "PA795176");

        Assert.Multiple(() =>
        {
            Assert.That(fegne.Contacts.Where(c => c.Kind == ContactKinds.Phone).Select(c => (c.Use, c.Value)),
                Is.EqualTo(new[] { (ContactUses.Circonscription, "+33674009719"), (ContactUses.Circonscription, "+33562967439") }));
            Assert.That(fegne.Contacts.Count(c => c.Kind == ContactKinds.Email), Is.EqualTo(2), "the permanence's own address too");
            Assert.That(metzdorf.Member.DepartmentCode, Is.EqualTo("988"));
            Assert.That(metzdorf.Contacts.Single(c => c.Kind == ContactKinds.Phone).Value, Is.EqualTo("+687441973"));
        });
    }

    [Test]
    public void Read_OneChildAsAnObject_NilValues_AndNoName()
    {
        using var single = JsonDocument.Parse("""
            {"acteur": {"uid": "PA1", "etatCivil": {"ident": {"civ": "Mme", "prenom": "Anne", "nom": "Essai"}},
             "mandats": {"mandat": {"typeOrgane": "ASSEMBLEE", "dateFin": null, "election": {"lieu": {"numDepartement": "2A", "numCirco": "1"}}}},
             "adresses": {"adresse": {"@xsi:type": "AdresseTelephonique_Type", "typeLibelle": "Téléphone", "valElec": "standard",
                                      "adresseDeRattachement": {"@xsi:nil": "true"}}}}}
            """);
        using var nameless = JsonDocument.Parse("""{"acteur": {"uid": {"#text": "PA2"}, "adresses": {"@xsi:nil": "true"}}}""");

        var (anne, _) = ActeurReader.Read(1, single);
        var (none, why) = ActeurReader.Read(2, nameless);

        Assert.Multiple(() =>
        {
            Assert.That((anne!.Sitting, anne.Member.Sex, anne.Member.DepartmentCode, anne.Member.CirconscriptionNumber), Is.EqualTo((true, (char?)'F', "2A", (int?)1)));
            Assert.That(anne.Contacts, Is.Empty);
            Assert.That(anne.Problems, Is.EqualTo(new[] { "PA1 : téléphone « standard » illisible" }));
            Assert.That(none, Is.Null);
            Assert.That(why, Is.EqualTo("PA2 : fiche sans nom"));
        });
    }
}
