using System.Text;
using System.Text.RegularExpressions;

namespace CampaignDesk.Core.Parliament;

/// <summary>
/// Finds a watch's keywords in a text, accents and case ignored: « deserts medicaux » finds « Déserts Médicaux ». A keyword
/// of several words is a phrase (its words in that order, any spacing between them); a word ending in <c>*</c> takes any
/// ending (« centre* de santé » finds « centres de santé »). Words match whole, never inside another word. Offsets are
/// those of the original text: folding keeps one character for one.
/// </summary>
public sealed class KeywordMatcher
{
    private readonly List<(string Keyword, Regex Pattern)> _patterns;

    public KeywordMatcher(IEnumerable<string> keywords)
    {
        _patterns = [.. keywords.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => (k.Trim(), Build(k)))];
    }

    public bool IsEmpty => _patterns.Count == 0;

    /// <summary>Every match, in order of position, overlapping ones merged into the first.</summary>
    public IReadOnlyList<KeywordMatch> Find(string? text)
    {
        if (string.IsNullOrEmpty(text) || _patterns.Count == 0)
        {
            return [];
        }

        var folded = Fold(text);
        var found = new List<KeywordMatch>();
        foreach (var (keyword, pattern) in _patterns)
        {
            foreach (Match match in pattern.Matches(folded))
            {
                found.Add(new KeywordMatch(match.Index, match.Length, keyword));
            }
        }

        var merged = new List<KeywordMatch>();
        foreach (var match in found.OrderBy(m => m.Start).ThenByDescending(m => m.Length))
        {
            if (merged.Count == 0 || match.Start >= merged[^1].Start + merged[^1].Length)
            {
                merged.Add(match);
            }
        }

        return merged;
    }

    /// <summary>Lower case, accents dropped, one character for one (ligatures and other scripts stay as they are).</summary>
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var folded = c switch
            {
                '\u00a0' or '\u202f' => ' ',
                '\u2019' or '\u2018' => '\'',
                _ => c < 128 ? c : c.ToString().Normalize(NormalizationForm.FormD)[0],
            };
            builder.Append(char.ToLowerInvariant(folded));
        }

        return builder.ToString();
    }

    private static Regex Build(string keyword)
    {
        var words = Fold(keyword).Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.EndsWith('*') ? Regex.Escape(w.TrimEnd('*')) + @"[\p{L}\p{N}]*" : Regex.Escape(w));
        return new Regex(@"(?<![\p{L}\p{N}])" + string.Join(@"\s+", words) + @"(?![\p{L}\p{N}])",
            RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1));
    }
}

/// <param name="Start">Offset in the text searched.</param>
/// <param name="Keyword">The watch's keyword as written.</param>
public sealed record KeywordMatch(int Start, int Length, string Keyword);

/// <summary>A passage of an item around its first match, with every match inside it; what the triage queue shows.</summary>
public static class Excerpt
{
    public const int Before = 200;
    public const int After = 400;

    public static (string Text, IReadOnlyList<int[]> Highlights) Around(string text, IReadOnlyList<KeywordMatch> matches)
    {
        if (matches.Count == 0)
        {
            return (text.Length <= Before + After ? text : text[..(Before + After)] + " …", []);
        }

        var start = Math.Max(0, matches[0].Start - Before);
        while (start > 0 && !char.IsWhiteSpace(text[start - 1]))
        {
            start--;
        }

        var end = Math.Min(text.Length, matches[0].Start + matches[0].Length + After);
        var prefix = start > 0 ? "… " : "";
        var excerpt = prefix + text[start..end] + (end < text.Length ? " …" : "");
        var highlights = matches.Where(m => m.Start >= start && m.Start + m.Length <= end)
            .Select(m => new[] { m.Start - start + prefix.Length, m.Length }).ToList();
        return (excerpt, highlights);
    }

    /// <summary>The excerpt as HTML: every character escaped, the highlights in <c>&lt;mark&gt;</c>.</summary>
    public static string ToHtml(string excerpt, IReadOnlyList<int[]> highlights)
    {
        var html = new StringBuilder();
        var at = 0;
        foreach (var h in highlights.Where(h => h.Length == 2).OrderBy(h => h[0]))
        {
            if (h[0] < at || h[0] + h[1] > excerpt.Length)
            {
                continue;
            }

            html.Append(Escape(excerpt[at..h[0]])).Append("<mark>")
                .Append(Escape(excerpt.Substring(h[0], h[1]))).Append("</mark>");
            at = h[0] + h[1];
        }

        return html.Append(Escape(excerpt[at..])).ToString();
    }

    /// <summary>The five characters HTML gives a meaning to; every other character stays as it is (accents included).</summary>
    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);
}
