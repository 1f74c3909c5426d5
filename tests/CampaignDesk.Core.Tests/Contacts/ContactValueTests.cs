using CampaignDesk.Core.Contacts;

namespace CampaignDesk.Core.Tests.Contacts;

public class ContactValueTests
{
    [Test]
    public void Postal_TheAssembleesParts_FormatAsALetterCarriesThem()
    {
        // As the acteur files write the Assemblée's address: parts ending with the comma of a one-line layout.
        var postal = ContactValue.Postal(ContactUses.Office, "Assemblée nationale,", ["126 Rue de l'Université,", null], "75355", "Paris 07 SP")!;

        Assert.Multiple(() =>
        {
            Assert.That(postal.Value, Is.EqualTo("Assemblée nationale\n126 Rue de l'Université\n75355 Paris 07 SP"));
            Assert.That((postal.Label, postal.Street, postal.PostalCode, postal.City),
                Is.EqualTo(("Assemblée nationale", "126 Rue de l'Université", "75355", "Paris 07 SP")));
            Assert.That(ContactLinks.Display(postal.Kind, postal.Value), Is.EqualTo("Assemblée nationale, 126 Rue de l'Université, 75355 Paris 07 SP"));
            Assert.That(ContactLinks.Href(postal.Kind, postal.Value, postal.Street, postal.PostalCode, postal.City),
                Is.EqualTo("https://www.openstreetmap.org/search?query=126%20Rue%20de%20l%27Universit%C3%A9%2C%2075355%20Paris%2007%20SP"));
        });
    }

    [Test]
    public void Postal_NeitherStreetNorTown_IsNone() =>
        Assert.That(ContactValue.Postal(ContactUses.Office, "Permanence", [null, " "], "33150", null), Is.Null);

    [Test]
    public void Href_PostalWithCoordinates_PointsTheMapThere() =>
        Assert.That(ContactLinks.Href(ContactKinds.Postal, "Mairie\n1 place\n45230 Montbouy", latitude: 47.872, longitude: 2.821),
            Is.EqualTo("https://www.openstreetmap.org/?mlat=47.872&mlon=2.821#map=18/47.872/2.821"));

    [TestCase(ContactKinds.Phone, "+33788440675", "07 88 44 06 75", "tel:+33788440675")]
    [TestCase(ContactKinds.Email, "Alain.David@assemblee-nationale.fr", "Alain.David@assemblee-nationale.fr", "mailto:Alain.David@assemblee-nationale.fr")]
    [TestCase(ContactKinds.Web, "alain-david.com", "alain-david.com", "https://alain-david.com")]
    [TestCase(ContactKinds.Web, "http://www.nicolas-turquois.fr/", "www.nicolas-turquois.fr", "http://www.nicolas-turquois.fr/")]
    public void DisplayAndHref_ByKind(string kind, string value, string display, string href)
    {
        Assert.That(ContactLinks.Display(kind, value), Is.EqualTo(display));
        Assert.That(ContactLinks.Href(kind, value), Is.EqualTo(href));
    }

    [TestCase(" Alain.David@Assemblee-Nationale.FR ", "Alain.David@assemblee-nationale.fr")]
    [TestCase("mailto:mairie@example.org", "mairie@example.org")]
    [TestCase("inconnu", null)]
    [TestCase("a@b", null)]
    [TestCase("two@at@example.org", null)]
    [TestCase("accueils@.fr", null)]
    [TestCase("mairie@orange", null)]
    [TestCase("lacombemairie@orange.fr.", "lacombemairie@orange.fr")]
    [TestCase("http://www.mairie-dry.fr/fr/nous-contacter", null)]
    public void Email_AsPublished(string raw, string? expected) => Assert.That(ContactText.Email(raw), Is.EqualTo(expected));

    [TestCase("www.beatricepiron.fr", "www.beatricepiron.fr")]
    [TestCase("https://www.ville-richelieu.fr/nous-contacter/", "https://www.ville-richelieu.fr/nous-contacter/")]
    [TestCase("javascript:alert(1)", null)]
    [TestCase("ftp://example.org", null)]
    [TestCase("cyrielle_chatelain", null)]
    [TestCase("mairie@example.org", null)]
    public void Web_AsPublished(string raw, string? expected) => Assert.That(ContactText.Web(raw), Is.EqualTo(expected));
}
