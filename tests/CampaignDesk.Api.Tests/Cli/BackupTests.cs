using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Interactions;
using CampaignDesk.TestSupport;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CampaignDesk.Api.Tests.Cli;

/// <summary>
/// <c>backup FILE</c> run as a real process beside the real API while clients log interactions through HTTP, and
/// <c>restore FILE</c> once the API is stopped: the copy is consistent and serves the API.
/// </summary>
public class BackupTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static readonly Dictionary<string, string> Environment = new()
    {
        ["Seed__Officials"] = "false",
        ["Seed__Campaign"] = "false",
        ["RateLimiting__TokenBurst"] = "100000",
        ["RateLimiting__TokenPerSecond"] = "100000",
    };

    private readonly ConcurrentQueue<(long Id, long AckedAt)> _acked = new();
    private readonly ConcurrentQueue<string> _refused = new();

    [Test]
    public async Task Backup_UnderWriteLoad_RestoresToAConsistentDatabaseThatServesTheApi()
    {
        var root = Directory.CreateTempSubdirectory("campaigndesk-backup-");
        var copy = Path.Combine(root.FullName, "backups", "campaigndesk-copy.db");
        var latest = new MigrationRunner(new Database(DatabaseProvider.Sqlite, "Data Source=:memory:")).LatestVersion;
        long campaign;
        long[] acknowledgedBefore;
        long[] acknowledgedAfter;
        (int ExitCode, string Output) backup, refusedRestore;
        var port = BuiltPrograms.FreePort();
        await using (var api = ChildProcess.Start(BuiltPrograms.Api, ["--urls", $"http://127.0.0.1:{port}"], Environment, root.FullName))
        {
            using var http = await ConnectAsync(api, port, root);
            (campaign, var officials, var organisations) = await SeedAsync(http, root);

            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 4).Select(w => WriteAsync(http, campaign, officials, organisations, w, stop.Token)).ToList();
            await WaitUntilAsync(() => _acked.Count >= 150);
            var started = Stopwatch.GetTimestamp();
            acknowledgedBefore = [.. _acked.Select(a => a.Id)];
            backup = await RunAsync(root, "backup", copy);
            var finished = Stopwatch.GetTimestamp();
            var duringBackup = _acked.Count(a => a.AckedAt > started && a.AckedAt < finished);
            await WaitUntilAsync(() => _acked.Count(a => a.AckedAt > finished) >= 50);
            refusedRestore = await RunAsync(root, "restore", copy);
            await stop.CancelAsync();
            await Task.WhenAll(writers);
            acknowledgedAfter = [.. _acked.Where(a => a.AckedAt > finished).Select(a => a.Id)];
            api.Terminate();
            await api.WaitForExitAsync(Patience);
            Assert.That(duringBackup, Is.GreaterThan(0), "writes went on while the backup ran");
        }

        var copied = await ReadCopyAsync(copy);
        var restore = await RunAsync(root, "restore", copy);
        var restartedPort = BuiltPrograms.FreePort();
        await using var restarted = ChildProcess.Start(BuiltPrograms.Api, ["--urls", $"http://127.0.0.1:{restartedPort}"], Environment, root.FullName);
        using var served = await ConnectAsync(restarted, restartedPort, root);
        var listed = JsonDocument.Parse(await served.GetStringAsync($"/api/interactions?campaign={campaign}&pageSize=1")).RootElement.GetProperty("total").GetInt64();
        var lastBefore = await served.GetAsync($"/api/interactions/{acknowledgedBefore.Max()}");
        var lostAfter = acknowledgedAfter.Where(id => !copied.Interactions.Contains(id)).Take(1).ToList();
        var afterStatus = lostAfter.Count == 0 ? HttpStatusCode.NotFound : (await served.GetAsync($"/api/interactions/{lostAfter[0]}")).StatusCode;

        Assert.Multiple(() =>
        {
            Assert.That(_refused, Is.Empty, "every write of the load was acknowledged");
            Assert.That(backup.ExitCode, Is.Zero, backup.Output);
            Assert.That(backup.Output, Does.Contain($"schema version {latest}, integrity ok"));
            Assert.That(File.Exists(copy + "-wal") || File.Exists(copy + "-journal"), Is.False, "the copy is one self-contained file");
            Assert.That(Directory.GetFiles(Path.GetDirectoryName(copy)!), Has.Length.EqualTo(1), "no temporary file left");
            Assert.That(copied.Integrity, Is.EqualTo("ok"));
            Assert.That(copied.SchemaVersion, Is.EqualTo(latest));
            Assert.That(acknowledgedBefore.Except(copied.Interactions), Is.Empty, "every write acknowledged before the backup began is in it");
            Assert.That(copied.Progress, Is.EquivalentTo(copied.ExpectedProgress), "campaign_progress agrees with the interactions copied");
            Assert.That(copied.Contacts, Is.EquivalentTo(copied.ExpectedContacts), "campaign_contacts agrees with the interactions copied");
            Assert.That(copied.Audited, Is.EquivalentTo(copied.Interactions), "each interaction copied has its audit entry");
            Assert.That(refusedRestore.ExitCode, Is.EqualTo(1), "restore refuses while the API holds the database");
            Assert.That(refusedRestore.Output, Does.Contain("open in another process"));
            Assert.That(restore.ExitCode, Is.Zero, restore.Output);
            Assert.That(restore.Output, Does.Contain("kept as"));
            Assert.That(listed, Is.EqualTo(copied.Interactions.Count), "the restarted API serves the copy");
            Assert.That(lastBefore.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(lostAfter, Is.Not.Empty, "writes after the backup are not in it (the copy is a snapshot)");
            Assert.That(afterStatus, Is.EqualTo(HttpStatusCode.NotFound), "and the restored API does not serve them");
        });
        SqliteConnection.ClearAllPools();
        root.Delete(recursive: true);
    }

    private static async Task<HttpClient> ConnectAsync(ChildProcess api, int port, DirectoryInfo root)
    {
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        Assert.That(await ProcessTests.WaitForReadyAsync(http, api), Is.EqualTo(HttpStatusCode.OK), api.Output);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await File.ReadAllTextAsync(Path.Combine(root.FullName, "data", "admin-token"))).Trim());
        return http;
    }

    // Officials go in by SQL (the directory's seed takes seconds and is not what this test is about); the campaign through the API.
    private static async Task<(long Campaign, long[] Officials, long[] Organisations)> SeedAsync(HttpClient http, DirectoryInfo root)
    {
        long[] officials;
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(root.FullName, "data", "campaigndesk.db")};Default Timeout=30;Pooling=False"))
        {
            foreach (var i in Enumerable.Range(0, 30))
            {
                await connection.ExecuteAsync("""
                    INSERT INTO officials (last_name, first_name, search_text, created_utc, updated_utc)
                    VALUES (@name, 'Élu', @name, '2026-01-01 00:00:00', '2026-01-01 00:00:00')
                    """, new { name = $"NOM{i:D2}" });
            }

            officials = [.. await connection.QueryAsync<long>("SELECT id FROM officials")];
        }

        var organisations = JsonDocument.Parse(await http.GetStringAsync("/api/organisations?pageSize=3")).RootElement.GetProperty("items")
            .EnumerateArray().Select(o => o.GetProperty("id").GetInt64()).ToArray();
        var created = await http.PostAsJsonAsync("/api/campaigns", new { title = "Sauvegarde", status = "active", organisationIds = organisations });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        return (JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64(), officials, organisations);
    }

    private async Task WriteAsync(HttpClient http, long campaign, long[] officials, long[] organisations, int writer, CancellationToken stop)
    {
        var random = new Random(writer);
        while (!stop.IsCancellationRequested)
        {
            var response = await http.PostAsJsonAsync("/api/interactions", new
            {
                organisationId = organisations[random.Next(organisations.Length)],
                officialId = officials[random.Next(officials.Length)],
                campaignId = campaign,
                channel = "phone",
                direction = random.Next(5) == 0 ? "inbound" : "outbound",
                occurredAt = DateTimeOffset.UtcNow.AddMinutes(-random.Next(10_000)),
                outcome = InteractionLists.Outcomes[random.Next(InteractionLists.Outcomes.Count)],
                confidential = random.Next(4) == 0,
            }, CancellationToken.None);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync(CancellationToken.None)).RootElement.GetProperty("id").GetInt64();
                _acked.Enqueue((id, Stopwatch.GetTimestamp()));
            }
            else
            {
                _refused.Enqueue($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(CancellationToken.None)}");
            }
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.That(condition(), Is.True, "the writers made progress");
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(DirectoryInfo root, params string[] arguments)
    {
        await using var process = ChildProcess.Start(BuiltPrograms.Api, arguments, Environment, root.FullName);
        var exitCode = await process.WaitForExitAsync(Patience);
        return (exitCode, process.Output);
    }

    /// <summary>The copy, read on its own, and what its summaries should hold, counted here from its interactions.</summary>
    private static async Task<Copied> ReadCopyAsync(string path)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        var rows = (await connection.QueryAsync<(long Id, long? CampaignId, long OrganisationId, long OfficialId, string Direction, string Outcome, string Occurred)>(
            "SELECT id, campaign_id, organisation_id, official_id, direction, outcome, occurred_utc FROM interactions")).ToList();
        var onCampaign = rows.Where(r => r.CampaignId is not null).ToList();
        return new Copied(
            string.Join("; ", await connection.QueryAsync<string>("PRAGMA integrity_check")),
            await connection.ExecuteScalarAsync<int>("SELECT MAX(version) FROM schema_migrations"),
            rows.Select(r => r.Id).ToHashSet(),
            (await connection.QueryAsync<string>("SELECT entity_id FROM audit_entries WHERE entity = 'interaction' AND action = 'create'")).Select(long.Parse).ToHashSet(),
            [.. await connection.QueryAsync<(long, long, bool, bool)>("SELECT campaign_id, official_id, reached, replied FROM campaign_progress")],
            [.. onCampaign.GroupBy(r => (r.CampaignId!.Value, r.OfficialId)).Select(g => (g.Key.Value, g.Key.OfficialId,
                g.Any(r => !InteractionLists.NotReached.Contains(r.Outcome)), g.Any(r => r.Direction == "inbound" || r.Outcome is "replied" or "declined")))],
            [.. await connection.QueryAsync<(long, long, long, string)>("SELECT campaign_id, organisation_id, official_id, last_contact_utc FROM campaign_contacts")],
            [.. onCampaign.GroupBy(r => (r.CampaignId!.Value, r.OrganisationId, r.OfficialId))
                .Select(g => (g.Key.Value, g.Key.OrganisationId, g.Key.OfficialId, g.Max(r => r.Occurred)!))]);
    }

    private sealed record Copied(string Integrity, int SchemaVersion, HashSet<long> Interactions, HashSet<long> Audited,
        List<(long, long, bool, bool)> Progress, List<(long, long, bool, bool)> ExpectedProgress,
        List<(long, long, long, string)> Contacts, List<(long, long, long, string)> ExpectedContacts);
}
