using CampaignDesk.Core.Import.Rne;

namespace CampaignDesk.Core.Tests.Import.Rne;

public class RneHeaderTests
{
    [TestCase("Nom de l'élu", "nom elu")]
    [TestCase("NOM DE L’ELU", "nom elu")]
    [TestCase("nom_elu", "nom elu")]
    [TestCase("\uFEFFCode de la collectivité à statut particulier", "code collectivite statut particulier")]
    [TestCase("Code de la cir.législative", "code cir legislative")]
    public void Fold_HeaderVariants_ReadAlike(string header, string expected) =>
        Assert.That(RneHeader.Fold(header), Is.EqualTo(expected));

    [Test]
    public void Parse_DuplicateColumn_KeepsTheFirst()
    {
        var header = RneHeader.Parse(["Nom de l'élu", "Prénom de l'élu", "nom_elu"]);

        Assert.That(header.Get(["A", "B", "C"], RneField.LastName), Is.EqualTo("A"));
    }
}
