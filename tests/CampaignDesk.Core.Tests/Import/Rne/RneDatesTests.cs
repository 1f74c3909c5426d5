using CampaignDesk.Core.Import.Rne;

namespace CampaignDesk.Core.Tests.Import.Rne;

public class RneDatesTests
{
    private static readonly DateOnly Today = new(2026, 5, 1);

    [TestCase("25/11/1962", false, 1962, 11, 25)]
    [TestCase("18/6/2017", false, 2017, 6, 18)]
    [TestCase("6/9/1957", true, 1957, 9, 6)]
    [TestCase("2024-07-08", false, 2024, 7, 8)]
    [TestCase("1962-11-25 00:00:00+00", true, 1962, 11, 25)]
    [TestCase("2022-06-22T00:00:00Z", false, 2022, 6, 22)]
    [TestCase("08/07/24", false, 2024, 7, 8)]
    [TestCase("01/01/27", false, 2027, 1, 1)]
    [TestCase("01/01/28", false, 1928, 1, 1)]
    [TestCase("25/11/62", true, 1962, 11, 25)]
    [TestCase("01/01/26", true, 2026, 1, 1)]
    [TestCase("01/12/26", true, 1926, 12, 1)]
    public void TryParse_KnownShape_ReturnsDate(string text, bool isBirthDate, int year, int month, int day)
    {
        Assert.Multiple(() =>
        {
            Assert.That(RneDates.TryParse(text, isBirthDate, Today, out var value), Is.True);
            Assert.That(value, Is.EqualTo(new DateOnly(year, month, day)));
        });
    }

    [TestCase("31/02/1970")]
    [TestCase("00/01/1970")]
    [TestCase("2024-13-01")]
    [TestCase("25-11-1962")]
    [TestCase("1962/11/25")]
    [TestCase("hier")]
    [TestCase("01/01/0001")]
    public void TryParse_ImpossibleOrUnknown_ReturnsFalse(string text) =>
        Assert.That(RneDates.TryParse(text, false, Today, out _), Is.False);

    [Test]
    public void TryParse_Empty_ReturnsNoDate()
    {
        Assert.Multiple(() =>
        {
            Assert.That(RneDates.TryParse(null, true, Today, out var value), Is.True);
            Assert.That(value, Is.Null);
        });
    }
}
