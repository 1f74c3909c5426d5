using CampaignDesk.Core.Common;

namespace CampaignDesk.Core.Tests.FollowUps;

public class FrenchDatesTests
{
    [TestCase(2026, 4, 30, "30 avril 2026")]
    [TestCase(2026, 5, 1, "1er mai 2026")]
    [TestCase(2026, 2, 2, "2 février 2026")]
    [TestCase(2026, 8, 15, "15 août 2026")]
    [TestCase(2026, 12, 31, "31 décembre 2026")]
    public void LongForm_Date_IsWrittenTheFrenchWay(int year, int month, int day, string expected) =>
        Assert.That(FrenchDates.LongForm(new DateOnly(year, month, day)), Is.EqualTo(expected));
}
