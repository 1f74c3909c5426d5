using CampaignDesk.Stubs;
using static CampaignDesk.Core.Tests.Mail.Graph.GraphHarness;

namespace CampaignDesk.Core.Tests.Mail.Graph;

/// <summary>
/// The throttle's target: 20 mailboxes against a stub enforcing 30 per 6 s each, at least 95 % of the allowed rate
/// once the first window's burst is spent, and not one 429. ~13 s, so explicit: <c>--filter Name~Bench</c>.
/// </summary>
[Explicit("benchmark, ~13 s")]
public class GraphThroughputBench
{
    [Test]
    public async Task Bench_TwentyMailboxesAt30Per6s_ReachesTheAllowedRateWithoutA429()
    {
        const int mailboxes = 20, perMailbox = 90, limit = 30;
        var window = TimeSpan.FromSeconds(6);
        await using var stub = await GraphStub.StartAsync(GraphStubOptions.ExchangeLike(limit, window));
        var options = Options(stub);
        (options.MessagesPerWindow, options.Window) = (limit, window);
        using var transport = Transport(options);
        var work = Enumerable.Range(0, mailboxes * perMailbox).Select(i => (Key: $"bench-{i}", From: $"mb{i % mailboxes}@coalition.example"));

        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = mailboxes * 8 },
            async (w, token) => await transport.SendAsync(NewMail(w.Key, w.From), token));

        // After the first window's burst of 30, the steady rate is what the limit allows: 30 per 6 s = 5/s per mailbox.
        var rates = stub.Deliveries.GroupBy(d => d.Mailbox).Select(g =>
        {
            var times = g.Select(d => d.At).Order().ToList();
            return (times.Count - limit) / (times[^1] - times[limit - 1]).TotalSeconds / (limit / window.TotalSeconds);
        }).ToList();
        TestContext.Out.WriteLine($"deliveries {stub.Deliveries.Count}, 429s rate {stub.Counters.RateRejected} concurrency {stub.Counters.ConcurrencyRejected}, rate/allowed min {rates.Min():F3} mean {rates.Average():F3}");
        Assert.That(stub.Counters.Throttled, Is.Zero);
        Assert.That(stub.Deliveries, Has.Count.EqualTo(mailboxes * perMailbox));
        Assert.That(rates, Has.All.GreaterThanOrEqualTo(0.95));
    }
}
