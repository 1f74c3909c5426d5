using System.Data.Common;
using System.Diagnostics.Metrics;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.FollowUps;
using Dapper;
using Microsoft.Extensions.Logging;

namespace CampaignDesk.Core.Observability;

/// <summary>
/// The outbox's size by state, as the gauge <c>campaigndesk.followups.queue_depth</c>. A gauge's callback cannot wait for
/// a query, and scrapes must not turn into queries: <see cref="RefreshAsync"/> (called before a collection) counts at
/// most once per <see cref="MaxAge"/>, one caller at a time, and the gauge reports the last counts.
/// </summary>
public sealed class FollowUpQueueDepth : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private static readonly string[] States = [FollowUpStates.Scheduled, FollowUpStates.Claimed, FollowUpStates.Failed];

    private readonly Database _database;
    private readonly TimeProvider _time;
    private readonly ILogger<FollowUpQueueDepth> _logger;
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private volatile Snapshot? _snapshot;

    public FollowUpQueueDepth(Database database, TimeProvider time, IMeterFactory meters, ILogger<FollowUpQueueDepth> logger)
    {
        (_database, _time, _logger) = (database, time, logger);
        meters.Create(CampaignDeskMetrics.MeterName).CreateObservableGauge("campaigndesk.followups.queue_depth", Observe, "{follow-up}",
            "Follow-ups in the outbox by state (scheduled, claimed, failed), counted at most every 5 seconds.");
    }

    /// <summary>How many times the outbox was counted (for tests: scrapes must not multiply queries).</summary>
    public int Refreshes { get; private set; }

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (IsFresh())
        {
            return;
        }

        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            if (IsFresh())
            {
                return;
            }

            await using var connection = await _database.OpenAsync(cancellationToken);
            var counts = (await connection.QueryAsync<(string State, long Count)>(_database.Command(
                $"SELECT state, COUNT(*) FROM followups WHERE state IN ('{FollowUpStates.Scheduled}', '{FollowUpStates.Claimed}', '{FollowUpStates.Failed}') GROUP BY state",
                cancellationToken: cancellationToken))).ToDictionary(c => c.State, c => c.Count, StringComparer.Ordinal);
            _snapshot = new Snapshot(_time.GetUtcNow(), counts);
            Refreshes++;
        }
        catch (Exception ex) when (ex is DbException or DatabaseUnavailableException)
        {
            // No number rather than an old one: the series disappear, which an alert on absent() sees.
            _snapshot = null;
            _logger.LogWarning("The outbox could not be counted for the queue depth gauge: {Error}", ex.GetType().Name);
        }
        finally
        {
            _refreshing.Release();
        }
    }

    public void Dispose() => _refreshing.Dispose();

    private bool IsFresh() => _snapshot is { } snapshot && _time.GetUtcNow() - snapshot.At < MaxAge;

    private IEnumerable<Measurement<long>> Observe() =>
        _snapshot is { } snapshot
            ? States.Select(state => new Measurement<long>(snapshot.Counts.GetValueOrDefault(state), new KeyValuePair<string, object?>("state", state)))
            : [];

    private sealed record Snapshot(DateTimeOffset At, IReadOnlyDictionary<string, long> Counts);
}
