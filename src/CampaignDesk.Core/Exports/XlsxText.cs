using System.Text;
using System.Text.RegularExpressions;

namespace CampaignDesk.Core.Exports;

/// <summary>The limits of an xlsx file on text: XML 1.0 characters, Excel's cell length and sheet names.</summary>
internal static partial class XlsxText
{
    /// <summary>Excel refuses longer cells (the file is "repaired" with the text lost).</summary>
    public const int MaxCellLength = 32_767;

    private const int MaxSheetNameLength = 31;
    private const string ForbiddenInSheetName = "[]:*?/\\";

    /// <summary>
    /// Text for a cell: characters XML 1.0 cannot carry removed (else the file is corrupt), then the formula guard
    /// (after the removal, so "\u0001=cmd" cannot become an unguarded "=cmd"), line breaks as Excel's own LF (an XML
    /// reader turns a bare CR into LF anyway), <c>_xHHHH_</c> escaped, and the whole cut to Excel's cell limit.
    /// </summary>
    public static string Cell(string text)
    {
        var cell = FormulaGuard.Neutralise(StripInvalidXml(text));
        if (cell.Contains('\r', StringComparison.Ordinal))
        {
            cell = cell.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        }

        // Excel decodes _xHHHH_ in text as the character U+HHHH, so "_x003D_1+2" would show, and re-save to CSV, as
        // "=1+2"; its own escape for the underscore keeps such text literal.
        if (cell.Contains("_x", StringComparison.Ordinal))
        {
            cell = EscapedCharacter().Replace(cell, "_x005F$0");
        }

        return cell.Length <= MaxCellLength ? cell : Cut(cell, MaxCellLength);
    }

    /// <summary>
    /// Excel's rules for a sheet name: at most 31 characters, none of <c>[]:*?/\</c>, not empty, and no apostrophe at
    /// either end.
    /// </summary>
    public static string SheetName(string title)
    {
        var name = new StringBuilder(StripInvalidXml(title));
        foreach (var forbidden in ForbiddenInSheetName)
        {
            name.Replace(forbidden, '_');
        }

        var cut = Cut(name.ToString(), MaxSheetNameLength).Trim().Trim('\'');
        return cut.Length == 0 ? "Export" : cut;
    }

    /// <summary>Keeps what XML 1.0 allows: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD and paired surrogates.</summary>
    public static string StripInvalidXml(string text)
    {
        var firstInvalid = FirstInvalid(text);
        if (firstInvalid < 0)
        {
            return text;
        }

        var kept = new StringBuilder(text.Length).Append(text, 0, firstInvalid);
        for (var i = firstInvalid; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                kept.Append(c).Append(text[++i]);
            }
            else if (IsValidXmlChar(c))
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }

    private static int FirstInvalid(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (!IsValidXmlChar(c))
            {
                return i;
            }
        }

        return -1;
    }

    // Surrogates reach here only unpaired, and are then invalid.
    private static bool IsValidXmlChar(char c) =>
        c is '\t' or '\n' or '\r' or (>= '\u0020' and <= '\uD7FF') or (>= '\uE000' and <= '\uFFFD');

    /// <summary>Cuts to <paramref name="length"/> UTF-16 units without splitting a surrogate pair.</summary>
    private static string Cut(string text, int length) =>
        text.Length <= length ? text : text[..(char.IsHighSurrogate(text[length - 1]) ? length - 1 : length)];

    [GeneratedRegex("_x[0-9A-Fa-f]{4}_")]
    private static partial Regex EscapedCharacter();
}
