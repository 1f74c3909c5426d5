using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CampaignDesk.Core.Contacts;

/// <summary>
/// French telephone numbers as the open data writes them (« 04 76 12 34 56 », « 01.40.63.74.66 », « +687 44 19 73 »,
/// « 06.74.00.97.19 et 05.62.96.74.39 ») to E.164 for <c>tel:</c> links, and back to the French way of writing them.
/// </summary>
/// <remarks>
/// Overseas départements have numbers of the national plan that are dialled from abroad with their own country code:
/// 0590/0690 Guadeloupe, Saint-Martin and Saint-Barthélemy (+590), 0594/0694 Guyane (+594), 0596/0696 Martinique
/// (+596), 0262/0263/0692/0693 La Réunion and 0269/0639 Mayotte (+262; Mayotte left +269, the Comoros', in 2007).
/// The collectivities have short numbers of their own plans: Saint-Pierre-et-Miquelon +508 and Wallis-et-Futuna +681
/// (6 digits), Nouvelle-Calédonie +687 (6), Polynésie française +689 (8): written without their code, they are read
/// by the département of the office that publishes them.
/// </remarks>
public static partial class FrenchPhone
{
    private static readonly (string Prefix, string Code)[] Overseas =
    [
        ("0590", "590"), ("0690", "590"), ("0691", "590"),
        ("0594", "594"), ("0694", "594"),
        ("0596", "596"), ("0696", "596"), ("0697", "596"),
        ("0262", "262"), ("0263", "262"), ("0692", "262"), ("0693", "262"), ("0269", "262"), ("0639", "262"),
    ];

    private static readonly Dictionary<string, (string Code, int Digits)> Collectivities = new(StringComparer.Ordinal)
    {
        ["975"] = ("508", 6),
        ["986"] = ("681", 6),
        ["988"] = ("687", 6),
        ["987"] = ("689", 8),
    };

    private static readonly string[] NationalCodes = ["33", "262", "590", "594", "596"];

    /// <summary>
    /// Every number written in <paramref name="text"/>, in E.164, in order and without repeats; what looks like a
    /// number but is not one goes to <paramref name="rejected"/>.
    /// </summary>
    /// <param name="departmentCode">The département of whoever publishes the number, for the collectivities' short numbers.</param>
    public static IReadOnlyList<string> ParseAll(string? text, string? departmentCode, out IReadOnlyList<string> rejected)
    {
        var found = new List<string>();
        var bad = new List<string>();
        foreach (Match match in Candidate().Matches((text ?? "").Replace("(0)", "", StringComparison.Ordinal)))
        {
            if (Normalize(match.Value, departmentCode) is { } e164)
            {
                if (!found.Contains(e164))
                {
                    found.Add(e164);
                }
            }
            else
            {
                bad.Add(match.Value.Trim());
            }
        }

        rejected = bad;
        return found;
    }

    /// <summary>One number in E.164 (« +33476123456 »), or null when it is not a French or international number.</summary>
    public static string? Normalize(string? raw, string? departmentCode = null)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var text = raw.Trim();
        var international = text.StartsWith('+') || text.StartsWith("00", StringComparison.Ordinal);
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        if (text.StartsWith("00", StringComparison.Ordinal))
        {
            digits = digits[2..];
        }

        if (international)
        {
            return International(digits);
        }

        if (digits.Length == 10 && digits[0] == '0' && digits[1] != '0')
        {
            var code = Overseas.FirstOrDefault(o => digits.StartsWith(o.Prefix, StringComparison.Ordinal)).Code;
            return code is null ? "+33" + digits[1..] : $"+{code}{digits[1..]}";
        }

        return departmentCode is not null && Collectivities.TryGetValue(departmentCode, out var local) && digits.Length == local.Digits
            ? $"+{local.Code}{digits}"
            : null;
    }

    /// <summary>
    /// As French people write it: « 04 76 12 34 56 », overseas départements too (« 05 90 12 34 56 », dialled so from
    /// France); the collectivities' and foreign numbers keep their code (« +687 44 19 73 »).
    /// </summary>
    public static string Display(string e164)
    {
        if (!e164.StartsWith('+'))
        {
            return e164;
        }

        var digits = e164[1..];
        foreach (var code in NationalCodes)
        {
            var national = digits.StartsWith(code, StringComparison.Ordinal) ? digits[code.Length..] : null;
            if (national is { Length: 9 } && (code == "33" || national.StartsWith(code, StringComparison.Ordinal)
                || Overseas.Any(o => o.Code == code && o.Prefix[1..] == national[..3])))
            {
                return Pairs("0" + national);
            }
        }

        var local = Collectivities.Values.FirstOrDefault(c => digits.StartsWith(c.Code, StringComparison.Ordinal) && digits.Length == c.Code.Length + c.Digits);
        return local.Code is not null ? $"+{local.Code} {Pairs(digits[local.Code.Length..])}" : e164;
    }

    private static string? International(string digits)
    {
        if (digits.StartsWith("330", StringComparison.Ordinal))
        {
            digits = "33" + digits[3..]; // « +33 (0)1 … » written without its parentheses
        }

        if (digits.StartsWith("33", StringComparison.Ordinal))
        {
            return digits.Length == 11 && digits[2] != '0' ? "+" + digits : null;
        }

        foreach (var code in NationalCodes.Skip(1))
        {
            if (digits.StartsWith(code, StringComparison.Ordinal))
            {
                return digits.Length == code.Length + 9 ? "+" + digits : null;
            }
        }

        foreach (var (code, length) in Collectivities.Values)
        {
            if (digits.StartsWith(code, StringComparison.Ordinal))
            {
                return digits.Length == code.Length + length ? "+" + digits : null;
            }
        }

        // Another country: E.164 allows 15 digits with the country code.
        return digits.Length is >= 8 and <= 15 && digits[0] != '0' ? "+" + digits : null;
    }

    private static string Pairs(string digits)
    {
        var text = new StringBuilder(digits.Length * 3 / 2);
        for (var i = 0; i < digits.Length; i += 2)
        {
            text.Append(i == 0 ? "" : " ").Append(digits, i, Math.Min(2, digits.Length - i));
        }

        return text.ToString();
    }

    // A run of digits with the separators people use inside one number (space, dot, dash, slash between pairs is rare:
    // a slash separates two numbers), optionally led by + or 00.
    [GeneratedRegex(@"\+?\d(?:[ \u00A0.\-]?\d){5,16}")]
    private static partial Regex Candidate();
}
