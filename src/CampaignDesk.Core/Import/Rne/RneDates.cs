using System.Globalization;
using System.Text.RegularExpressions;

namespace CampaignDesk.Core.Import.Rne;

/// <summary>
/// The date shapes of every RNE era: dd/mm/yyyy, d/m/yyyy (2019 "18/6/2017"), dd/mm/yy, yyyy-mm-dd and ISO
/// date-times ("1962-11-25 00:00:00+00", whose date part is taken as written).
/// </summary>
internal static partial class RneDates
{
    public static bool TryParse(string? text, bool isBirthDate, DateOnly today, out DateOnly? value)
    {
        value = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        int year, month, day;
        var twoDigitYear = false;
        if (text.Length == 10 && text[2] == '/' && text[5] == '/' && Digits(text, 0, 2, out day) && Digits(text, 3, 2, out month)
            && Digits(text, 6, 4, out year))
        {
            // dd/MM/yyyy, the form of nearly every row, read without a regex match.
        }
        else if (FrenchDate().Match(text) is { Success: true } french)
        {
            day = Number(french.Groups[1].Value);
            month = Number(french.Groups[2].Value);
            year = Number(french.Groups[3].Value);
            twoDigitYear = french.Groups[3].Value.Length == 2;
            if (twoDigitYear)
            {
                year = ExpandTwoDigitYear(year, today);
            }
        }
        else if (IsoDate().Match(text) is { Success: true } iso)
        {
            year = Number(iso.Groups[1].Value);
            month = Number(iso.Groups[2].Value);
            day = Number(iso.Groups[3].Value);
        }
        else
        {
            return false;
        }

        if (year is < 1850 or > 2200 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        var date = new DateOnly(year, month, day);
        if (isBirthDate && date > today)
        {
            // A two-digit birth year that lands in the future belongs to the previous century.
            if (twoDigitYear)
            {
                date = date.AddYears(-100);
            }
            else
            {
                return false;
            }
        }

        value = date;
        return true;
    }

    // A 2-digit year up to next year is 20yy, anything later is 19yy: mandates start at most a little ahead.
    private static int ExpandTwoDigitYear(int yy, DateOnly today) =>
        yy > (today.Year % 100) + 1 ? 1900 + yy : 2000 + yy;

    private static bool Digits(string text, int start, int length, out int value) =>
        int.TryParse(text.AsSpan(start, length), NumberStyles.None, CultureInfo.InvariantCulture, out value);

    private static int Number(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex FrenchDate();

    [GeneratedRegex(@"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();
}
