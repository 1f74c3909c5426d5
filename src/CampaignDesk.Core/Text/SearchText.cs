using System.Globalization;
using System.Text;

namespace CampaignDesk.Core.Text;

/// <summary>Folds text for accent- and case-insensitive search that works the same on every engine.</summary>
public static class SearchText
{
    public static string Fold(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return string.Empty;
        }

        var decomposed = value.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var lastWasSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var folded = c switch
            {
                'œ' or 'Œ' => "oe",
                'æ' or 'Æ' => "ae",
                '’' or '‘' or 'ʼ' => "'",
                '–' or '—' => "-",
                _ when char.IsWhiteSpace(c) => " ",
                _ => char.ToLowerInvariant(c).ToString(),
            };
            if (folded == " ")
            {
                if (lastWasSpace || builder.Length == 0)
                {
                    continue;
                }

                lastWasSpace = true;
            }
            else
            {
                lastWasSpace = false;
            }

            builder.Append(folded);
        }

        return builder.ToString().TrimEnd();
    }

    /// <summary>
    /// The distinct folded words of a query, longest first (the most selective), at most <paramref name="max"/>; a word
    /// that another word contains adds nothing and is dropped (« jean jeanne »: « jeanne »).
    /// </summary>
    public static IReadOnlyList<string> Words(string? query, int max)
    {
        var words = Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal)
            .OrderByDescending(w => w.Length).ThenBy(w => w, StringComparer.Ordinal).ToList();
        return words.Where((w, i) => !words.Take(i).Any(longer => longer.Contains(w, StringComparison.Ordinal))).Take(max).ToList();
    }

    /// <summary>A LIKE pattern that finds <paramref name="query"/> anywhere; use with <c>ESCAPE '\'</c>.</summary>
    public static string ContainsPattern(string query) =>
        "%" + Fold(query).Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal)
            .Replace("[", "\\[", StringComparison.Ordinal) + "%";
}
