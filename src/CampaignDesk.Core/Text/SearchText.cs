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

    /// <summary>A LIKE pattern that finds <paramref name="query"/> anywhere; use with <c>ESCAPE '\'</c>.</summary>
    public static string ContainsPattern(string query) =>
        "%" + Fold(query).Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal)
            .Replace("[", "\\[", StringComparison.Ordinal) + "%";
}
