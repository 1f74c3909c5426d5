using CampaignDesk.Core.Data;
using CampaignDesk.Core.Import;
using CampaignDesk.Core.Import.Refresh;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace CampaignDesk.Core.Parliament;

/// <summary>
/// Downloads each configured parliament file and imports it unless the same content was already imported
/// (<see cref="PublisherFiles"/>: retries, size cap, sha-256).
/// </summary>
public sealed class ParliamentFetcher(HttpClient http, ParliamentImportService imports, Database database, IOptions<ParliamentFetchOptions> options,
    ILogger<ParliamentFetcher> logger)
{
    private readonly PublisherFiles _files = new(http, database, logger, "Parliament fetch", TimeSpan.FromMinutes(5));

    /// <summary>The reports of the files actually imported (unchanged files are skipped).</summary>
    public Task<IReadOnlyList<ImportReport>> FetchAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var baseUrl = settings.BaseUrl ?? throw new InvalidOperationException("Import:Parliament:BaseUrl is not set.");
        return _files.ImportEachAsync(baseUrl, settings.Files, settings.MaxFileBytes,
            (path, name, token) => imports.ImportAsync(() => File.OpenRead(path), name, token), cancellationToken);
    }
}

/// <summary>Fetches the parliament files on the configured schedule (Import:Parliament, off by default).</summary>
[DisallowConcurrentExecution]
public sealed class ParliamentFetchJob(ParliamentFetcher fetcher) : IJob
{
    public static readonly JobKey Key = new("parliament-fetch", "campaigndesk");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await fetcher.FetchAsync(cancellationToken);
}
