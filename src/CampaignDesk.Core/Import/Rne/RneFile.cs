namespace CampaignDesk.Core.Import.Rne;

/// <summary>
/// A streaming reader of one "Répertoire national des élus" file of any release since 2019. It owns the stream
/// it is given once <see cref="Open(Stream)"/> succeeds; rows are read one line at a time, by column name.
/// </summary>
public sealed class RneFile : IDisposable
{
    // Enough to see any BOM, the encoding of the headers and the line ends; the 2019 title line comes first.
    private const int SampleBytes = 64 * 1024;
    private const int MaxLinesBeforeHeader = 5;

    private readonly RneLineReader _lines;
    private readonly char _separator;
    private readonly RneRowMapper _mapper;
    private readonly RneHeader _header;
    private bool _readStarted;

    private RneFile(RneLineReader lines, char separator, RneHeader header, string formatDescription, DateOnly today)
    {
        _lines = lines;
        _header = header;
        _separator = separator;
        Type = RneTypeRules.Detect(header);
        FormatDescription = formatDescription;
        _mapper = new RneRowMapper(header, Type, today);
    }

    public RneFileType Type { get; }

    /// <summary>How the file was read, e.g. "tab-separated, cp1252, CRLF, title line, French headers".</summary>
    public string FormatDescription { get; }

    /// <summary>
    /// Detects the encoding, separator, an optional title line, the header naming and the file type. Throws
    /// <see cref="InvalidDataException"/> when the stream is empty, binary or has no recognisable RNE header.
    /// </summary>
    public static RneFile Open(Stream stream) => Open(stream, TimeProvider.System);

    internal static RneFile Open(Stream stream, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var sample = new byte[SampleBytes];
        var length = stream.ReadAtLeast(sample, SampleBytes, throwOnEndOfStream: false);
        if (sample.AsSpan(0, length).IndexOfAnyExcept(" \t\r\n"u8) < 0)
        {
            throw new InvalidDataException("le fichier est vide : un fichier du RNE commence par une ligne d'en-tête.");
        }

        var (encoding, bomLength, encodingName) = RneEncodings.Detect(sample.AsSpan(0, length), length < SampleBytes);
        var lineEnds = sample.AsSpan(0, length).IndexOf("\r\n"u8) >= 0 ? "CRLF" : "LF";
        var reader = new StreamReader(
            new ReplayStream(sample, length, stream), encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 16 * 1024);
        reader.BaseStream.ReadExactly(new byte[bomLength]);
        var lines = new RneLineReader(reader);

        var (separator, header, titleLine) = ReadHeader(lines);
        var missing = header.MissingRequired();
        if (missing.Count > 0)
        {
            throw new InvalidDataException(
                "ce n'est pas un fichier du RNE : colonne(s) manquante(s) : " + string.Join(", ", missing.Select(RneHeader.Label)) + ".");
        }

        var description = string.Join(", ", new[]
        {
            SeparatorName(separator) + "-separated",
            encodingName,
            lineEnds,
            titleLine ? "title line" : null,
            header.SnakeCase ? "snake_case headers" : "French headers",
        }.OfType<string>());
        return new RneFile(lines, separator, header, description, DateOnly.FromDateTime(time.GetLocalNow().DateTime));
    }

    /// <summary>
    /// Streams the rows after the header, one line in memory at a time. A row that cannot be read yields a
    /// problem with its line number, never an exception; blank lines are skipped. Can be enumerated once.
    /// </summary>
    public IEnumerable<(RneRecord? Record, RneProblem? Problem)> Read()
    {
        if (_readStarted)
        {
            throw new InvalidOperationException("An RNE file is read once, front to back: open it again to re-read.");
        }

        _readStarted = true;
        return ReadRows();
    }

    /// <summary>Whether the file has a column for <paramref name="field"/>.</summary>
    internal bool Names(RneField field) => _header.Has(field);

    public void Dispose() => _lines.Dispose();

    private IEnumerable<(RneRecord? Record, RneProblem? Problem)> ReadRows()
    {
        while (_lines.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = RneLineReader.Split(line, _separator);
            yield return fields is null
                ? (null, new RneProblem(_lines.LineNumber, "un champ entre guillemets n'est pas fermé sur sa ligne"))
                : _mapper.Map(_lines.LineNumber, fields);
        }
    }

    // The header is the first line that names at least two RNE columns; non-blank lines before it (2019's
    // "Titre du rapport") are a title. When none of the first lines qualifies, the first one stands as the
    // header so the missing columns can be named, unless the text holds control characters: then it is binary.
    private static (char Separator, RneHeader Header, bool TitleLine) ReadHeader(RneLineReader lines)
    {
        (char Separator, RneHeader Header)? first = null;
        var binary = false;
        while (lines.LineNumber < MaxLinesBeforeHeader && lines.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            binary |= line.Any(c => (char.IsControl(c) && c != '\t') || c == '\uFFFD');
            var separator = RneLineReader.DetectSeparator(line) ?? ';';
            var header = RneHeader.Parse(RneLineReader.Split(line, separator) ?? [line]);
            if (header.RecognisedCount >= 2 && !binary)
            {
                return (separator, header, first is not null);
            }

            first ??= (separator, header);
        }

        if (binary)
        {
            throw new InvalidDataException("ce n'est pas un fichier du RNE : le fichier est binaire, pas du texte délimité.");
        }

        if (first is null)
        {
            throw new InvalidDataException("le fichier est vide : un fichier du RNE commence par une ligne d'en-tête.");
        }

        return (first.Value.Separator, first.Value.Header, false);
    }

    private static string SeparatorName(char separator) => separator switch
    {
        '\t' => "tab",
        ';' => "semicolon",
        _ => "comma",
    };
}
