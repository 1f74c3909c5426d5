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
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (true)
        {
            while (i < line.Length && line[i] == ' ')
            {
                i++;
            }

            var quoted = i < line.Length && line[i] == Quote;
            if (quoted)
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

                if (!closed)
                {
                    return null;
                }
            }

            // Unquoted text, or whatever follows a closing quote up to the separator, is taken literally.
            while (i < line.Length && line[i] != separator)
            {
                field.Append(line[i++]);
            }

            fields.Add(field.ToString().Trim());
            field.Clear();
            if (i >= line.Length)
            {
                return fields;
            }

            i++;
        }
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
