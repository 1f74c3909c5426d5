namespace CampaignDesk.Core.Import.Parliament;

/// <summary>
/// Reads the Assemblée nationale, Datan and Sénat exports of parliamentarians into <see cref="ParliamentMember"/>s.
/// </summary>
/// <remarks>
/// These files are a few hundred kilobytes (the largest, ODSEN_GENERAL, about 1 MB; more than 64 MB is refused), so
/// the whole stream is buffered and a JSON file is validated to its end before the first record is returned: a
/// truncated or corrupt file yields nothing rather than half an import. Neither method needs a seekable stream.
/// </remarks>
public static class ParliamentReader
{
    /// <summary>
    /// Which of the four sources the stream holds. Reads the stream to its end; when it can seek it is put back where
    /// it was, so the same FileStream or MemoryStream can then be given to <see cref="Read"/>.
    /// </summary>
    /// <exception cref="InvalidDataException">Empty, binary, truncated or malformed JSON, or unrelated content.</exception>
    public static ParliamentSource Detect(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var start = stream.CanSeek ? stream.Position : 0;
        try
        {
            using var file = ParliamentFile.Load(stream);
            return file.Source;
        }
        finally
        {
            if (stream.CanSeek)
            {
                stream.Position = start;
            }
        }
    }

    /// <summary>
    /// Every record of the file, in order. A record gives a member, or a problem when it cannot be used (no id, no
    /// name), or both when the member is usable but something in it was not (an e-mail that is not an address, an
    /// unknown département for a sitting member…): report every problem, keep every member.
    /// </summary>
    /// <exception cref="InvalidDataException">
    /// Thrown by this call, before anything is enumerated, for an empty, binary, truncated or unrelated file.
    /// </exception>
    public static IEnumerable<(ParliamentMember? Member, ParliamentProblem? Problem)> Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var file = ParliamentFile.Load(stream);
        return file.Format switch
        {
            ParliamentFormat.AssembleeJson => AssembleeRows.Read(file),
            ParliamentFormat.SenatListJson => SenatListRows.Read(file),
            ParliamentFormat.SenatGeneralJson => SenatGeneralRows.ReadJson(file),
            ParliamentFormat.SenatGeneralCsv => SenatGeneralRows.ReadCsv(file),
            ParliamentFormat.DatanCsv => DatanRows.Read(file),
            _ => throw new InvalidDataException($"Format parlementaire non pris en charge : {file.Format}."),
        };
    }
}
