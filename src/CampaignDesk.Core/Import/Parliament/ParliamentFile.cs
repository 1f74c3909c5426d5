using System.Text;
using System.Text.Json;
using CampaignDesk.Core.Import.Identity;

namespace CampaignDesk.Core.Import.Parliament;

/// <summary>A whole parliament file in memory, its format recognised and, for JSON, validated to the end.</summary>
internal sealed class ParliamentFile : IDisposable
{
    private const int MaxBytes = 64 * 1024 * 1024;
    private const int SniffBytes = 8192;
    private static readonly string[] DatanColumns = ["id", "legislature", "civ", "nom", "prenom"];
    private static readonly string[] SenatGeneralColumns = ["matricule", "nom usuel", "prenom usuel"];

    private ParliamentFile(ParliamentFormat format, JsonDocument? json, string? text)
    {
        Format = format;
        Json = json;
        Text = text;
    }

    public ParliamentFormat Format { get; }

    public JsonDocument? Json { get; }

    public string? Text { get; }

    public ParliamentSource Source => Format switch
    {
        ParliamentFormat.AssembleeJson => ParliamentSource.Assemblee,
        ParliamentFormat.DatanCsv => ParliamentSource.Datan,
        ParliamentFormat.SenatListJson => ParliamentSource.SenatList,
        _ => ParliamentSource.SenatGeneral,
    };

    public static ParliamentFile Load(Stream stream)
    {
        var bytes = ReadAll(stream);
        var body = SkipBomAndSpace(bytes);
        if (body.IsEmpty)
        {
            throw new InvalidDataException("Le fichier est vide : un export des parlementaires de l'Assemblée, de Datan ou du Sénat était attendu.");
        }

        var head = body[..Math.Min(body.Length, SniffBytes)];
        if (head.Contains((byte)0) || head.ToArray().Count(b => b < 0x20 && b is not (9 or 10 or 13 or 12)) > head.Length / 20)
        {
            throw new InvalidDataException(
                "Le fichier est binaire (octets NUL ou de contrôle), ce n'est pas un export des parlementaires de l'Assemblée, de Datan ou du Sénat.");
        }

        return body[0] is (byte)'[' or (byte)'{' ? LoadJson(bytes.AsMemory(bytes.Length - body.Length)) : LoadCsv(bytes);
    }

    public void Dispose() => Json?.Dispose();

    private static ParliamentFile LoadJson(ReadOnlyMemory<byte> bytes)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Le fichier n'est pas du JSON valide (tronqué ou corrompu), ligne {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1}.", ex);
        }

        try
        {
            return new ParliamentFile(ClassifyJson(document.RootElement), document, null);
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    private static ParliamentFormat ClassifyJson(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Object
            && root.TryGetProperty("results", out var results)
            && results.ValueKind == JsonValueKind.Array)
        {
            if (FirstObject(results) is { } first && first.TryGetProperty("Matricule", out _))
            {
                return ParliamentFormat.SenatGeneralJson;
            }

            throw new InvalidDataException(
                "Le JSON a un tableau « results » dont les enregistrements n'ont pas de « Matricule » : ce n'est pas un export ODSEN_GENERAL du Sénat.");
        }

        if (root.ValueKind == JsonValueKind.Array)
        {
            var first = FirstObject(root)
                ?? throw new InvalidDataException("Le tableau JSON ne contient aucun enregistrement : rien ne dit de quelle source parlementaire il vient.");
            if (first.TryGetProperty("matricule", out _) && first.TryGetProperty("circonscription", out _))
            {
                return ParliamentFormat.SenatListJson;
            }

            if (first.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                && id.GetString()!.StartsWith("PA", StringComparison.Ordinal)
                && (first.TryGetProperty("dept", out _) || first.TryGetProperty("circo", out _)))
            {
                return ParliamentFormat.AssembleeJson;
            }
        }

        throw new InvalidDataException(
            "Le JSON n'est ni une liste des députés de l'Assemblée ([{\"id\":\"PA…\",\"dept\",\"circo\"…}]), ni une liste du Sénat "
            + "([{\"matricule\",\"circonscription\"…}]), ni l'export ODSEN_GENERAL du Sénat ({\"results\":[{\"Matricule\"…}]}).");
    }

    private static JsonElement? FirstObject(JsonElement array)
    {
        foreach (var item in array.EnumerateArray())
        {
            return item.ValueKind == JsonValueKind.Object ? item : null;
        }

        return null;
    }

    private static ParliamentFile LoadCsv(byte[] bytes)
    {
        var text = Decode(bytes);
        var header = text.Split('\n').Select(line => line.TrimEnd('\r'))
            .FirstOrDefault(line => line.Length > 0 && !line.StartsWith('%')) ?? string.Empty;
        var columns = header.Split(',').Select(column => PersonNames.Fold(column.Trim('"', ' '))).ToHashSet(StringComparer.Ordinal);
        if (DatanColumns.All(columns.Contains))
        {
            return new ParliamentFile(ParliamentFormat.DatanCsv, null, text);
        }

        if (SenatGeneralColumns.All(columns.Contains))
        {
            return new ParliamentFile(ParliamentFormat.SenatGeneralCsv, null, text);
        }

        var shown = header.Length > 120 ? header[..120] + "…" : header;
        throw new InvalidDataException(
            $"Contenu non reconnu : l'en-tête « {shown} » n'est ni celui de Datan (id,legislature,civ,nom,prenom,…) ni celui de "
            + "l'export ODSEN_GENERAL du Sénat (Matricule,Qualité,Nom usuel,Prénom usuel,…), et le fichier n'est pas du JSON.");
    }

    /// <summary>UTF-8 when the bytes are valid UTF-8, else Windows-1252 (the Sénat's CSV).</summary>
    private static string Decode(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetString(bytes);
        }
    }

    private static ReadOnlySpan<byte> SkipBomAndSpace(byte[] bytes)
    {
        ReadOnlySpan<byte> span = bytes;
        if (span.StartsWith("\uFEFF"u8))
        {
            span = span[3..];
        }

        return span.TrimStart(" \t\r\n"u8);
    }

    private static byte[] ReadAll(Stream stream)
    {
        // A file too large is told by its length when it has one, not by reading 64 MB of it first (an RNE file of
        // a million rows goes through here before it is recognised).
        if (stream.CanSeek && stream.Length - stream.Position > MaxBytes)
        {
            throw TooLarge();
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw TooLarge();
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static InvalidDataException TooLarge() =>
        new($"Le fichier dépasse {MaxBytes / 1024 / 1024} Mo : ce n'est pas un export des parlementaires.");
}
