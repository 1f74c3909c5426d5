using CampaignDesk.Core.FollowUps;

namespace CampaignDesk.Core.Tests.FollowUps;

public class TemplateDatesTests
{
    [TestCase("avant le 30 avril 2026", 2026, 4, 30)]
    [TestCase("Le 1er Mai 2026, nous", 2026, 5, 1)]
    [TestCase("depuis le 3 fevrier 2026", 2026, 2, 3)]
    [TestCase("échéance : 30/04/2026.", 2026, 4, 30)]
    public void Cited_FindsAFrenchDateWithItsYear(string text, int year, int month, int day) =>
        Assert.That(TemplateDates.Cited(text), Is.EqualTo(new[] { new DateOnly(year, month, day) }));

    [TestCase("avant le 30 avril")]
    [TestCase("le 31 février 2026")]
    [TestCase("en 2026, 30 jours")]
    [TestCase("réf. 12/34/2026")]
    public void Cited_IgnoresWhatIsNoDate(string text) => Assert.That(TemplateDates.Cited(text), Is.Empty);

    [Test]
    public void PastDates_WarnOncePerPastDate_InFrench()
    {
        var warnings = TemplateDates.PastDates("Avant le 30 avril 2026", "le 30/04/2026, puis le 1er janvier 2099", new DateOnly(2026, 12, 7));

        Assert.That(warnings.Select(w => (w.Code, w.Message)), Is.EqualTo(new[]
        {
            ("template_date_passed", "Le texte cite le 30 avril 2026, une date déjà passée : vérifiez qu'elle est toujours juste."),
        }));
    }
}
