using System.Net;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Import;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using Quartz;

namespace CampaignDesk.Core.Parliament;

/// <summary>
/// Downloads each configured file and imports it unless the same content was already imported (same sha-256). Transient
/// HTTP failures are retried (exponential back-off honouring Retry-After, a timeout per attempt); a file that still fails is
/// logged and the others go on.
/// </summary>
public sealed class ParliamentFetcher(HttpClient http, ParliamentImportService imports, Database database, IOptions<ParliamentFetchOptions> options,
    ILogger<ParliamentFetcher> logger)
{
    private static readonly ResiliencePipeline<HttpResponseMessage> Pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
        .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = 3,
            BackoffType = DelayBackoffType.Exponential,
            Delay = TimeSpan.FromSeconds(1),
            UseJitter = true,
            ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                .Handle<HttpRequestException>()
                .Handle<TimeoutRejectedException>()
                .HandleResult(r => r.StatusCode is HttpStatusCode.TooManyRequests || (int)r.StatusCode >= 500),
            DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.Headers.RetryAfter?.Delta is { } delta && delta < TimeSpan.FromMinutes(5)
                ? (TimeSpan?)delta
                : null),
        })
        .AddTimeout(TimeSpan.FromMinutes(5))
        .Build();

    /// <summary>The reports of the files actually imported (unchanged files are skipped).</summary>
    public async Task<IReadOnlyList<ImportReport>> FetchAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.BaseUrl is null)
        {
            throw new InvalidOperationException("Import:Parliament:BaseUrl is not set.");
        }

        var reports = new List<ImportReport>();
        foreach (var name in settings.Files)
        {
            var path = Path.GetTempFileName();
            try
            {
                var url = new Uri(settings.BaseUrl.ToString().TrimEnd('/') + "/" + Uri.EscapeDataString(name));
                await DownloadAsync(url, path, settings.MaxFileBytes, cancellationToken);
                await using (var file = File.OpenRead(path))
                {
                    var sha256 = Convert.ToHexStringLower(await System.Security.Cryptography.SHA256.HashDataAsync(file, cancellationToken));
                    if (await database.ReadAsync(session => session.ScalarAsync<int>(
                            "SELECT COUNT(*) FROM import_runs WHERE sha256 = @sha256 AND status = 'succeeded'", new { sha256 }), cancellationToken) > 0)
                    {
                        logger.LogInformation("Parliament fetch: {File} unchanged since its last import", name);
                        continue;
                    }
                }

                reports.Add(await imports.ImportAsync(() => File.OpenRead(path), name, cancellationToken));
            }
            catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or InvalidDataException or IOException)
            {
                logger.LogError(ex, "Parliament fetch: {File} could not be fetched or read; the other files go on", name);
            }
            finally
            {
                File.Delete(path);
            }
        }

        return reports;
    }

    private async Task DownloadAsync(Uri url, string path, long maxBytes, CancellationToken cancellationToken)
    {
        using var response = await Pipeline.ExecuteAsync(
            async token => await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, token), cancellationToken);
        response.EnsureSuccessStatusCode();
        if (response.Content.Headers.ContentLength > maxBytes)
        {
            throw new InvalidDataException($"{url} is larger than {maxBytes} bytes.");
        }

        await using var source = await response.Content.ReadAsStreamAsync(cancellationToken);
        await using var target = File.Create(path);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > maxBytes)
            {
                throw new InvalidDataException($"{url} is larger than {maxBytes} bytes.");
            }

            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
    }
}

/// <summary>Fetches the parliament files on the configured schedule (Import:Parliament, off by default).</summary>
[DisallowConcurrentExecution]
public sealed class ParliamentFetchJob(ParliamentFetcher fetcher) : IJob
{
    public static readonly JobKey Key = new("parliament-fetch", "campaigndesk");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await fetcher.FetchAsync(cancellationToken);
}
