using CampaignDesk.Core.Data;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CampaignDesk.Core.Import.Refresh;

/// <summary>
/// Downloads each configured directory file and imports it unless the same content was already imported
/// (<see cref="PublisherFiles"/>: retries, size cap, sha-256). Imports themselves are the ordinary, atomic runs.
/// </summary>
public sealed class OfficialsRefresher(HttpClient http, ImportService imports, Database database, IOptions<RefreshOptions> options,
    ILogger<OfficialsRefresher> logger)
{
    private readonly PublisherFiles _files = new(http, database, logger, "Refresh", TimeSpan.FromMinutes(2));

    /// <summary>Returns the reports of the files actually imported (unchanged files are skipped).</summary>
    public Task<IReadOnlyList<ImportReport>> RefreshAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var baseUrl = settings.BaseUrl ?? throw new InvalidOperationException("Import:Refresh:BaseUrl is not set.");
        return _files.ImportEachAsync(baseUrl, settings.Files, settings.MaxFileBytes,
            (path, name, token) => imports.ImportAsync(() => File.OpenRead(path), name, token), cancellationToken);
    }
}
