using System.Text;
using System.Text.RegularExpressions;

namespace CampaignDesk.Core.Tests.Mail;

/// <summary>
/// The reading side of RFC 5322, 2045-2047, just enough to check the writer: unfold headers, decode encoded-words
/// (each on its own, strictly, so a character split across words fails), quoted-printable and base64 bodies.
/// </summary>
internal static partial class MimeReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public sealed record Entity(Dictionary<string, string> Headers, string RawBody)
    {
        public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : throw new AssertionException($"no {name} header");

        public string DecodedHeader(string name) => DecodeWords(Header(name));

        public string Body => Header("Content-Transfer-Encoding").ToUpperInvariant() switch
        {
            "QUOTED-PRINTABLE" => DecodeQuotedPrintable(RawBody),
            "BASE64" => StrictUtf8.GetString(Convert.FromBase64String(RawBody.Replace("\r\n", "", StringComparison.Ordinal))),
            var other => throw new AssertionException($"unexpected transfer encoding {other}"),
        };

        public IReadOnlyList<Entity> Parts()
        {
            var boundary = BoundaryParameter().Match(Header("Content-Type")).Groups[1].Value;
            var delimiter = "\r\n--" + boundary;
            var body = "\r\n" + RawBody;
            var end = body.IndexOf(delimiter + "--", StringComparison.Ordinal);
            Assert.That(end, Is.GreaterThanOrEqualTo(0), "closing delimiter");
            return [.. body[..end].Split(delimiter).Skip(1).Select(part => Parse(part[2..]))];
        }
    }

    public static Entity Parse(string entity)
    {
        var split = entity.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var unfolded = entity[..split].Replace("\r\n ", " ", StringComparison.Ordinal).Replace("\r\n\t", "\t", StringComparison.Ordinal);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in unfolded.Split("\r\n"))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            Assert.That(headers.TryAdd(line[..colon], line[(colon + 1)..].TrimStart(' ', '\t')), Is.True, $"{line[..colon]} appears once");
        }

        return new Entity(headers, entity[(split + 4)..]);
    }

    /// <summary>RFC 2047: whitespace between two encoded-words is dropped; each word decodes to whole characters.</summary>
    public static string DecodeWords(string value) =>
        EncodedWord().Replace(BetweenEncodedWords().Replace(value, "$1$2"), match =>
        {
            var text = match.Groups[3].Value;
            var bytes = match.Groups[2].Value is "B" or "b"
                ? Convert.FromBase64String(text)
                : DecodeQuotedBytes(text.Replace('_', ' '));
            return StrictUtf8.GetString(bytes);
        });

    /// <summary>A To or From value as (address, display name), commas inside quotes and encoded-words respected.</summary>
    public static List<(string Address, string? DisplayName)> Mailboxes(string value)
    {
        var mailboxes = new List<(string, string?)>();
        var (start, quoted) = (0, false);
        for (var i = 0; i <= value.Length; i++)
        {
            if (i < value.Length && value[i] == '\\' && quoted)
            {
                i++;
            }
            else if (i < value.Length && value[i] == '"')
            {
                quoted = !quoted;
            }
            else if (i == value.Length || (value[i] == ',' && !quoted))
            {
                mailboxes.Add(Mailbox(value[start..i].Trim()));
                start = i + 1;
            }
        }

        return mailboxes;
    }

    /// <summary>RFC 2045 §6.7: trailing whitespace was added in transit and goes; a final <c>=</c> is a soft line break.</summary>
    public static string DecodeQuotedPrintable(string body)
    {
        var joined = new StringBuilder();
        foreach (var line in body.Split("\r\n").Select(l => l.TrimEnd(' ', '\t')))
        {
            joined.Append(line.EndsWith('=') ? line[..^1] : line + "\r\n");
        }

        return StrictUtf8.GetString(DecodeQuotedBytes(joined.ToString()[..^2]));
    }

    private static (string, string?) Mailbox(string mailbox)
    {
        var open = mailbox.LastIndexOf('<');
        if (open < 0)
        {
            return (mailbox, null);
        }

        var phrase = mailbox[..open].Trim();
        var name = phrase.StartsWith('"') ? QuotedPairs().Replace(phrase[1..^1], "$1") : DecodeWords(phrase);
        return (mailbox[(open + 1)..^1], name);
    }

    private static byte[] DecodeQuotedBytes(string text)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=')
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                Assert.That(text[i], Is.LessThan((char)128), "quoted-printable is ASCII");
                bytes.Add((byte)text[i]);
            }
        }

        return [.. bytes];
    }

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex EncodedWord();

    [GeneratedRegex(@"(\?=)[ \t]+(=\?)")]
    private static partial Regex BetweenEncodedWords();

    [GeneratedRegex(@"\\(.)")]
    private static partial Regex QuotedPairs();

    [GeneratedRegex("boundary=\"([^\"]+)\"")]
    private static partial Regex BoundaryParameter();
}
