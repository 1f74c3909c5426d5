using CampaignDesk.Core.FollowUps;

namespace CampaignDesk.Core.Tests.FollowUps;

public class WorkingDaysTests
{
    [Test]
    public void Add_AcrossMayDay_SkipsTheHolidayAndTheWeekend() =>
        Assert.That(WorkingDays.Add(new DateOnly(2026, 4, 30), 1, "38"), Is.EqualTo(new DateOnly(2026, 5, 4)));

    [Test]
    public void Add_AcrossEighthOfMay_SkipsIt() =>
        Assert.That(WorkingDays.Add(new DateOnly(2026, 5, 6), 2, null), Is.EqualTo(new DateOnly(2026, 5, 11)));

    [TestCase("75", 2026, 4, 3)]
    [TestCase("67", 2026, 4, 7)]
    public void Add_FromThursdayBeforeEaster_DependsOnTheDepartment(string department, int year, int month, int day) =>
        Assert.That(WorkingDays.Add(new DateOnly(2026, 4, 2), 1, department), Is.EqualTo(new DateOnly(year, month, day)));

    [Test]
    public void Add_FiveFromAMonday_IsTheNextMonday() =>
        Assert.That(WorkingDays.Add(new DateOnly(2026, 3, 2), 5, "75"), Is.EqualTo(new DateOnly(2026, 3, 9)));

    [Test]
    public void Add_FromASaturday_CountsFromTheNextWorkingDay() =>
        Assert.That(WorkingDays.Add(new DateOnly(2026, 3, 7), 1, "75"), Is.EqualTo(new DateOnly(2026, 3, 9)));

    [Test]
    public void Add_Zero_IsTheSameDay() =>
        Assert.That(WorkingDays.Add(new DateOnly(2026, 3, 7), 0, "75"), Is.EqualTo(new DateOnly(2026, 3, 7)));

    [Test]
    public void Add_Negative_Throws() =>
        Assert.That(() => WorkingDays.Add(new DateOnly(2026, 3, 2), -1, "75"), Throws.InstanceOf<ArgumentOutOfRangeException>());
}
