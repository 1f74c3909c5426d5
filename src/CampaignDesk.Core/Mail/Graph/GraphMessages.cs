using System.Security.Cryptography;
using System.Text;
using Microsoft.Graph.Models;

namespace CampaignDesk.Core.Mail.Graph;

/// <summary>
/// Turns an <see cref="OutgoingMail"/> into a Graph draft carrying its idempotency key.
/// <para>
/// What Graph cannot carry is dropped, on purpose and predictably: a Graph message has one body, so with an HTML
/// body the text body is not sent (no multipart/alternative); custom headers go as <c>internetMessageHeaders</c>,
/// which Graph accepts only when named <c>X-…</c>, so any other header (List-Unsubscribe, In-Reply-To, …) is
/// dropped, except <c>Reply-To</c>, which has its own property.
/// </para>
/// </summary>
internal static class GraphMessages
{
    /// <summary>A named MAPI string property in our own property set: the key survives the move to Sent Items.</summary>
    public const string KeyPropertyId = "String {8f0b7c1e-5d3a-4a8e-9c61-2b6f0d4e7a15} Name CampaignDeskKey";

    /// <summary>Graph filters long string values poorly: a key past this length is stored as its SHA-256.</summary>
    private const int MaxPlainKeyLength = 200;

    public static string KeyValue(string idempotencyKey) => idempotencyKey.Length <= MaxPlainKeyLength
        ? idempotencyKey
        : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)));

    /// <summary>The <c>$filter</c> that finds the key's message in any folder; quotes doubled as OData wants.</summary>
    public static string KeyFilter(string keyValue) =>
        $"singleValueExtendedProperties/Any(ep: ep/id eq '{KeyPropertyId}' and ep/value eq '{keyValue.Replace("'", "''", StringComparison.Ordinal)}')";

    public static Message Draft(OutgoingMail mail, string keyValue)
    {
        var headers = (mail.Headers ?? new Dictionary<string, string>())
            .Where(h => h.Key.StartsWith("X-", StringComparison.OrdinalIgnoreCase))
            .Select(h => new InternetMessageHeader { Name = h.Key, Value = h.Value })
            .ToList();
        var replyTo = mail.Headers?.FirstOrDefault(h => string.Equals(h.Key, "Reply-To", StringComparison.OrdinalIgnoreCase)).Value;
        return new Message
        {
            From = Recipient(mail.From),
            ToRecipients = [.. mail.To.Select(Recipient)],
            ReplyTo = replyTo is null ? null : [Recipient(new MailAddress(replyTo))],
            Subject = mail.Subject,
            Body = mail.HtmlBody is null
                ? new ItemBody { ContentType = BodyType.Text, Content = mail.TextBody }
                : new ItemBody { ContentType = BodyType.Html, Content = mail.HtmlBody },
            InternetMessageHeaders = headers.Count == 0 ? null : headers,
            SingleValueExtendedProperties = [new SingleValueLegacyExtendedProperty { Id = KeyPropertyId, Value = keyValue }],
        };
    }

    private static Recipient Recipient(MailAddress address) =>
        new() { EmailAddress = new EmailAddress { Address = address.Address, Name = address.DisplayName } };
}
