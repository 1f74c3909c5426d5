using System.IO.Compression;

namespace CampaignDesk.Api.Cli;

/// <summary>
/// A folder's JSON files zipped into a temporary file, in name order with a fixed date, so the same folder always gives
/// the same archive (and the same hash in the run's report); deleted when disposed.
/// </summary>
internal sealed class FolderArchive : IDisposable
{
    private FolderArchive(string path, string name) => (Path, Name) = (path, name);

    public string Path { get; }

    /// <summary>The folder's name with « .zip », which keeps a release date written in it.</summary>
    public string Name { get; }

    public static FolderArchive Create(string folder)
    {
        var path = System.IO.Path.GetTempFileName();
        using (var stream = File.Create(path))
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var entry = zip.CreateEntry(System.IO.Path.GetRelativePath(folder, file).Replace('\\', '/'), CompressionLevel.Fastest);
                entry.LastWriteTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
                using var source = File.OpenRead(file);
                using var target = entry.Open();
                source.CopyTo(target);
            }
        }

        return new FolderArchive(path, System.IO.Path.GetFileName(System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(folder))) + ".zip");
    }

    public void Dispose() => File.Delete(Path);
}
