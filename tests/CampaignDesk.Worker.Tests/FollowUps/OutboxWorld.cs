using System.Diagnostics;
using CampaignDesk.Core.Data;
using CampaignDesk.Stubs;
using CampaignDesk.TestSupport;
using Dapper;

namespace CampaignDesk.Worker.Tests.FollowUps;

/// <summary>
/// A migrated database with an outbox of follow-ups due now, a Graph stub in this process, and the environment that
/// points a real worker process at both, with a sending window open at any hour of any day.
/// </summary>
internal sealed class OutboxWorld : IAsyncDisposable
{
    private OutboxWorld(TestDatabase db, GraphStub stub, IReadOnlyList<string> keys) => (Db, Stub, Keys) = (db, stub, keys);

    public TestDatabase Db { get; }

    public GraphStub Stub { get; }

    public IReadOnlyList<string> Keys { get; }

    public static async Task<OutboxWorld> CreateAsync(DatabaseProvider provider, int followUps, int mailboxes, GraphStubOptions stubOptions)
    {
        TestDatabase.RequireConfigured(provider);
        var db = await (await TestDatabase.CreateAsync(provider)).MigratedAsync();
        var stub = await GraphStub.StartAsync(stubOptions);
        return new OutboxWorld(db, stub, await OutboxSeed.SeedAsync(db.Database, followUps, mailboxes, DateTimeOffset.UtcNow));
    }

    /// <summary>
    /// The worker's configuration: the Graph transport against the stub (client-side limits out of the way), dispatch
    /// rounds every second with a 10 s lease (so a dead worker's rows come back soon), small rounds, the window always open.
    /// </summary>
    public IReadOnlyDictionary<string, string> WorkerEnvironment(int concurrency = 4)
    {
        var environment = new Dictionary<string, string>(Db.Environment)
        {
            ["Seed__Enabled"] = "false",
            ["Mail__Transport"] = "graph",
            ["Graph__BaseUrl"] = Stub.BaseUrl,
            ["Graph__StaticToken"] = Stub.Token,
            ["Graph__MessagesPerWindow"] = "100000",
            ["Graph__Window"] = "00:00:01",
            // A send may not outlast its lease (else a worker could take over a send still running): both shortened.
            ["Graph__RequestTimeout"] = "00:00:05",
            ["Graph__TotalTimeout"] = "00:00:08",
            ["FollowUps__Dispatch__Interval"] = "00:00:01",
            ["FollowUps__Dispatch__Lease"] = "00:00:10",
            ["FollowUps__Dispatch__ClaimPerMailbox"] = "10",
            ["FollowUps__Dispatch__Concurrency"] = concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["FollowUps__Rules__Enabled"] = "false",
            ["FollowUps__SendingWindow__Start"] = "00:00",
            ["FollowUps__SendingWindow__End"] = "23:59:59.9999999",
            ["FollowUps__SendingWindow__RespectHolidays"] = "false",
        };
        foreach (var (day, i) in Enum.GetValues<DayOfWeek>().Select((d, i) => (d, i)))
        {
            environment[$"FollowUps__SendingWindow__Days__{i}"] = day.ToString();
        }

        return environment;
    }

    public ChildProcess StartWorker(int concurrency = 4) => ChildProcess.Start(BuiltPrograms.Worker, [], WorkerEnvironment(concurrency));

    /// <summary>SIGKILL, as the kernel's OOM killer or a power cut would: no shutdown code runs.</summary>
    public static async Task KillAsync(ChildProcess worker)
    {
        using (var process = Process.GetProcessById(worker.Id))
        {
            process.Kill();
        }

        Assert.That(await worker.WaitForExitAsync(TimeSpan.FromSeconds(10)), Is.EqualTo(128 + 9), "killed by SIGKILL");
    }

    /// <summary>Waits until <paramref name="condition"/> holds; fails with the workers' output when it does not in time, or a worker dies.</summary>
    public static async Task WaitForAsync(Func<Task<bool>> condition, TimeSpan timeout, string what, params ChildProcess[] workers)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            if (deadline.Elapsed > timeout || workers.FirstOrDefault(w => w.HasExited) is not null)
            {
                Assert.Fail($"{what}: not within {timeout.TotalSeconds} s.\n" + string.Join("\n----\n", workers.Select(w => w.Output)));
            }

            await Task.Delay(10);
        }
    }

    public Task WaitForDeliveriesAsync(int atLeast, params ChildProcess[] workers) =>
        WaitForAsync(() => Task.FromResult(Stub.Deliveries.Count >= atLeast), TimeSpan.FromSeconds(40), $"{atLeast} deliveries", workers);

    public Task WaitUntilAllSentAsync(params ChildProcess[] workers) =>
        WaitForAsync(async () => await CountAsync("state = 'sent'") == Keys.Count, TimeSpan.FromSeconds(45), "every follow-up sent", workers);

    public async Task<long> CountAsync(string where)
    {
        await using var connection = await Db.Database.OpenAsync(default);
        return await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM followups WHERE {where}");
    }

    /// <summary>Keys the stub delivered whose rows do not say sent: what a crash between Graph's answer and the update leaves.</summary>
    public async Task<int> DeliveredButNotRecordedAsync()
    {
        await using var connection = await Db.Database.OpenAsync(default);
        var recorded = (await connection.QueryAsync<string>("SELECT idempotency_key FROM followups WHERE state = 'sent'")).ToHashSet(StringComparer.Ordinal);
        return DeliveriesByKey().Keys.Count(k => !recorded.Contains(k));
    }

    /// <summary>The stub's deliveries grouped by the idempotency key they carry.</summary>
    public Dictionary<string, List<StubDelivery>> DeliveriesByKey() =>
        Stub.Deliveries.SelectMany(d => d.Properties.Values.Select(v => (Key: v, Delivery: d)))
            .GroupBy(x => x.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(x => x.Delivery).ToList(), StringComparer.Ordinal);

    /// <summary>The acceptance: each key delivered exactly once, each row sent with the id of its one delivery.</summary>
    public async Task AssertEachSentExactlyOnceAsync()
    {
        var delivered = DeliveriesByKey();
        await using var connection = await Db.Database.OpenAsync(default);
        var rows = (await connection.QueryAsync<(string Key, string State, string? ProviderMessageId)>(
            "SELECT idempotency_key, state, provider_message_id FROM followups")).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(Keys.Where(k => !delivered.ContainsKey(k)), Is.Empty, "lost: never delivered");
            Assert.That(delivered.Where(d => d.Value.Count > 1).Select(d => $"{d.Key} ×{d.Value.Count}"), Is.Empty, "duplicated");
            Assert.That(Stub.Deliveries, Has.Count.EqualTo(Keys.Count));
            Assert.That(rows.Where(r => r.State != "sent").Select(r => $"{r.Key} {r.State}"), Is.Empty);
            Assert.That(rows.Where(r => delivered.TryGetValue(r.Key, out var d) && d[0].InternetMessageId != r.ProviderMessageId).Select(r => r.Key), Is.Empty,
                "each row records the internet message id of its delivery");
        });
    }

    public async ValueTask DisposeAsync()
    {
        await Stub.DisposeAsync();
        await Db.DisposeAsync();
    }
}
