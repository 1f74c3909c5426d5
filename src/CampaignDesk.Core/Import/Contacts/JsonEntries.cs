using System.IO.Compression;
using System.Text.Json;

namespace CampaignDesk.Core.Import.Contacts;

/// <summary>
/// The JSON documents of a file: itself when it is JSON, or each <c>.json</c> entry of a zip archive (the Assemblée
/// publishes its acteurs as <c>json/acteur/PA….json</c> in one zip). Entries are read one at a time, each at most
/// <see cref="MaxEntryBytes"/>, so an archive of tens of thousands of people costs one document of memory.
/// </summary>
internal static class JsonEntries
{
    public const int MaxEntryBytes = 8 * 1024 * 1024;
    public const int MaxEntries = 200_000;

    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static bool IsZip(Stream stream)
    {
        Span<byte> head = stackalloc byte[4];
        var read = stream.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        return read == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    /// <summary>Each entry: its 1-based number, its name, and the document or why it could not be read.</summary>
    public static IEnumerable<(int Number, string Name, JsonDocument? Document, string? Problem)> Read(Stream stream, string fileName)
    {
        if (!IsZip(stream))
        {
            stream.Position = 0;
            yield return Parse(1, fileName, stream);
            yield break;
        }

        stream.Position = 0;
        using var archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        var entries = archive.Entries.Where(e => e.FullName.EndsWith(".json", StringComparison.OrdinalIgnoreCase)).ToList();
        if (entries.Count > MaxEntries)
        {
            throw new InvalidDataException($"The archive holds {entries.Count:N0} JSON files; at most {MaxEntries:N0} are read.");
        }

        var number = 0;
        foreach (var entry in entries)
        {
            number++;
            if (entry.Length > MaxEntryBytes)
            {
                yield return (number, entry.FullName, null, $"{entry.FullName} : plus de {MaxEntryBytes / 1024 / 1024} Mo une fois décompressé");
                continue;
            }

            using var content = new MemoryStream();
            using (var source = entry.Open())
            {
                // The declared size may lie: never copy more than the limit.
                var buffer = new byte[81920];
                int read;
                while ((read = source.Read(buffer, 0, buffer.Length)) > 0 && content.Length <= MaxEntryBytes)
                {
                    content.Write(buffer, 0, read);
                }
            }

            if (content.Length > MaxEntryBytes)
            {
                yield return (number, entry.FullName, null, $"{entry.FullName} : plus de {MaxEntryBytes / 1024 / 1024} Mo une fois décompressé");
                continue;
            }

            content.Position = 0;
            yield return Parse(number, entry.FullName, content);
        }
    }

    private static (int, string, JsonDocument?, string?) Parse(int number, string name, Stream stream)
    {
        try
        {
            return (number, name, JsonDocument.Parse(stream, Options), null);
        }
        catch (JsonException ex)
        {
            return (number, name, null, $"{name} : JSON illisible ({ex.Message})");
        }
    }
}
