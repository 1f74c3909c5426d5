namespace CampaignDesk.Core.FollowUps;

/// <summary>Monday to Friday, holidays of the official's département excepted: the clock of "no reply after N working days".</summary>
public static class WorkingDays
{
    public static bool IsWorkingDay(DateOnly day, string? departmentCode) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !FrenchHolidays.IsHoliday(day, departmentCode);

    /// <summary>The date <paramref name="n"/> working days after <paramref name="from"/> (which itself need not be one); <paramref name="from"/> when n is 0.</summary>
    public static DateOnly Add(DateOnly from, int n, string? departmentCode)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var day = from;
        while (n > 0)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day, departmentCode))
            {
                n--;
            }
        }

        return day;
    }
}
