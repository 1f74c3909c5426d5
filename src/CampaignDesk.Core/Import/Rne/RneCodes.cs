using System.Globalization;

namespace CampaignDesk.Core.Import.Rne;

/// <summary>Normalises the geographic codes of every era to INSEE form (see <see cref="RneRecord"/>).</summary>
internal static class RneCodes
{
    // The 2019 release wrote overseas départements and collectivities with the Ministry's letter codes.
    // ZX is Saint-Martin/Saint-Barthélemy, one circonscription the RNE itself numbers 97701: read as 977.
    private static readonly Dictionary<string, string> LetterCodes = new(StringComparer.Ordinal)
    {
        ["ZA"] = "971",
        ["ZB"] = "972",
        ["ZC"] = "973",
        ["ZD"] = "974",
        ["ZM"] = "976",
        ["ZS"] = "975",
        ["ZX"] = "977",
        ["ZW"] = "986",
        ["ZP"] = "987",
        ["ZN"] = "988",
    };

    /// <summary>"1" → "01", "2a" → "2A", "971" kept, "ZD" → "974", "ZZ" kept, "69M" kept.</summary>
    public static string? Department(string? raw)
    {
        if (raw is null)
        {
            return null;
        }

        var code = raw.ToUpperInvariant();
        if (LetterCodes.TryGetValue(code, out var insee))
        {
            return insee;
        }

        return code.Length == 1 && IsDigits(code) ? "0" + code : code;
    }

    /// <summary>"1001" → "01001", "2A004" kept; null when it cannot be a commune code.</summary>
    public static string? Commune(string raw)
    {
        var code = raw.ToUpperInvariant();
        if (IsDigits(code) && code.Length <= 5)
        {
            return code.PadLeft(5, '0');
        }

        return code.Length == 5 && code[0] == '2' && code[1] is 'A' or 'B' && IsDigits(code[2..]) ? code : null;
    }

    /// <summary>Numeric codes left-padded to <paramref name="width"/>, others upper-cased as they are.</summary>
    public static string Padded(string raw, int width) =>
        IsDigits(raw) ? raw.PadLeft(width, '0') : raw.ToUpperInvariant();

    /// <summary>
    /// The circonscription's number within its département: "0101", "101" (unpadded), "2A01", "ZZ01", "97501" → 1
    /// by taking off the département (or collectivity) prefix; the 2023-06 release writes the first
    /// circonscription of some overseas territories as the bare territory code ("972", "975") → 1; the 2019 release
    /// writes the number alone ("01"). A 4- or 5-character code under another département keeps its last two digits.
    /// </summary>
    public static int? Circonscription(string raw, string? departmentRaw, string? collectivityRaw)
    {
        var code = raw.ToUpperInvariant();
        if (code.Length <= 2)
        {
            return Positive(code);
        }

        var prefixes = new[] { Department(departmentRaw), departmentRaw, Department(collectivityRaw), collectivityRaw }
            .OfType<string>()
            .Select(p => p.ToUpperInvariant())
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(p => p.Length);
        foreach (var prefix in prefixes)
        {
            if (!code.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = code[prefix.Length..];
            if (rest.Length == 0)
            {
                return 1;
            }

            if (rest.Length <= 2 && Positive(rest) is { } number)
            {
                return number;
            }
        }

        // The département column wins over a code that disagrees with it: 2025-10-07 lists BERGANTZ (Yvelines,
        // 78) with circonscription "0102"; the seat is Yvelines 2nd, so the last two digits still give the number.
        return code.Length >= 4 ? Positive(code[^2..]) : null;
    }

    private static int? Positive(string digits) =>
        IsDigits(digits) && int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture) is var n and > 0
            ? n
            : null;

    private static bool IsDigits(string text) => text.Length > 0 && text.All(char.IsAsciiDigit);
}
