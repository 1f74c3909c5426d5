using CampaignDesk.Core.Data;
using CampaignDesk.Core.Observability;
using CampaignDesk.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CampaignDesk.Core.Tests.Observability;

public class FollowUpQueueDepthTests
{
    [Test]
    public async Task RefreshAsync_CountsAtMostOncePerMaxAge_HoweverManyScrapes()
    {
        await using var db = await (await TestDatabase.CreateAsync(DatabaseProvider.Sqlite)).MigratedAsync();
        await using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        var time = TestClock.Create();
        using var queue = new FollowUpQueueDepth(db.Database, time, meters, NullLogger<FollowUpQueueDepth>.Instance);
        using var collector = new MetricsCollector(meters, [CampaignDeskMetrics.MeterName]);
        await collector.StartAsync(CancellationToken.None);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => queue.RefreshAsync(CancellationToken.None)));
        var depth = collector.Collect().Single(f => f.Name == "campaigndesk.followups.queue_depth");
        time.Advance(FollowUpQueueDepth.MaxAge - TimeSpan.FromMilliseconds(1));
        await queue.RefreshAsync(CancellationToken.None);
        var countedOnce = queue.Refreshes;
        time.Advance(TimeSpan.FromMilliseconds(1));
        await queue.RefreshAsync(CancellationToken.None);

        Assert.That(countedOnce, Is.EqualTo(1));
        Assert.That(queue.Refreshes, Is.EqualTo(2));
        Assert.That(depth.Points.Select(p => (p.Labels.Single().Value, p.Value)),
            Is.EquivalentTo(new[] { ("scheduled", 0.0), ("claimed", 0.0), ("failed", 0.0) }));
    }
}
