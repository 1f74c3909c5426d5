using System.Text;

namespace CampaignDesk.Core.Import.Rne;

/// <summary>
/// Reads one physical line at a time and splits it on the separator, honouring double quotes ("a;b", "say ""hi""").
/// A quoted field may not span lines: RNE fields never hold line breaks, and a stray quote must cost one row,
/// not swallow the rest of the file.
/// </summary>
internal sealed class RneLineReader(TextReader reader) : IDisposable
{
    private const char Quote = '"';

    /// <summary>The 1-based number of the last line read.</summary>
    public int LineNumber { get; private set; }

    public string? ReadLine()
    {
        var line = reader.ReadLine();
        if (line is not null)
        {
            LineNumber++;
        }

        return line;
    }

    /// <summary>The fields of <paramref name="line"/>, trimmed; null when a quote is left open.</summary>
    public static List<string>? Split(string line, char separator)
    {
        var fields = new List<string>(16);
        StringBuilder? field = null;
        var i = 0;
        while (true)
        {
            while (i < line.Length && line[i] == ' ')
            {
                i++;
            }

            // Most fields are unquoted: sliced out of the line rather than copied a character at a time.
            var end = line.IndexOf(separator, i);
            end = end < 0 ? line.Length : end;
            if (i >= line.Length || line[i] != Quote)
            {
                fields.Add(line.AsSpan(i, end - i).Trim().ToString());
            }
            else
            {
                field ??= new StringBuilder();
                if (!ReadQuoted(line, separator, ref i, field))
                {
                    return null;
                }

                fields.Add(field.ToString().Trim());
                field.Clear();
                end = i;
            }

            if (end >= line.Length)
            {
                return fields;
            }

            i = end + 1;
        }
    }

    // Appends the quoted text that starts at i, then whatever follows the closing quote up to the separator, taken
    // literally; leaves i on the separator or the end of the line. False when the quote is not closed.
    private static bool ReadQuoted(string line, char separator, ref int i, StringBuilder field)
    {
        i++;
        var closed = false;
        while (i < line.Length)
        {
            if (line[i] == Quote)
            {
                if (i + 1 < line.Length && line[i + 1] == Quote)
                {
                    field.Append(Quote);
                    i += 2;
                    continue;
                }

                i++;
                closed = true;
                break;
            }

            field.Append(line[i++]);
        }

        while (closed && i < line.Length && line[i] != separator)
        {
            field.Append(line[i++]);
        }

        return closed;
    }

    /// <summary>The separator a header line uses: whichever of tab, ';' and ',' occurs most outside quotes.</summary>
    public static char? DetectSeparator(string line)
    {
        int tabs = 0, semicolons = 0, commas = 0;
        var inQuotes = false;
        foreach (var c in line)
        {
            switch (c)
            {
                case Quote:
                    inQuotes = !inQuotes;
                    break;
                case '\t' when !inQuotes:
                    tabs++;
                    break;
                case ';' when !inQuotes:
                    semicolons++;
                    break;
                case ',' when !inQuotes:
                    commas++;
                    break;
                default:
                    break;
            }
        }

        var best = Math.Max(tabs, Math.Max(semicolons, commas));
        return best == 0 ? null : best == tabs ? '\t' : best == semicolons ? ';' : ',';
    }

    public void Dispose() => reader.Dispose();
}
