using System.Text;
using CampaignDesk.Core.Common;

namespace CampaignDesk.Core.FollowUps;

/// <summary>
/// Follow-up templates (subject and text/plain body): checked when saved, rendered per official. Values are
/// inserted in one pass, so a value that contains <c>{{x}}</c> stays as written; an empty value is an error rather
/// than a gap in a letter to an official.
/// </summary>
public static class TemplateRenderer
{
    /// <summary>True when <paramref name="text"/> is well formed and uses only known placeholders; else errors on <paramref name="field"/>.</summary>
    public static bool Check(string text, string field, Errors errors) => Parse(text, field, errors) is not null;

    /// <summary>The text with every placeholder replaced, or null after adding errors on <paramref name="field"/>.</summary>
    public static string? Render(string text, IReadOnlyDictionary<string, string?> values, string field, Errors errors)
    {
        var parts = Parse(text, field, errors);
        if (parts is null)
        {
            return null;
        }

        var rendered = new StringBuilder(text.Length);
        var missing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            if (!part.IsPlaceholder)
            {
                rendered.Append(part.Text);
            }
            else if (values.GetValueOrDefault(part.Text) is { } value && !string.IsNullOrWhiteSpace(value))
            {
                rendered.Append(value);
            }
            else if (missing.Add(part.Text))
            {
                errors.Add(field, Messages.PlaceholderNoValue, part.Text, part.Line, part.Column);
            }
        }

        return missing.Count == 0 ? rendered.ToString() : null;
    }

    private static List<TemplateSyntax.Part>? Parse(string text, string field, Errors errors)
    {
        var (parts, valid) = TemplateSyntax.Parse(text, field, errors);
        foreach (var part in parts)
        {
            if (part.IsPlaceholder && !TemplatePlaceholders.IsKnown(part.Text))
            {
                var like = TemplatePlaceholders.Like(part.Text);
                errors.Add(field, like is null
                    ? Messages.PlaceholderUnknown.With(part.Text, part.Line, part.Column)
                    : Messages.PlaceholderUnknownLike.With(part.Text, part.Line, part.Column, like));
                valid = false;
            }
        }

        return valid ? parts : null;
    }
}
