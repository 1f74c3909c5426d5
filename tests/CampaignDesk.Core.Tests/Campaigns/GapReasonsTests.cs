using CampaignDesk.Core.Campaigns;

namespace CampaignDesk.Core.Tests.Campaigns;

public class GapReasonsTests
{
    [Test]
    public void Of_NeverContactedDeputee_SaysEachCriterionInTheRankingsOrder()
    {
        var gap = new Gap(1, "CHATELAIN", "Cyrielle", "depute", "38", "Écologiste et Social", false, null, "unknown", true, "F", "Députée");

        Assert.That(gap.Reason, Is.EqualTo("Jamais contactée ; position inconnue ; dans le département d'une structure participante ; "
            + "députée : les députés passent en premier."));
    }

    [Test]
    public void Of_ContactedMayorElsewhereWithAStance_SaysWhyLower()
    {
        var gap = new Gap(2, "MARTIN", "Paul", "maire", "75", null, true, DateTime.UtcNow, "neutral", false, "M", "Maire");

        Assert.That(gap.Reason, Is.EqualTo("Contacté sans avoir été joint ; position connue (neutre) ; hors des départements des structures participantes ; "
            + "maire : après les députés et les sénateurs."));
    }
}
