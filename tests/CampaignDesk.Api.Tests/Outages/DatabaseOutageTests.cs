using System.Diagnostics;
using System.Text.Json;
using CampaignDesk.Core.Data;
using CampaignDesk.TestSupport;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CampaignDesk.Api.Tests.Outages;

/// <summary>
/// The database goes away under a stream of writes and comes back, with the real API process in front: while it is away
/// every write is refused with 503, a problem and Retry-After (never a 500, never a stack trace), readiness says why;
/// once it is back the same process serves again, and the database holds every acknowledged write exactly once and
/// each unacknowledged one wholly or not at all. ~20-30 s each. SQLite's case is a write lock held by another process:
/// writes are refused after Database:CommandTimeoutSeconds and readiness says so (its write probe waits too), reads go on.
/// </summary>
public class DatabaseOutageTests
{
    private const int Clients = 4;

    [Test]
    public async Task Postgres_StoppedMidStreamAndRestarted_503sThenRecoversWithEachAcknowledgedWriteOnce()
    {
        await using var server = await ThrowawayPostgres.StartAsync();
        // Unpooled: a pooled connection of the test's would die with the server and fail the first query after it.
        var database = new Database(DatabaseProvider.Postgres, server.ConnectionString + ";Pooling=false");
        await using var api = await ApiProcess.StartAsync(new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["Database__ConnectionString"] = server.ConnectionString,
            ["Worker__HeartbeatInterval"] = "00:00:01",
        });
        var stream = await StreamAsync(database, api);
        using var stop = new CancellationTokenSource();
        var streaming = stream.RunAsync(Clients, stop.Token);

        await WaitForAsync(() => stream.CountSince(DateTime.MinValue, 201) >= 20, "writes before the outage", api);
        var stopped = DateTime.UtcNow;
        await server.StopAsync();
        await WaitForAsync(() => stream.CountSince(stopped, 503) >= 8, "refusals during the outage", api);
        var (readyStatus, ready) = await ReadyAsync(api);
        var restarted = DateTime.UtcNow;
        await server.StartAgainAsync();
        await WaitForAsync(() => Enumerable.Range(0, Clients).All(c => stream.CountSince(restarted, 201, c) >= 3), "writes after the restart", api);
        await stop.CancelAsync();
        await streaming;

