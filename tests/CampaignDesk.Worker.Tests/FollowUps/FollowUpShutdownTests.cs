using System.Diagnostics;
using CampaignDesk.Core.Data;
using CampaignDesk.Stubs;
using CampaignDesk.TestSupport;

namespace CampaignDesk.Worker.Tests.FollowUps;

/// <summary>
/// A service manager stops the worker (SIGTERM) while a dispatch batch is on the wire: the sends under way finish and
/// are recorded, the claimed rows not yet started go back to the outbox at once (not after their lease), the process
/// exits 0 within the shutdown timeout, and the next start sends the rest, each message exactly once. ~10 s each.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public class FollowUpShutdownTests(DatabaseProvider provider)
{
    private const int FollowUps = 80;
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(20);

    // 150 ms per Graph request (three per message), four sends at once: a few messages a second, so a signal always
    // finds sends in flight and most of the batch still claimed or due.
    private static GraphStubOptions Stub => new() { Latency = TimeSpan.FromMilliseconds(150) };

    private OutboxWorld _world = null!;

    [SetUp]
    public async Task Create() => _world = await OutboxWorld.CreateAsync(provider, FollowUps, mailboxes: 5, Stub);

    [TearDown]
    public async Task Drop()
    {
        if (_world is not null)
        {
            await _world.DisposeAsync();
        }
    }

    [Test]
    public async Task Worker_SigtermMidBatch_FinishesItsSendsReleasesTheRestExitsZeroAndTheNextStartSendsThem()
    {
        var environment = new Dictionary<string, string>(_world.WorkerEnvironment())
        {
            // Long leases: a row handed back on shutdown must not depend on its lease lapsing to be sent again.
            ["FollowUps__Dispatch__Lease"] = "00:05:00",
            ["HostOptions__ShutdownTimeout"] = ShutdownTimeout.ToString(),
        };
        int atSignal, exitCode;
        TimeSpan stopping;
        string output;
        await using (var first = ChildProcess.Start(BuiltPrograms.Worker, [], environment))
        {
            await _world.WaitForDeliveriesAsync(12, first);
            atSignal = _world.Stub.Deliveries.Count;
            var clock = Stopwatch.StartNew();
            first.Terminate();
            exitCode = await first.WaitForExitAsync(ShutdownTimeout + TimeSpan.FromSeconds(10));
            stopping = clock.Elapsed;
            output = first.Output;
        }

        var afterExit = _world.Stub.Deliveries.Count;
        var sent = await _world.CountAsync("state = 'sent'");
        var claimed = await _world.CountAsync("state = 'claimed'");
        var scheduled = await _world.CountAsync("state = 'scheduled'");
        var unrecorded = await _world.DeliveredButNotRecordedAsync();
        TestContext.Out.WriteLine($"{provider}: {atSignal} delivered at SIGTERM, {afterExit} at exit ({stopping.TotalSeconds:0.0} s later); " +
            $"{sent} sent, {scheduled} scheduled, {claimed} claimed");
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Zero, output);
            Assert.That(stopping, Is.LessThan(ShutdownTimeout), "stopped before the shutdown timeout");
            Assert.That(afterExit, Is.GreaterThan(atSignal), "the sends in flight at the signal finished");
            Assert.That(claimed, Is.Zero, "no row left claimed: each is sent or back in the outbox");
            Assert.That(sent + scheduled, Is.EqualTo(FollowUps));
            Assert.That(unrecorded, Is.Zero, "every message delivered is recorded as sent");
            Assert.That(sent, Is.LessThan(FollowUps), "stopped mid-batch");
            Assert.That(output, Does.Contain("handed back unstarted"));
            Assert.That(output, Does.Not.Contain("fail:").And.Not.Contain("crit:"), "a stop is not an error");
        });

        await using var second = _world.StartWorker();
        await _world.WaitUntilAllSentAsync(second);
        await _world.AssertEachSentExactlyOnceAsync();
    }

    /// <summary>
    /// Sends that hang (Graph holds them) do not hold the stop past its bound: they are cut near the shutdown timeout and
    /// keep their lease, as a crash would leave them, and the next start sends them once that lease lapses.
    /// </summary>
    [Test]
    public async Task Worker_SigtermWhileSendsHang_ExitsZeroWithinTheShutdownTimeoutAndTheNextStartSendsEveryOneOnce()
    {
        var shutdownTimeout = TimeSpan.FromSeconds(3);
        var environment = new Dictionary<string, string>(_world.WorkerEnvironment())
        {
            ["HostOptions__ShutdownTimeout"] = shutdownTimeout.ToString(),
        };
        int exitCode;
        TimeSpan stopping;
        string output;
        await using (var first = ChildProcess.Start(BuiltPrograms.Worker, [], environment))
        {
            await _world.WaitForDeliveriesAsync(8, first);
            _world.Stub.Faults.Add(GraphOperation.Send, GraphFault.Slow(TimeSpan.FromMinutes(1)), times: 4);
            await OutboxWorld.WaitForAsync(() => Task.FromResult(_world.Stub.Faults.Injected == 4), TimeSpan.FromSeconds(20), "four sends held", first);
            var clock = Stopwatch.StartNew();
            first.Terminate();
            exitCode = await first.WaitForExitAsync(shutdownTimeout + TimeSpan.FromSeconds(10));
            stopping = clock.Elapsed;
            output = first.Output;
        }

        var claimed = await _world.CountAsync("state = 'claimed'");
        TestContext.Out.WriteLine($"{provider}: stopped in {stopping.TotalSeconds:0.0} s, {claimed} rows left claimed");
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Zero, output);
            Assert.That(stopping, Is.LessThan(shutdownTimeout + TimeSpan.FromSeconds(2)), output);
            Assert.That(claimed, Is.EqualTo(4), "the four sends cut keep their lease");
        });

        await using var second = ChildProcess.Start(BuiltPrograms.Worker, [], environment);
        await _world.WaitUntilAllSentAsync(second);
        await _world.AssertEachSentExactlyOnceAsync();
    }
}
