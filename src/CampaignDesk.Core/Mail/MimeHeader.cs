using System.Text;

namespace CampaignDesk.Core.Mail;

/// <summary>
/// Header fields as RFC 5322 and RFC 2047 want them: pure ASCII, non-ASCII text as UTF-8 "B" encoded-words,
/// folded at whitespace so no line is longer than 78 characters.
/// </summary>
internal static class MimeHeader
{
    public const int MaxLineLength = 78;

    // A continuation line is a space and one token.
    private const int MaxToken = MaxLineLength - 1;

    // 30 bytes make 40 base64 characters: a 52-character encoded-word, which fits after most field names.
    private const int MaxEncodedWordBytes = 30;

    /// <summary>An unstructured field (Subject, X-…): written as is when it is plain, encoded when it is not.</summary>
    public static string Text(string name, string value)
    {
        var words = value.Split(' ');
        if (value.Length == 0)
        {
            return Fold(name, []);
        }

        var plain = value.All(c => c is >= ' ' and <= '~') && words.All(w => w.Length is > 0 and <= MaxToken)
            && !value.Contains("=?", StringComparison.Ordinal);
        return Fold(name, plain ? words : EncodedWords(value));
    }

    public static string Mailboxes(string name, IEnumerable<(string Address, string? DisplayName)> mailboxes)
    {
        var tokens = new List<string>();
        foreach (var (address, displayName) in mailboxes)
        {
            if (tokens.Count > 0)
            {
                tokens[^1] += ",";
            }

            if (string.IsNullOrEmpty(displayName))
            {
                tokens.Add(address);
                continue;
            }

            tokens.AddRange(Phrase(displayName));
            tokens.Add($"<{address}>");
        }

        return Fold(name, tokens);
    }

    /// <summary>A display name: atoms when it is made of them, a quoted string when it is short ASCII, else encoded-words.</summary>
    private static IEnumerable<string> Phrase(string displayName)
    {
        var words = displayName.Split(' ');
        if (words.All(w => w.Length is > 0 and <= MaxToken && w.All(IsAtext)))
        {
            return words;
        }

        var quoted = $"\"{displayName.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
        return displayName.All(c => c is >= ' ' and <= '~') && quoted.Length < MaxToken ? [quoted] : EncodedWords(displayName);
    }

    /// <summary>RFC 2047 words of whole characters: a decoder may decode each word on its own.</summary>
    private static List<string> EncodedWords(string text)
    {
        var words = new List<string>();
        var chunk = new List<byte>(MaxEncodedWordBytes);
        Span<byte> buffer = stackalloc byte[4];
        foreach (var rune in text.EnumerateRunes())
        {
            var length = rune.EncodeToUtf8(buffer);
            if (chunk.Count + length > MaxEncodedWordBytes)
            {
                words.Add(EncodedWord(chunk));
                chunk.Clear();
            }

            chunk.AddRange(buffer[..length]);
        }

        if (chunk.Count > 0)
        {
            words.Add(EncodedWord(chunk));
        }

        return words;
    }

    private static string EncodedWord(List<byte> bytes) => $"=?utf-8?B?{Convert.ToBase64String([.. bytes])}?=";

    private static string Fold(string name, IEnumerable<string> tokens)
    {
        var field = new StringBuilder(name).Append(':');
        var lineLength = field.Length;
        foreach (var token in tokens)
        {
            if (lineLength + 1 + token.Length > MaxLineLength)
            {
                field.Append("\r\n");
                lineLength = 0;
            }

            field.Append(' ').Append(token);
            lineLength += 1 + token.Length;
        }

        return field.Append("\r\n").ToString();
    }

    private static bool IsAtext(char c) => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-/=?^_`{|}~".Contains(c);
}
