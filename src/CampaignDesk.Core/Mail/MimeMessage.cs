using System.Globalization;
using System.Text;

namespace CampaignDesk.Core.Mail;

/// <summary>
/// Turns an <see cref="OutgoingMail"/> into one RFC 5322 / MIME message, all ASCII with CRLF line endings, after
/// refusing anything that could inject a header. Nothing in it depends on the clock or on chance but the date.
/// </summary>
internal static class MimeMessage
{
    public const string KeyHeader = "X-CampaignDesk-Key";

    /// <summary>Fields this class writes itself: an extra header may not add a second one.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "Message-ID", "Date", "From", "Sender", "To", "Cc", "Bcc", "Reply-To", "Subject", "MIME-Version", "Content-Type",
        "Content-Transfer-Encoding", KeyHeader,
    };

    /// <param name="boundary">Starts with <c>=_</c>, which quoted-printable output can never contain.</param>
    public static string Write(OutgoingMail mail, string messageId, string boundary, DateTimeOffset date)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var from = Mailbox(mail.From, "From");
        if (mail.To is not { Count: > 0 })
        {
            throw new ArgumentException("To needs at least one recipient.");
        }

        var to = mail.To.Select((address, i) => Mailbox(address, $"To[{i}]")).ToList();
        var message = new StringBuilder()
            .Append("Message-ID: " + messageId + "\r\n")
            .Append(CultureInfo.InvariantCulture, $"Date: {date.UtcDateTime:ddd, dd MMM yyyy HH:mm:ss} +0000\r\n")
            .Append(MimeHeader.Mailboxes("From", [from]))
            .Append(MimeHeader.Mailboxes("To", to))
            .Append(MimeHeader.Text("Subject", SingleLine(mail.Subject, "Subject")))
            .Append("MIME-Version: 1.0\r\n")
            .Append(MimeHeader.Text(KeyHeader, SingleLine(mail.IdempotencyKey, "IdempotencyKey")));
        foreach (var (name, value) in mail.Headers ?? new Dictionary<string, string>())
        {
            message.Append(MimeHeader.Text(HeaderName(name), SingleLine(value, $"Headers[{name}]")));
        }

        if (mail.TextBody is null)
        {
            throw new ArgumentException("TextBody is required: it is what every client can show.");
        }

        if (mail.HtmlBody is null)
        {
            // Every line ends with CRLF (RFC 5322 §2.3), the body's last one too, whether or not the text ended with a line break.
            var part = Part("text/plain", mail.TextBody);
            return message.Append(part).Append(part.EndsWith("\r\n", StringComparison.Ordinal) ? "" : "\r\n").ToString();
        }

        // The CRLF before each delimiter belongs to the delimiter (RFC 2046 §5.1.1), not to the part.
        return message
            .Append("Content-Type: multipart/alternative;\r\n boundary=\"" + boundary + "\"\r\n\r\n")
            .Append("--" + boundary + "\r\n").Append(Part("text/plain", mail.TextBody))
            .Append("\r\n--" + boundary + "\r\n").Append(Part("text/html", mail.HtmlBody))
            .Append("\r\n--" + boundary + "--\r\n")
            .ToString();
    }

    private static string Part(string mediaType, string body) =>
        $"Content-Type: {mediaType}; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n{QuotedPrintable.Encode(body)}";

    private static (string, string?) Mailbox(MailAddress? mailbox, string field)
    {
        if (mailbox is null)
        {
            throw new ArgumentException($"{field} is required.");
        }

        var address = MailAddresses.Normalise(mailbox.Address, $"{field}.Address");
        return (address, mailbox.DisplayName is null ? null : SingleLine(mailbox.DisplayName, $"{field}.DisplayName"));
    }

    private static string SingleLine(string? value, string field)
    {
        if (value is null)
        {
            throw new ArgumentException($"{field} is required.");
        }

        return value.Contains('\r') || value.Contains('\n')
            ? throw new ArgumentException($"{field} must not contain CR or LF: it would end the header and start another.")
            : value;
    }

    // RFC 5322 §3.6.8 ftext, short enough that the name and a token share a line.
    private static string HeaderName(string name)
    {
        var field = $"Headers[{SingleLine(name, "Headers name")}]";
        if (name.Length is 0 or > 40 || name.Any(c => c is < '!' or > '~' or ':'))
        {
            throw new ArgumentException($"{field}: a header name is 1 to 40 printable ASCII characters without ':'.");
        }

        return Reserved.Contains(name) ? throw new ArgumentException($"{field} is written by the transport and cannot be set.") : name;
    }
}
