using CampaignDesk.Core.FollowUps;
using CampaignDesk.Core.Officials;

namespace CampaignDesk.Core.Tests.FollowUps;

public class MandateLabelTests
{
    [TestCase(Roles.Depute, "F", 5, "Isère", 5, "Députée de la 5e circonscription de l'Isère")]
    [TestCase(Roles.Depute, "M", 1, "Nord", 2, "Député de la 1re circonscription du Nord")]
    [TestCase(Roles.Depute, null, null, "Landes", 4, "Député des Landes")]
    [TestCase(Roles.Senateur, "F", null, "Paris", 0, "Sénatrice de Paris")]
    [TestCase(Roles.Senateur, "M", null, "Eure-et-Loir", 1, "Sénateur d'Eure-et-Loir")]
    [TestCase(Roles.Senateur, "M", null, "Nord", 2, "Sénateur du Nord")]
    [TestCase(Roles.ConseillerDepartemental, "F", null, "Gironde", 3, "Conseillère départementale de la Gironde")]
    [TestCase(Roles.ConseillerDepartemental, "M", null, "Bouches-du-Rhône", 4, "Conseiller départemental des Bouches-du-Rhône")]
    [TestCase(Roles.ConseillerDepartemental, "F", null, "Essonne", 5, "Conseillère départementale de l'Essonne")]
    public void MandateLabel_DepartmentRoles_NameTheDepartment(string role, string? sex, int? number, string name, int tncc, string expected) =>
        Assert.That(Salutations.MandateLabel(role, sex, number, name, tncc), Is.EqualTo(expected));

    [TestCase(Roles.Maire, "F", "Saint-Martin-d'Hères", "Maire de Saint-Martin-d'Hères")]
    [TestCase(Roles.Maire, "M", "Le Havre", "Maire du Havre")]
    [TestCase(Roles.ConseillerMunicipal, "F", "Les Abymes", "Conseillère municipale des Abymes")]
    [TestCase(Roles.ConseillerMunicipal, "M", "Annecy", "Conseiller municipal d'Annecy")]
    [TestCase(Roles.ConseillerArrondissement, "F", "Marseille 5e Arrondissement", "Conseillère d'arrondissement de Marseille 5e Arrondissement")]
    public void MandateLabel_CommuneRoles_NameTheCommune(string role, string sex, string commune, string expected) =>
        Assert.That(Salutations.MandateLabel(role, sex, communeName: commune), Is.EqualTo(expected));

    [TestCase(Roles.ConseillerRegional, "F", "Conseillère régionale")]
    [TestCase(Roles.DeputeEuropeen, "F", "Députée européenne")]
    [TestCase(Roles.DeputeEuropeen, "M", "Député européen")]
    public void MandateLabel_RolesWithoutAPlace_AreTheTitle(string role, string sex, string expected) =>
        Assert.That(Salutations.MandateLabel(role, sex), Is.EqualTo(expected));

    [Test]
    public void MandateLabel_MayorWithoutCommune_IsNull() =>
        Assert.That(Salutations.MandateLabel(Roles.Maire, "F", departmentName: "Isère", departmentTncc: 5), Is.Null);

    [Test]
    public void MandateLabel_DepartmentWithoutTncc_IsNull() =>
        Assert.That(Salutations.MandateLabel(Roles.Senateur, "F", departmentName: "Isère"), Is.Null);

    [Test]
    public void MandateLabel_UnknownRole_IsNull() =>
        Assert.That(Salutations.MandateLabel("prefet", "F", departmentName: "Isère", departmentTncc: 5), Is.Null);
}
