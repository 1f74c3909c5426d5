using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CampaignDesk.Core.Import.Contacts;

/// <summary>Recognises the files of contact details from their content: the Assemblée's acteurs, the directory's mairies.</summary>
internal static partial class ContactFiles
{
    public const string Acteurs = "AssembleeActeurs";
    public const string Mairies = "Mairies";

    private const int SniffBytes = 64 * 1024;
    private const int SniffEntries = 20;

    /// <summary>(import source, file type, format) of a contact file, or null when it is none of them.</summary>
    public static (string Source, string FileType, string Format)? Detect(Func<Stream> open)
    {
        using var stream = open();
        if (JsonEntries.IsZip(stream))
        {
            stream.Position = 0;
            return HoldsActeurs(stream) ? ("assemblee", Acteurs, "zip of Assemblée nationale acteur files (JSON, open data AMO)") : null;
        }

        stream.Position = 0;
        var head = Head(stream);
        if (ActeurRoot().IsMatch(head))
        {
            return ("assemblee", Acteurs, "Assemblée nationale acteur file (JSON, open data AMO)");
        }

        if (head.StartsWith('[') || head.StartsWith('{'))
        {
            return MairieDirectory.IsDirectoryJson(head) ? (MairieImporter.Source, Mairies, "JSON of the administration's directory (mairies)") : null;
        }

        return MairieDirectory.IsCsvHeader(head.Split('\n')[0])
            ? (MairieImporter.Source, Mairies, "comma-separated mairies' e-mails of the administration's directory (département, commune, email)")
            : null;
    }

    /// <summary>True when the file is JSON (the directory's records) rather than the CSV extract.</summary>
    public static bool IsJson(Stream stream)
    {
        var head = Head(stream);
        stream.Position = 0;
        return head.StartsWith('[') || head.StartsWith('{');
    }

    private static bool HoldsActeurs(Stream stream)
    {
        try
        {
            using var archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            foreach (var entry in archive.Entries.Where(e => e.FullName.EndsWith(".json", StringComparison.OrdinalIgnoreCase)).Take(SniffEntries))
            {
                using var content = entry.Open();
                var buffer = new byte[Math.Min(SniffBytes, Math.Max(0, (int)Math.Min(entry.Length, SniffBytes)))];
                var read = content.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
                if (ActeurRoot().IsMatch(Encoding.UTF8.GetString(buffer, 0, read).TrimStart('\uFEFF')))
                {
                    return true;
                }
            }
        }
        catch (InvalidDataException)
        {
            return false;
        }

        return false;
    }

    // The first 64 KB as text, without a byte-order mark or leading white space.
    private static string Head(Stream stream)
    {
        var buffer = new byte[SniffBytes];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return Encoding.UTF8.GetString(buffer, 0, read).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
    }

    [GeneratedRegex(@"^\s*\{\s*""acteur""\s*:")]
    private static partial Regex ActeurRoot();
}
