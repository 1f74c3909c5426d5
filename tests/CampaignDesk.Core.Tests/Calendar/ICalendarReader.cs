using System.Text;

namespace CampaignDesk.Core.Tests.Calendar;

/// <summary>The reading side of RFC 5545, just enough to check the writer: unfold (§3.1), split, unescape TEXT (§3.3.11).</summary>
internal static class ICalendarReader
{
    public sealed record ContentLine(string Name, string Parameters, string Value);

    public static List<ContentLine> Read(string ics)
    {
        var unfolded = ics.Replace("\r\n ", "", StringComparison.Ordinal).Replace("\r\n\t", "", StringComparison.Ordinal);
        var lines = unfolded.Split("\r\n");
        Assert.That(lines[^1], Is.Empty, "the last line ends with CRLF");
        return [.. lines[..^1].Select(Parse)];
    }

    public static string UnescapeText(string value)
    {
        var text = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '\\')
            {
                text.Append(value[i]);
                continue;
            }

            var next = value[++i];
            text.Append(next is 'n' or 'N' ? '\n' : next);
        }

        return text.ToString();
    }

    private static ContentLine Parse(string line)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        var name = line[..colon];
        var semicolon = name.IndexOf(';', StringComparison.Ordinal);
        return semicolon < 0
            ? new ContentLine(name, "", line[(colon + 1)..])
            : new ContentLine(name[..semicolon], name[(semicolon + 1)..], line[(colon + 1)..]);
    }
}
