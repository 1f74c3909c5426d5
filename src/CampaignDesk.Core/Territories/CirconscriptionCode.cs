using System.Globalization;
using System.Text.RegularExpressions;

namespace CampaignDesk.Core.Territories;

/// <summary>Circonscriptions législatives are named '{département}-{number:00}': '38-02', '2A-01', 'ZZ-05', '971-01'.</summary>
public static partial class CirconscriptionCode
{
    public static string Of(string departmentCode, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{departmentCode}-{number:D2}");

    public static bool IsValid(string? code) => code is not null && Pattern().IsMatch(code);

    [GeneratedRegex(@"^(\d{2}|2[AB]|9[78]\d|ZZ)-\d{2}$")]
    private static partial Regex Pattern();
}
