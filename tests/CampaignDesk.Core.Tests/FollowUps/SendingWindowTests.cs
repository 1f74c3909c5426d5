using CampaignDesk.Core.FollowUps;

namespace CampaignDesk.Core.Tests.FollowUps;

/// <summary>Instants are written in UTC; the comments give Paris time (UTC+1 in winter, UTC+2 in summer).</summary>
public class SendingWindowTests
{
    private readonly SendingWindow _window = new();

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Test]
    public void NextOpening_FridayOneMinuteBeforeClosing_IsNow()
    {
        var now = Utc(1, 16, 16, 59); // Friday 17:59

        Assert.That(_window.NextOpening(now, "75"), Is.EqualTo(now));
        Assert.That(_window.IsOpen(now, "75"), Is.True);
    }

    [TestCase(1, 16, 17, 1, 19, 8, TestName = "NextOpening_FridayClosingInWinter_IsMondayNineParis")]
    [TestCase(7, 3, 16, 7, 6, 7, TestName = "NextOpening_FridayClosingInSummer_IsMondayNineParis")]
    [TestCase(1, 17, 11, 1, 19, 8, TestName = "NextOpening_Saturday_IsMonday")]
    [TestCase(1, 19, 6, 1, 19, 8, TestName = "NextOpening_MondayBeforeNine_IsThatMorning")]
    [TestCase(4, 5, 18, 4, 7, 7, TestName = "NextOpening_EveningBeforeEasterMonday_IsTuesday")]
    [TestCase(5, 7, 16, 5, 11, 7, TestName = "NextOpening_EveBeforeEighthOfMay_IsMonday")]
    [TestCase(3, 27, 17, 3, 30, 7, TestName = "NextOpening_FridayBeforeClocksGoForward_IsMondayInSummerTime")]
    [TestCase(3, 29, 1, 3, 30, 7, TestName = "NextOpening_DuringTheSpringGap_IsMonday")]
    [TestCase(10, 23, 16, 10, 26, 8, TestName = "NextOpening_FridayBeforeClocksGoBack_IsMondayInWinterTime")]
    [TestCase(10, 25, 0, 10, 26, 8, TestName = "NextOpening_DuringTheRepeatedHour_IsMonday")]
    public void NextOpening_WhenClosed_IsTheNextWindowStart(int month, int day, int hour, int openMonth, int openDay, int openHour)
    {
        var now = Utc(month, day, hour);

        Assert.That(_window.NextOpening(now, "75"), Is.EqualTo(Utc(openMonth, openDay, openHour)));
        Assert.That(_window.IsOpen(now, "75"), Is.False);
    }

    [TestCase("67", 4, 7)]
    [TestCase("57", 4, 7)]
    [TestCase("75", 4, 3)]
    public void NextOpening_ThursdayEveningBeforeGoodFriday_DependsOnTheDepartment(string department, int month, int day) =>
        Assert.That(_window.NextOpening(Utc(4, 2, 17), department), Is.EqualTo(Utc(month, day, 7)));

    [Test]
    public void NextOpening_OtherOffset_ComparesTheInstant()
    {
        var now = new DateTimeOffset(2026, 1, 16, 12, 0, 0, TimeSpan.FromHours(-5)); // 18:00 Paris

        Assert.That(_window.NextOpening(now, null), Is.EqualTo(Utc(1, 19, 8)));
    }

    [Test]
    public void NextOpening_StartInTheSpringGap_OpensAsIfAnHourLater()
    {
        var night = new SendingWindow { Days = [DayOfWeek.Sunday], Start = new TimeOnly(2, 30), End = new TimeOnly(5, 0) };

        Assert.That(night.NextOpening(Utc(3, 28, 12), null), Is.EqualTo(Utc(3, 29, 1, 30))); // 03:30 summer time
    }

    [Test]
    public void NextOpening_StartInTheRepeatedHour_OpensAtItsFirstOccurrence()
    {
        var night = new SendingWindow { Days = [DayOfWeek.Sunday], Start = new TimeOnly(2, 30), End = new TimeOnly(5, 0) };

        Assert.That(night.NextOpening(Utc(10, 24, 12), null), Is.EqualTo(Utc(10, 25, 0, 30))); // 02:30 summer time
    }

    [Test]
    public void NextOpening_SaturdayConfigured_OpensOnSaturday()
    {
        var window = new SendingWindow { Days = [DayOfWeek.Saturday], Start = new TimeOnly(10, 0), End = new TimeOnly(12, 0) };

        Assert.That(window.NextOpening(Utc(1, 16, 10), null), Is.EqualTo(Utc(1, 17, 9)));
    }

    [Test]
    public void NextOpening_EasterMondayWithHolidaysIgnored_IsThatMorning()
    {
        var window = new SendingWindow { RespectHolidays = false };

        Assert.That(window.NextOpening(Utc(4, 5, 18), "75"), Is.EqualTo(Utc(4, 6, 7))); // Easter Monday, 09:00
        Assert.That(window.IsOpen(Utc(5, 1, 10), "67"), Is.True, "1 May, a Friday");
    }

    [Test]
    public void IsOpen_EveryDayAllDayWithoutHolidays_IsOpenAtAnyInstantOfTheYear()
    {
        var always = new SendingWindow { Days = Enum.GetValues<DayOfWeek>(), Start = TimeOnly.MinValue, End = TimeOnly.MaxValue, RespectHolidays = false };

        // Every 67 minutes through 2026 meets every hour of every weekday, holidays, both clock changes and 23:59.
        var closed = Enumerable.Range(0, 365 * 24 * 60 / 67).Select(i => Utc(1, 1, 0).AddMinutes(67 * i).AddSeconds(i % 60))
            .Append(Utc(5, 1, 21, 59).AddSeconds(59.5))
            .Where(instant => !always.IsOpen(instant, "67"));

        Assert.That(closed, Is.Empty);
    }

    [TestCase(1, 16, 23, 30, 1, 17, TestName = "WindowKey_WinterNearMidnight_IsTheParisDate")]
    [TestCase(7, 3, 22, 30, 7, 4, TestName = "WindowKey_SummerNearMidnight_IsTheParisDate")]
    [TestCase(7, 3, 21, 59, 7, 3, TestName = "WindowKey_SummerBeforeParisMidnight_IsThatDate")]
    public void WindowKey_Instant_IsItsParisDate(int month, int day, int hour, int minute, int keyMonth, int keyDay) =>
        Assert.That(SendingWindow.WindowKey(Utc(month, day, hour, minute)), Is.EqualTo(new DateOnly(2026, keyMonth, keyDay)));

    [Test]
    public void WindowKey_MorningAndAfternoonOfOneDay_AreTheSameWindow() =>
        Assert.That(SendingWindow.WindowKey(Utc(3, 2, 8)), Is.EqualTo(SendingWindow.WindowKey(Utc(3, 2, 16, 59))));
}
