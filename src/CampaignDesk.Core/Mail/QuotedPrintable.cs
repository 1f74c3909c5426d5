using System.Text;

namespace CampaignDesk.Core.Mail;

/// <summary>RFC 2045 §6.7 for UTF-8 text: readable for French, safe for any relay, lines of at most 76 characters.</summary>
internal static class QuotedPrintable
{
    public const int MaxLineLength = 76;

    /// <summary>Line breaks of any kind become CRLF (text's canonical form); the rest survives byte for byte.</summary>
    public static string Encode(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var encoded = new StringBuilder(text.Length + (text.Length / 8));
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                encoded.Append("\r\n");
            }

            EncodeLine(encoded, Encoding.UTF8.GetBytes(lines[i]));
        }

        return encoded.ToString();
    }

    private static void EncodeLine(StringBuilder encoded, byte[] bytes)
    {
        var lineLength = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            // Whitespace at the end of a line may be stripped in transit, so it is encoded there.
            var literal = b is >= 33 and <= 126 and not (byte)'=' || (b is (byte)' ' or (byte)'\t' && i < bytes.Length - 1);
            var length = literal ? 1 : 3;
            if (lineLength + length > MaxLineLength - 1)
            {
                encoded.Append("=\r\n");
                lineLength = 0;
            }

            if (literal)
            {
                encoded.Append((char)b);
            }
            else
            {
                encoded.Append('=').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }

            lineLength += length;
        }
    }
}