        TestContext.Out.WriteLine($"readiness during the outage: {readyStatus} {ready}");
        Assert.Multiple(() =>
        {
            Assert.That(readyStatus, Is.EqualTo(503));
            Assert.That(ready, Does.Contain("\"Unhealthy\"").And.Contain("Postgres unreachable: Connection refused"));
        });
        await AssertOutageHandledAsync(database, stream, api);
    }

    [Test]
    public async Task Sqlite_FileLockedByAnotherProcess_503sWhileLockedThenRecoversWithEachAcknowledgedWriteOnce()
    {
        var folder = Directory.CreateTempSubdirectory("campaigndesk-lock-");
        try
        {
            var connectionString = $"Data Source={Path.Combine(folder.FullName, "campaigndesk.db")}";
            var database = new Database(DatabaseProvider.Sqlite, connectionString);
            await using var api = await ApiProcess.StartAsync(new Dictionary<string, string>
            {
                ["Database__ConnectionString"] = connectionString,
                // How long a statement waits for a lock before the request is refused.
                ["Database__CommandTimeoutSeconds"] = "2",
                ["Worker__HeartbeatInterval"] = "00:00:01",
            });
            var stream = await StreamAsync(database, api);
            using var stop = new CancellationTokenSource();
            var streaming = stream.RunAsync(Clients, stop.Token);

            await WaitForAsync(() => stream.CountSince(DateTime.MinValue, 201) >= 20, "writes before the lock", api);
            int readyStatus, readStatus;
            string ready;
            DateTime unlocked;
            // Another process holds the write lock (a script, a tool left in a transaction). In WAL mode readers go on: a
            // file opened exclusively by another program cannot happen while the API has it open.
            await using (var holder = new SqliteConnection(connectionString + ";Pooling=False"))
            {
                await holder.OpenAsync();
                await holder.ExecuteAsync("PRAGMA busy_timeout = 10000");
                await holder.ExecuteAsync("BEGIN EXCLUSIVE");
                var locked = DateTime.UtcNow;
                await WaitForAsync(() => stream.CountSince(locked, 503) >= 8, "refusals while locked", api, stream);
                // Readiness keeps its write probe's answer for WriteProbe.Fresh (the one of ApiProcess's start may still
                // be fresh): ask as an orchestrator does, until a probe has run under the lock.
                var asking = Stopwatch.StartNew();
                (readyStatus, ready) = await ReadyAsync(api);
                while (readyStatus != 503 && asking.Elapsed < WriteProbe.Fresh + TimeSpan.FromSeconds(10))
                {
                    await Task.Delay(250);
                    (readyStatus, ready) = await ReadyAsync(api);
                }
                readStatus = (int)(await api.Http.GetAsync("/api/interactions?pageSize=5")).StatusCode;
                await holder.ExecuteAsync("ROLLBACK");
                unlocked = DateTime.UtcNow;
            }

            await WaitForAsync(() => Enumerable.Range(0, Clients).All(c => stream.CountSince(unlocked, 201, c) >= 3), "writes after the lock", api);
            await stop.CancelAsync();
            await streaming;

            TestContext.Out.WriteLine($"readiness while locked: {readyStatus} {ready}");
            Assert.Multiple(() =>
            {
                // The lock outlived Database:CommandTimeoutSeconds (writes were refused): readiness says so, from its write probe.
                Assert.That(readyStatus, Is.EqualTo(503), "writes fail while the lock is held past the command timeout");
                // « A write has waited 2 s for a lock », or « database is locked » when the probe's own busy timeout ends first.
                Assert.That(ready, Does.Contain("\"writes\":{\"status\":\"Unhealthy\"").And.Contain("lock"));
                Assert.That(readStatus, Is.EqualTo(200), "reads go on while writes wait for the lock");
            });
            await AssertOutageHandledAsync(database, stream, api);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>A campaign, an organisation that takes part in it and a few officials, from the seeded data.</summary>
    private static async Task<InteractionStream> StreamAsync(Database database, ApiProcess api)
    {
        await using var connection = await database.OpenAsync(default);
        var campaign = await connection.QuerySingleAsync<long>("SELECT MIN(id) FROM campaigns");
        var organisation = await connection.QuerySingleAsync<long>("SELECT MIN(id) FROM organisations");
        await connection.ExecuteAsync("""
            INSERT INTO campaign_organisations (campaign_id, organisation_id)
            SELECT @campaign, @organisation WHERE NOT EXISTS (SELECT 1 FROM campaign_organisations WHERE campaign_id = @campaign AND organisation_id = @organisation)
            """, new { campaign, organisation });
        var officials = (await connection.QueryAsync<long>("SELECT id FROM officials ORDER BY id LIMIT 6")).ToList();
        return new InteractionStream(api.Http, campaign, organisation, officials);
    }

    private static async Task<(int Status, string Body)> ReadyAsync(ApiProcess api)
    {
        using var response = await api.Http.GetAsync("/health/ready");
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task AssertOutageHandledAsync(Database database, InteractionStream stream, ApiProcess api)
    {
        var attempts = stream.Attempts;
        var acknowledged = attempts.Where(a => a.Status == 201).Select(a => a.Notes).ToHashSet(StringComparer.Ordinal);
        var refused = attempts.Where(a => a.Status == 503).ToList();
        await using var connection = await database.OpenAsync(default);
        var stored = (await connection.QueryAsync<(string Notes, long Count)>(
            "SELECT notes, COUNT(*) FROM interactions WHERE notes LIKE 'outage-%' GROUP BY notes")).ToDictionary(r => r.Notes, r => r.Count);
        // Each interaction was written with its audit entry and its campaign summary, in one transaction: count them
        // independently of the API.
        var withoutOneAudit = await connection.QuerySingleAsync<long>("""
            SELECT COUNT(*) FROM interactions i
            WHERE (SELECT COUNT(*) FROM audit_entries a WHERE a.entity = 'interaction' AND a.action = 'create' AND a.entity_id = CAST(i.id AS text)) <> 1
            """);
        var logged = (await connection.QueryAsync<(long CampaignId, long OfficialId, long OrganisationId, DateTime Last)>("""
            SELECT campaign_id, official_id, organisation_id, MAX(occurred_utc) FROM interactions WHERE campaign_id IS NOT NULL
            GROUP BY campaign_id, official_id, organisation_id
            """)).ToList();
        var contacts = (await connection.QueryAsync<(long CampaignId, long OfficialId, long OrganisationId, DateTime Last)>(
            "SELECT campaign_id, official_id, organisation_id, last_contact_utc FROM campaign_contacts")).ToList();
        var progress = (await connection.QueryAsync<(long CampaignId, long OfficialId, DateTime? Last)>(
            "SELECT campaign_id, official_id, last_contact_utc FROM campaign_progress")).ToList();
        var expectedProgress = logged.GroupBy(l => (l.CampaignId, l.OfficialId)).Select(g => (g.Key.CampaignId, g.Key.OfficialId, (DateTime?)g.Max(l => l.Last)));

        TestContext.Out.WriteLine($"{attempts.Count} writes: {acknowledged.Count} acknowledged, {refused.Count} refused with 503, " +
            $"{attempts.Count(a => a.Status != 201 && stored.ContainsKey(a.Notes))} unacknowledged yet stored");
        Assert.Multiple(() =>
        {
            Assert.That(attempts.Where(a => a.Status is not (201 or 503)).Select(a => $"{a.Notes}: {a.Status} {a.Body}"), Is.Empty, "only 201 or 503");
            Assert.That(refused.Where(a => a.ContentType != "application/problem+json" || a.RetryAfter is null).Select(a => a.Body), Is.Empty,
                "each 503 is a problem with Retry-After");
            Assert.That(refused.Where(a => a.Body.Contains("   at ", StringComparison.Ordinal) || a.Body.Contains("Exception", StringComparison.Ordinal))
                .Select(a => a.Body), Is.Empty, "no stack trace, no exception");
            Assert.That(refused.Select(a => JsonDocument.Parse(a.Body).RootElement.GetProperty("status").GetInt32()), Is.All.EqualTo(503));
            Assert.That(acknowledged.Where(n => !stored.TryGetValue(n, out var count) || count != 1), Is.Empty, "each acknowledged write stored once");
            Assert.That(stored.Where(s => s.Value != 1).Select(s => s.Key), Is.Empty, "no write stored twice");
            Assert.That(stored.Keys.Where(n => !attempts.Any(a => a.Notes == n)), Is.Empty);
            Assert.That(withoutOneAudit, Is.Zero, "each interaction has its one audit entry");
            Assert.That(contacts, Is.EquivalentTo(logged), "campaign_contacts agrees with the interactions");
            Assert.That(progress, Is.SupersetOf(expectedProgress), "campaign_progress agrees with the interactions");
            Assert.That(api.Process.HasExited, Is.False, "the API kept running");
            Assert.That(api.Process.Output, Does.Not.Contain("fail: Microsoft.AspNetCore"), "no request failed with a 500");
        });
    }

    private static async Task WaitForAsync(Func<bool> condition, string what, ApiProcess api, InteractionStream? stream = null)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(30) || api.Process.HasExited)
            {
                var statuses = string.Join(", ", (stream?.Attempts ?? []).GroupBy(a => a.Status).Select(g => $"{g.Key} ×{g.Count()}"));
                Assert.Fail($"{what}: not within 30 s (answers so far: {statuses}).\n{api.Process.Output}");
            }

            await Task.Delay(50);
        }
    }
}
