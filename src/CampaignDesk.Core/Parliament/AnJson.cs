using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CampaignDesk.Core.Parliament;

/// <summary>
/// The Assemblée's JSON keeps XML's shapes: a single child is an object and several an array, an empty value is an
/// object carrying <c>@xsi:nil</c>, texts are HTML. These read it whatever the shape.
/// </summary>
internal static partial class AnJson
{
    /// <summary>The element at the path of property names, or null when any step is missing, null or xsi:nil.</summary>
    public static JsonElement? At(JsonElement element, params string[] path)
    {
        var current = element;
        foreach (var name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out var next) || IsNil(next))
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    /// <summary>The text at the path, trimmed; null when absent, nil or empty.</summary>
    public static string? Text(JsonElement element, params string[] path) =>
        At(element, path) is { ValueKind: JsonValueKind.String or JsonValueKind.Number } value
            ? value.ToString().Trim() is { Length: > 0 } text ? text : null
            : null;

    /// <summary>The children at the path: none, the one object, or each element of the array.</summary>
    public static IEnumerable<JsonElement> Many(JsonElement element, params string[] path)
    {
        if (At(element, path) is not { } value)
        {
            yield break;
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                if (!IsNil(item))
                {
                    yield return item;
                }
            }
        }
        else
        {
            yield return value;
        }
    }

    public static DateOnly? Date(JsonElement element, params string[] path) =>
        Text(element, path) is { Length: >= 10 } text
        && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    private static bool IsNil(JsonElement element) =>
        element.ValueKind == JsonValueKind.Null
        || (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("@xsi:nil", out var nil) && nil.ValueKind == JsonValueKind.String
            && nil.GetString() == "true");

    /// <summary>The HTML's text: tags dropped (a paragraph or a line break is a space), entities decoded, spaces collapsed.</summary>
    public static string? PlainText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return null;
        }

        var text = WebUtility.HtmlDecode(Tags().Replace(html, " "));
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\u00a0')
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.Length == 0 ? null : builder.ToString();
    }

    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tags();
}
