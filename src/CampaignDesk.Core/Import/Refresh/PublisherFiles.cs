using System.Net;
using System.Security.Cryptography;
using CampaignDesk.Core.Data;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace CampaignDesk.Core.Import.Refresh;

/// <summary>
/// A publisher's files fetched for a scheduled import (the directory's refresh, the parliament fetch): each downloaded to a
/// temporary file under a size cap, transient HTTP failures retried (Polly: exponential back-off honouring Retry-After, a
/// timeout per attempt), skipped when the same content (sha-256) was already imported, imported otherwise; a file that
/// still fails is logged and the others go on.
/// </summary>
public sealed class PublisherFiles(HttpClient http, Database database, ILogger logger, string what, TimeSpan attemptTimeout)
{
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
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
        .AddTimeout(attemptTimeout)
        .Build();

    /// <summary>The reports of the files actually imported (unchanged files are skipped); <paramref name="import"/> reads the
    /// downloaded file (its path, then the publisher's name for it).</summary>
    public async Task<IReadOnlyList<ImportReport>> ImportEachAsync(Uri baseUrl, IEnumerable<string> files, long maxBytes,
        Func<string, string, CancellationToken, Task<ImportReport>> import, CancellationToken cancellationToken)
    {
        var reports = new List<ImportReport>();
        foreach (var name in files)
        {
            var path = Path.GetTempFileName();
            try
            {
                var url = new Uri(baseUrl.ToString().TrimEnd('/') + "/" + Uri.EscapeDataString(name));
                await DownloadAsync(url, path, maxBytes, cancellationToken);
                if (await AlreadyImportedAsync(path, cancellationToken))
                {
                    logger.LogInformation("{What}: {File} unchanged since its last import", what, name);
                    continue;
                }

                reports.Add(await import(path, name, cancellationToken));
            }
            catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or InvalidDataException or IOException)
            {
                logger.LogError(ex, "{What}: {File} could not be fetched or read; the other files go on", what, name);
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
        using var response = await _pipeline.ExecuteAsync(
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

    private async Task<bool> AlreadyImportedAsync(string path, CancellationToken cancellationToken)
    {
        string sha256;
        await using (var file = File.OpenRead(path))
        {
            sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
        }

        return await database.ReadAsync(session => session.ScalarAsync<int>(
            "SELECT COUNT(*) FROM import_runs WHERE sha256 = @sha256 AND status = 'succeeded'", new { sha256 }), cancellationToken) > 0;
    }
}
