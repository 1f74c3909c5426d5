using System.Collections.Concurrent;
using System.Net.Http.Json;

namespace CampaignDesk.Api.Tests.Outages;

/// <summary>One POST /api/interactions and what came back (status 0: no answer at all).</summary>
internal sealed record WriteAttempt(string Notes, int Client, DateTime AtUtc, int Status, string? RetryAfter, string? ContentType, string Body);

/// <summary>
/// Clients that log contacts one after the other, each with notes that name it uniquely, until stopped; a client waits
/// a little after a refusal, as a well-behaved one does, and records every attempt.
/// </summary>
internal sealed class InteractionStream(HttpClient http, long campaignId, long organisationId, IReadOnlyList<long> officialIds)
{
    private readonly ConcurrentQueue<WriteAttempt> _attempts = new();
    private readonly DateTimeOffset _base = DateTimeOffset.UtcNow.AddDays(-1);

    public IReadOnlyList<WriteAttempt> Attempts => [.. _attempts];

    public int CountSince(DateTime sinceUtc, int status, int? client = null) =>
        _attempts.Count(a => a.AtUtc >= sinceUtc && a.Status == status && (client is null || a.Client == client));

    public Task RunAsync(int clients, CancellationToken stop) => Task.WhenAll(Enumerable.Range(0, clients).Select(c => ClientAsync(c, stop)));

    private async Task ClientAsync(int client, CancellationToken stop)
    {
        for (var sequence = 0; !stop.IsCancellationRequested; sequence++)
        {
            var notes = $"outage-{client}-{sequence}";
            var input = new
            {
                organisationId,
                officialId = officialIds[(client + sequence) % officialIds.Count],
                campaignId,
                channel = "phone",
                direction = "outbound",
                occurredAt = _base.AddSeconds((sequence * 10) + client),
                outcome = "spoke",
                notes,
                confidential = false,
            };
            var at = DateTime.UtcNow;
            WriteAttempt attempt;
            try
            {
                using var response = await http.PostAsJsonAsync("/api/interactions", input, CancellationToken.None);
                attempt = new WriteAttempt(notes, client, at, (int)response.StatusCode, response.Headers.RetryAfter?.ToString(),
                    response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(CancellationToken.None));
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                attempt = new WriteAttempt(notes, client, at, 0, null, null, ex.Message);
            }

            _attempts.Enqueue(attempt);
            await Task.Delay(attempt.Status == 201 ? 10 : 200, CancellationToken.None);
        }
    }
}
