using CampaignDesk.Stubs;
using static CampaignDesk.Core.Tests.Mail.Graph.GraphHarness;

namespace CampaignDesk.Core.Tests.Mail.Graph;

public class GraphFaultTests
{
    [Test]
    public async Task SendAsync_Throttled_WaitsForRetryAfterBeforeTheNextSend()
    {
        await using var stub = await GraphStub.StartAsync();
        stub.Faults.Add(GraphOperation.Send, GraphFault.Throttle(TimeSpan.FromSeconds(1)));
        using var transport = Transport(Options(stub));

        await transport.SendAsync(NewMail("relance-7"), CancellationToken.None);

        // Read from the stub's clock: when the 429 went out, and when the next attempt reached the server.
        var throttled = stub.Requests.Single(r => r.Outcome == "fault:Throttle");
        var retry = stub.Requests.First(r => r.At > throttled.At && r.Operation == GraphOperation.FindMessages);
        Assert.That(retry.At - throttled.At, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(990)));
        Assert.That(stub.DeliveriesOf("relance-7"), Is.EqualTo(1));
    }

    [TestCase(GraphFaultKind.Unavailable, 200)]
    [TestCase(GraphFaultKind.Drop, 100)]
    [TestCase(GraphFaultKind.AcceptThenCrash, 100)]
    public async Task SendAsync_ThirtyPercentOfCallsFail_EveryMessageIsDeliveredExactlyOnce(GraphFaultKind kind, int messages)
    {
        await using var stub = await GraphStub.StartAsync(new GraphStubOptions
        {
            RandomFaultRatio = 0.3,
            Seed = 7,
            RandomFaults = [new GraphFault(kind)],
        });
        var options = Options(stub);
        options.MaxRetryAttempts = 30;
        options.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
        options.MaxRetryDelay = TimeSpan.FromMilliseconds(50);
        using var transport = Transport(options);
        var keys = Enumerable.Range(0, messages).Select(i => $"storm-{i}").ToList();

        await Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (key, token) => await transport.SendAsync(NewMail(key), token));

        Assert.That(stub.Counters.FaultsInjected, Is.GreaterThan(messages / 2));
        Assert.That(keys.Where(k => stub.DeliveriesOf(k) != 1), Is.Empty);
        Assert.That(stub.Deliveries, Has.Count.EqualTo(messages));
    }

    [Test]
    public async Task SendAsync_ClientLimitsMatchTheServers_NeverThrottled()
    {
        await using var stub = await GraphStub.StartAsync(GraphStubOptions.ExchangeLike(5, TimeSpan.FromSeconds(1)));
        var options = Options(stub);
        options.MessagesPerWindow = 5;
        options.Window = TimeSpan.FromSeconds(1);
        options.ConcurrentRequests = 4;
        using var transport = Transport(options);
        var keys = Enumerable.Range(0, 16).Select(i => (Key: $"rate-{i}", From: i % 2 == 0 ? Mailbox : "second@coalition.example")).ToList();

        await Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (k, token) => await transport.SendAsync(NewMail(k.Key, k.From), token));

        Assert.That(stub.Counters.Throttled, Is.Zero);
        Assert.That(stub.Deliveries, Has.Count.EqualTo(16));
        var perMailbox = stub.Deliveries.GroupBy(d => d.Mailbox).Select(g => g.Max(d => d.At) - g.Min(d => d.At));
        Assert.That(perMailbox, Has.All.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1)), "8 messages at 5 a second take more than a window");
    }
}
