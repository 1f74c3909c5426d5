using CampaignDesk.Core.Officials;

namespace CampaignDesk.Core.Tests.Officials;

public class MandateNamesTests
{
    [TestCase("depute", "F", "38", "38-02", null, null, null, "Députée de la 2e circonscription de l'Isère", "2e circonscription de l'Isère")]
    [TestCase("senateur", "M", "59", null, null, null, null, "Sénateur du Nord", "Nord")]
    [TestCase("maire", "F", "38", null, "Saint-Martin-d'Hères", null, null, "Maire de Saint-Martin-d'Hères", "Saint-Martin-d'Hères")]
    [TestCase("conseiller_departemental", "F", "38", null, null, "Échirolles", null, "Conseillère départementale du canton d'Échirolles", "canton d'Échirolles")]
    [TestCase("conseiller_departemental", "M", "38", null, null, "Le Pont-de-Claix", null, "Conseiller départemental du canton du Pont-de-Claix", "canton du Pont-de-Claix")]
    [TestCase("conseiller_regional", "F", null, null, null, null, "84", "Conseillère régionale d'Auvergne-Rhône-Alpes", "Auvergne-Rhône-Alpes")]
    [TestCase("conseiller_regional", "M", null, null, null, null, "32", "Conseiller régional des Hauts-de-France", "Hauts-de-France")]
    [TestCase("maire", "M", "38", null, null, null, null, "Maire (Isère)", "Isère")]
    public void Of_NamesThePlace(string role, string sex, string? department, string? circonscription, string? commune, string? canton, string? region,
        string label, string place) =>
        Assert.That(MandateNames.Of(role, sex, department, circonscription, commune, canton, region), Is.EqualTo((label, place)));
}
