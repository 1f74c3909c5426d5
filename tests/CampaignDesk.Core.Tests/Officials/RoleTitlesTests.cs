using CampaignDesk.Core.Officials;

namespace CampaignDesk.Core.Tests.Officials;

public class RoleTitlesTests
{
    [TestCase(Roles.Depute, "F", "Députée")]
    [TestCase(Roles.Senateur, "F", "Sénatrice")]
    [TestCase(Roles.Senateur, "M", "Sénateur")]
    [TestCase(Roles.Maire, "F", "Maire")]
    [TestCase(Roles.ConseillerDepartemental, "f", "Conseillère départementale")]
    [TestCase(Roles.ConseillerRegional, null, "Conseiller régional")]
    [TestCase("unknown_role", "F", "unknown_role")]
    public void Of_AgreesTheTitleWithTheSex(string role, string? sex, string expected) => Assert.That(RoleTitles.Of(role, sex), Is.EqualTo(expected));

    [TestCase(Roles.Depute, "Député·e")]
    [TestCase(Roles.Senateur, "Sénateur·rice")]
    [TestCase(Roles.Maire, "Maire")]
    public void Collective_NamesBothSexes(string role, string expected) => Assert.That(RoleTitles.Collective(role), Is.EqualTo(expected));
}
