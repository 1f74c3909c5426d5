using System.Text.RegularExpressions;

namespace CampaignDesk.Core.Replies;

public enum MailNature
{
    Person,
    AutoReply,
    Bounce,
}

/// <summary>
/// Tells a person's answer from an automatic reply or a non-delivery report, by headers first (RFC 3834's
/// Auto-Submitted, Exchange's X-Auto-Response-Suppress, RFC 3464's multipart/report) and by the subjects Outlook and
/// Exchange write in French and English when a header is missing. A report is checked before an automatic reply:
/// reports carry <c>Auto-Submitted: auto-replied</c> too.
/// </summary>
public static partial class MailNoise
{
    private static readonly string[] BounceSubjects =
        ["Non remis", "Undeliverable", "Delivery Status Notification (Failure)", "Mail delivery failed", "Returned mail", "Échec de la remise"];

    private static readonly string[] AutoReplySubjects =
        ["Réponse automatique", "Automatic reply", "Auto:", "Absence", "Out of office", "Message d'absence", "AutoReply"];

    public static MailNature Classify(InboundMail mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var subject = mail.Subject?.Trim() ?? "";
        var contentType = mail.Header("Content-Type") ?? "";
        var localPart = mail.From is { } from && from.IndexOf('@') is var at and > 0 ? from[..at] : "";
        if (localPart.Equals("postmaster", StringComparison.OrdinalIgnoreCase) || localPart.Equals("mailer-daemon", StringComparison.OrdinalIgnoreCase)
            || (contentType.Contains("multipart/report", StringComparison.OrdinalIgnoreCase)
                && contentType.Contains("delivery-status", StringComparison.OrdinalIgnoreCase))
            || BounceSubjects.Any(s => subject.StartsWith(s, StringComparison.OrdinalIgnoreCase)))
        {
            return MailNature.Bounce;
        }

        var autoSubmitted = mail.Header("Auto-Submitted")?.Trim();
        if ((autoSubmitted is { Length: > 0 } && !autoSubmitted.Equals("no", StringComparison.OrdinalIgnoreCase))
            || mail.Header("X-Auto-Response-Suppress") is not null
            || AutoReplySubjects.Any(s => subject.StartsWith(s, StringComparison.OrdinalIgnoreCase)))
        {
            return MailNature.AutoReply;
        }

        return MailNature.Person;
    }

    /// <summary>The message ids In-Reply-To and References name: a reply quotes the one it answers.</summary>
    public static IReadOnlyList<string> ReferencedIds(InboundMail mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        return [.. $"{mail.Header("In-Reply-To")} {mail.Header("References")}".Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(part => MessageId().Matches(part).Select(m => m.Value)).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Addresses a report's text names (Exchange: « Votre message à x@y n'a pas pu être remis »).</summary>
    public static IReadOnlyList<string> AddressesIn(string? text) =>
        text is null ? [] : [.. Address().Matches(text).Select(m => m.Value.ToLowerInvariant()).Distinct()];

    [GeneratedRegex("<[^<>\\s]+>")]
    private static partial Regex MessageId();

    [GeneratedRegex("[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}")]
    private static partial Regex Address();
}
