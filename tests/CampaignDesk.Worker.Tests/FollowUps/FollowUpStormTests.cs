using CampaignDesk.Core.Data;
using CampaignDesk.Core.FollowUps;
using CampaignDesk.Core.Mail.Graph;
using CampaignDesk.Stubs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CampaignDesk.Worker.Tests.FollowUps;

/// <summary>
/// The real dispatcher and the real Graph transport in a storm: 30 % of all Graph calls answer 429 (Retry-After 1 s)
/// or 503. Every follow-up still leaves exactly once, and no retry comes back before Graph said it could. One database
/// engine suffices: the storm is between the transport and Graph. ~10 s.
/// </summary>
public class FollowUpStormTests
{
    private const int FollowUps = 200;
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    [Test]
    public async Task Dispatch_ThirtyPercentOf429And503_DeliversEachOnce_AndHonoursRetryAfter()
    {
        // One mailbox per follow-up: every request names its mailbox, so the stub's log tells each key's requests apart
        // (a /send names only the draft's id).
        await using var world = await OutboxWorld.CreateAsync(DatabaseProvider.Sqlite, FollowUps, mailboxes: FollowUps, new GraphStubOptions
        {
            RandomFaultRatio = 0.3,
            Seed = 20261122,
            RandomFaults = [GraphFault.Throttle(RetryAfter), GraphFault.Unavailable()],
            Latency = TimeSpan.FromMilliseconds(5),
        });
        using var transport = new GraphMailTransport(Options.Create(new GraphOptions
        {
            BaseUrl = world.Stub.BaseUrl,
            StaticToken = world.Stub.Token,
            MaxRetryAttempts = 30,
            RetryBaseDelay = TimeSpan.FromMilliseconds(50),
            MaxRetryDelay = TimeSpan.FromSeconds(2),
            TotalTimeout = TimeSpan.FromMinutes(1),
            MessagesPerWindow = 10_000,
            Window = TimeSpan.FromSeconds(1),
        }), NullLogger<GraphMailTransport>.Instance, TimeProvider.System);
        var dispatcher = new FollowUpDispatcher(world.Db.Database, new FollowUpOutbox(TimeProvider.System), OutreachLog.For(world.Db.Database, TimeProvider.System),
            transport, Options.Create(new FollowUpOptions { Dispatch = { Concurrency = 50 } }), Options.Create(AlwaysOpen), TimeProvider.System,
            NullLogger<FollowUpDispatcher>.Instance);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));

        await dispatcher.DrainAsync(timeout.Token);

        var throttled = world.Stub.Requests.Where(r => r.Outcome == "fault:Throttle").ToList();
        var early = throttled
            .Select(t => (Throttled: t, Next: world.Stub.Requests.Where(r => r.Mailbox == t.Mailbox && r.At > t.At).MinBy(r => r.At)))
            .Where(p => p.Next is null || p.Next.At - p.Throttled.At < RetryAfter - TimeSpan.FromMilliseconds(10))
            .Select(p => $"{p.Throttled.Mailbox} {p.Throttled.Operation} at {p.Throttled.At:HH:mm:ss.fff}, next {p.Next?.At:HH:mm:ss.fff}");
        TestContext.Out.WriteLine($"{world.Stub.Requests.Count} requests, {throttled.Count} 429s, {world.Stub.Counters.FaultsInjected} faults");
        Assert.That(throttled, Has.Count.GreaterThan(FollowUps / 4), "a storm, not a shower");
        Assert.That(early, Is.Empty, "a retry came before Graph's Retry-After");
        await world.AssertEachSentExactlyOnceAsync();
    }

    private static SendingWindow AlwaysOpen => new()
    {
        Days = Enum.GetValues<DayOfWeek>(),
        Start = TimeOnly.MinValue,
        End = TimeOnly.MaxValue,
        RespectHolidays = false,
    };
}
