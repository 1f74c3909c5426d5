using CampaignDesk.Core.FollowUps;

namespace CampaignDesk.Core.Tests.FollowUps;

public class FrenchHolidaysTests
{
    // Easter Sunday of known years: the package's Lundi de Pâques is the day after.
    [TestCase(2024, 3, 31)]
    [TestCase(2025, 4, 20)]
    [TestCase(2026, 4, 5)]
    [TestCase(2027, 3, 28)]
    [TestCase(2038, 4, 25)]
    [TestCase(2019, 4, 21)]
    public void NameOf_DayAfterEasterOfKnownYears_IsEasterMonday(int year, int month, int day) =>
        Assert.That(FrenchHolidays.NameOf(new DateOnly(year, month, day).AddDays(1), "75"), Is.EqualTo("Lundi de Pâques"));

    [Test]
    public void NameOf_EasterMonday2026_IsSixthOfApril() =>
        Assert.That(FrenchHolidays.NameOf(new DateOnly(2026, 4, 6), "75"), Is.EqualTo("Lundi de Pâques"));

    [Test]
    public void Of_2026_ListsElevenNationalDaysInOrder()
    {
        var days = FrenchHolidays.Of(2026, "38");

        Assert.That(days.Select(d => d.Day), Is.EqualTo(new[]
        {
            new DateOnly(2026, 1, 1), new DateOnly(2026, 4, 6), new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 8),
            new DateOnly(2026, 5, 14), new DateOnly(2026, 5, 25), new DateOnly(2026, 7, 14), new DateOnly(2026, 8, 15),
            new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 11), new DateOnly(2026, 12, 25),
        }));
        Assert.That(days.Select(d => d.Name), Does.Contain("Ascension").And.Contain("Lundi de Pentecôte").And.Contain("Fête nationale"));
    }

    [TestCase(null)]
    [TestCase("75")]
    [TestCase("57")]
    public void IsHoliday_EighthOfMay2026_IsClosedEverywhere(string? department) =>
        Assert.That(FrenchHolidays.IsHoliday(new DateOnly(2026, 5, 8), department), Is.True);

    [TestCase("57", true)]
    [TestCase("67", true)]
    [TestCase("68", true)]
    [TestCase(" 67 ", true)]
    [TestCase("75", false)]
    [TestCase("38", false)]
    [TestCase(null, false)]
    public void IsHoliday_GoodFriday2026_OnlyInAlsaceMoselle(string? department, bool closed) =>
        Assert.That(FrenchHolidays.IsHoliday(new DateOnly(2026, 4, 3), department), Is.EqualTo(closed));

    [TestCase("57", true)]
    [TestCase("75", false)]
    public void IsHoliday_SaintStephensDay_OnlyInAlsaceMoselle(string department, bool closed) =>
        Assert.That(FrenchHolidays.IsHoliday(new DateOnly(2026, 12, 26), department), Is.EqualTo(closed));

    [Test]
    public void Of_AlsaceMoselle_AddsTwoNamedDays() =>
        Assert.That(FrenchHolidays.Of(2026, "68").Except(FrenchHolidays.Of(2026, "75")), Is.EqualTo(new[]
        {
            (new DateOnly(2026, 4, 3), "Vendredi saint"), (new DateOnly(2026, 12, 26), "Saint-Étienne"),
        }));

    [Test]
    public void IsHoliday_OrdinaryTuesday_IsFalse() =>
        Assert.That(FrenchHolidays.IsHoliday(new DateOnly(2026, 4, 7), "67"), Is.False);

    [Test]
    public void Of_2026_KeepsTheProjectsFrenchNames() =>
        Assert.That(FrenchHolidays.Of(2026, "75").Select(d => d.Name), Is.EqualTo(new[]
        {
            "Jour de l'an", "Lundi de Pâques", "Fête du Travail", "Victoire 1945", "Ascension", "Lundi de Pentecôte",
            "Fête nationale", "Assomption", "Toussaint", "Armistice 1918", "Noël",
        }));

    [TestCase("971", true)]
    [TestCase("972", true)]
    [TestCase("973", false)]
    [TestCase("974", false)]
    [TestCase("976", false)]
    public void IsHoliday_VictorSchoelcherDay_InGuadeloupeAndMartinique(string department, bool closed) =>
        Assert.That(FrenchHolidays.IsHoliday(new DateOnly(2026, 7, 21), department), Is.EqualTo(closed));
}
