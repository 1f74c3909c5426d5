using System.Globalization;
using System.Text.RegularExpressions;
using CampaignDesk.Core.Common;

namespace CampaignDesk.Core.FollowUps;

/// <summary>A remark on a previewed message that does not stop it: a date its text cites that is already past.</summary>
public sealed record TemplateWarning(string Code, string Message);

/// <summary>
/// A previewed message, as it would leave, with the remarks on its text and what its address is for (<c>office</c>,
/// <c>circonscription</c>, <c>mairie</c>, or null when the contact point does not say). The sender's mailbox and the
/// official's address are null when not known yet: a preview needs neither.
/// </summary>
public sealed record PreviewedMail(string? FromMailbox, string? ToAddress, string ToName, string Subject, string Body, IReadOnlyList<TemplateWarning> Warnings,
    string? AddressUse = null);

/// <summary>
/// Finds the dates a French text cites with their year — « 30 avril 2026 », « 1er mai 2026 », « 30/04/2026 » — so that a
/// template written for a deadline that has passed (« avant le 30 avril 2026 ») is flagged when previewed after it.
/// </summary>
public static partial class TemplateDates
{
    public static IEnumerable<DateOnly> Cited(string text)
    {
        foreach (Match match in Written().Matches(text))
        {
            var month = IndexOfMonth(match.Groups["month"].Value);
            if (month > 0 && Date(match.Groups["year"].Value, month, match.Groups["day"].Value) is { } date)
            {
                yield return date;
            }
        }

        foreach (Match match in Numeric().Matches(text))
        {
            if (int.TryParse(match.Groups["month"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var month)
                && Date(match.Groups["year"].Value, month, match.Groups["day"].Value) is { } date)
            {
                yield return date;
            }
        }
    }

    /// <summary>One French warning per past date the subject or the body cites (the rendered text: placeholders included).</summary>
    public static IReadOnlyList<TemplateWarning> PastDates(string subject, string body, DateOnly today) =>
        [.. Cited(subject).Concat(Cited(body)).Where(date => date < today).Distinct().Order()
            .Select(date => new TemplateWarning(Messages.DateInTextPassed.Code, Messages.DateInTextPassed.With(date).In(Language.French)))];

    private static int IndexOfMonth(string name)
    {
        var folded = name.ToLowerInvariant().Replace('é', 'e').Replace('û', 'u');
        for (var i = 0; i < FrenchDates.MonthNames.Count; i++)
        {
            if (FrenchDates.MonthNames[i].Replace('é', 'e').Replace('û', 'u') == folded)
            {
                return i + 1;
            }
        }

        return 0;
    }

    private static DateOnly? Date(string year, int month, string day) =>
        int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
        && int.TryParse(day.Replace("er", "", StringComparison.OrdinalIgnoreCase), NumberStyles.None, CultureInfo.InvariantCulture, out var d)
        && month is >= 1 and <= 12 && y is >= 1958 and <= 2200 && d >= 1 && d <= DateTime.DaysInMonth(y, month)
            ? new DateOnly(y, month, d)
            : null;

    [GeneratedRegex(@"\b(?<day>1er|[0-3]?\d)\s+(?<month>janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre)\s+(?<year>\d{4})\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Written();

    [GeneratedRegex(@"\b(?<day>[0-3]?\d)/(?<month>[01]?\d)/(?<year>\d{4})\b", RegexOptions.CultureInvariant)]
    private static partial Regex Numeric();
}
