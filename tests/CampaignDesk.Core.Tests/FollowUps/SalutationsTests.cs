using CampaignDesk.Core.FollowUps;
using CampaignDesk.Core.Officials;

namespace CampaignDesk.Core.Tests.FollowUps;

public class SalutationsTests
{
    [TestCase(Roles.Depute, "F", "Madame la Députée")]
    [TestCase(Roles.Depute, "M", "Monsieur le Député")]
    [TestCase(Roles.Senateur, "F", "Madame la Sénatrice")]
    [TestCase(Roles.Senateur, "M", "Monsieur le Sénateur")]
    [TestCase(Roles.Maire, "F", "Madame la Maire")]
    [TestCase(Roles.Maire, "M", "Monsieur le Maire")]
    [TestCase(Roles.ConseillerDepartemental, "F", "Madame la Conseillère départementale")]
    [TestCase(Roles.ConseillerDepartemental, "M", "Monsieur le Conseiller départemental")]
    [TestCase(Roles.ConseillerRegional, "F", "Madame la Conseillère régionale")]
    [TestCase(Roles.ConseillerRegional, "M", "Monsieur le Conseiller régional")]
    [TestCase(Roles.ConseillerMunicipal, "F", "Madame la Conseillère municipale")]
    [TestCase(Roles.ConseillerMunicipal, "M", "Monsieur le Conseiller municipal")]
    [TestCase(Roles.ConseillerArrondissement, "F", "Madame la Conseillère d'arrondissement")]
    [TestCase(Roles.ConseillerArrondissement, "M", "Monsieur le Conseiller d'arrondissement")]
    [TestCase(Roles.DeputeEuropeen, "F", "Madame la Députée européenne")]
    [TestCase(Roles.DeputeEuropeen, "M", "Monsieur le Député européen")]
    [TestCase(Roles.Maire, " f ", "Madame la Maire")]
    [TestCase("prefet", "F", "Madame")]
    [TestCase("prefet", "M", "Monsieur")]
    public void For_RoleAndSex_IsTheProtocolForm(string role, string sex, string expected) =>
        Assert.That(Salutations.For(role, sex), Is.EqualTo(expected));

    [Test]
    public void For_UnknownSex_IsMadameMonsieurForEveryRole([ValueSource(typeof(Roles), nameof(Roles.All))] string role,
        [Values(null, "", "X")] string? sex) =>
        Assert.That(Salutations.For(role, sex), Is.EqualTo("Madame, Monsieur"));

    [Test]
    public void For_EveryRole_HasATitle([ValueSource(typeof(Roles), nameof(Roles.All))] string role) =>
        Assert.That(Salutations.For(role, "F"), Does.StartWith("Madame la "));

    [TestCase(Roles.Maire, "F", "À l'attention de Madame la Maire")]
    [TestCase(Roles.Maire, "M", "À l'attention de Monsieur le Maire")]
    [TestCase(Roles.Maire, null, "À l'attention de Madame ou Monsieur le Maire")]
    [TestCase(Roles.Depute, null, "À l'attention de Madame la Députée ou de Monsieur le Député")]
    [TestCase("prefet", "F", "À l'attention de Madame")]
    public void Attention_ALetterToTheOffice_NamesWhoItIsFor(string role, string? sex, string expected) =>
        Assert.That(Salutations.Attention(role, sex), Is.EqualTo(expected));

    [TestCase(1, "1re circonscription")]
    [TestCase(5, "5e circonscription")]
    [TestCase(21, "21e circonscription")]
    public void Circonscription_Number_IsAFrenchOrdinal(int number, string expected) =>
        Assert.That(Salutations.Circonscription(number), Is.EqualTo(expected));
}
