using System.Text;
using System.Text.RegularExpressions;
using CampaignDesk.Core.Common;

namespace CampaignDesk.Core.FollowUps;

/// <summary>
/// Splits a template into text and <c>{{name}}</c> placeholders (spaces inside the braces allowed). <c>{{{{</c> and
/// <c>}}}}</c> write a literal <c>{{</c> and <c>}}</c>; any other <c>}}</c> alone, or a <c>{{</c> not closed on its
/// line, is an error, so a typo never reaches an official as raw braces.
/// </summary>
internal static partial class TemplateSyntax
{
    internal readonly record struct Part(string Text, bool IsPlaceholder, int Line, int Column);

    /// <summary>The parts that could be read, and whether there were none but these (else errors on <paramref name="field"/>).</summary>
    public static (List<Part> Parts, bool Valid) Parse(string text, string field, Errors errors)
    {
        var parts = new List<Part>();
        var literal = new StringBuilder();
        var valid = true;
        var (line, lineStart) = (1, 0);
        for (var i = 0; i < text.Length;)
        {
            var column = i - lineStart + 1;
            if (At(text, i, "{{{{") || At(text, i, "}}}}"))
            {
                literal.Append(text, i, 2);
                i += 4;
            }
            else if (At(text, i, "{{"))
            {
                var close = text.IndexOf("}}", i + 2, StringComparison.Ordinal);
                var end = text.IndexOf('\n', i + 2);
                if (close < 0 || (end >= 0 && end < close))
                {
                    errors.Add(field, Messages.BraceNotClosed, line, column);
                    (valid, i) = (false, i + 2);
                    continue;
                }

                var name = text[(i + 2)..close].Trim();
                if (!Name().IsMatch(name))
                {
                    errors.Add(field, Messages.PlaceholderMalformed, text[i..(close + 2)], line, column);
                    valid = false;
                }
                else
                {
                    parts.Add(new Part(literal.ToString(), false, line, 0));
                    parts.Add(new Part(name, true, line, column));
                    literal.Clear();
                }

                i = close + 2;
            }
            else if (At(text, i, "}}"))
            {
                errors.Add(field, Messages.BraceNotOpened, line, column);
                (valid, i) = (false, i + 2);
            }
            else
            {
                if (text[i] == '\n')
                {
                    (line, lineStart) = (line + 1, i + 1);
                }

                literal.Append(text[i++]);
            }
        }

        parts.Add(new Part(literal.ToString(), false, line, 0));
        return (parts, valid);
    }

    private static bool At(string text, int index, string token) => string.CompareOrdinal(text, index, token, 0, token.Length) == 0;

    [GeneratedRegex(@"^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)*$")]
    private static partial Regex Name();
}
