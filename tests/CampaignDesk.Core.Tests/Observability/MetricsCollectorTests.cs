using System.Diagnostics.Metrics;
using CampaignDesk.Core.Observability;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignDesk.Core.Tests.Observability;

public class MetricsCollectorTests
{
    // A host per test: a meter factory keeps the instruments created through it.
    private ServiceProvider _services = null!;
    private ServiceProvider _otherHost = null!;

    private IMeterFactory Meters => _services.GetRequiredService<IMeterFactory>();

    [SetUp]
    public void StartHosts()
    {
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        _otherHost = new ServiceCollection().AddMetrics().BuildServiceProvider();
    }

    [TearDown]
    public void StopHosts()
    {
        _services.Dispose();
        _otherHost.Dispose();
    }

    [Test]
    public async Task Collect_Counters_SumPerLabelSet_WhateverTheTagOrder()
    {
        using var collector = await StartedAsync("test.meter");
        var counter = Meters.Create("test.meter").CreateCounter<long>("test.sent", "{message}", "Sent.");

        counter.Add(2, new("reason", "a"), new("outcome", "x"));
        counter.Add(3, new("outcome", "x"), new("reason", "a"));
        counter.Add(1, new("reason", "b"), new("outcome", "x"));

        var family = collector.Collect().Single(f => f.Name == "test.sent");
        Assert.That(family.Kind, Is.EqualTo(MetricKind.Counter));
        Assert.That(family.Points.Select(p => (string.Join(",", p.Labels.Select(l => $"{l.Key}={l.Value}")), p.Value)),
            Is.EqualTo(new[] { ("outcome=x,reason=a", 5.0), ("outcome=x,reason=b", 1.0) }));
    }

    [Test]
    public async Task Collect_AHistogram_UsesTheBoundsItsInstrumentAdvises()
    {
        using var collector = await StartedAsync("test.meter");
        var histogram = Meters.Create("test.meter").CreateHistogram<double>("test.duration", "s", "Duration.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 1] });

        foreach (var value in new[] { 0.05, 0.1, 0.5, 3 })
        {
            histogram.Record(value);
        }

        var point = collector.Collect().Single(f => f.Name == "test.duration").Points.Single();
        Assert.That(point.Histogram!.Bounds, Is.EqualTo(new[] { 0.1, 1 }));
        Assert.That(point.Histogram.Counts, Is.EqualTo(new long[] { 2, 1, 1 }), "a value on a bound belongs to that bucket (le)");
        Assert.That(point.Histogram.Sum, Is.EqualTo(3.65).Within(1e-9));
    }

    [Test]
    public async Task Collect_AnObservableGauge_ReportsOnlyWhatItObservesNow()
    {
        using var collector = await StartedAsync("test.meter");
        var states = new Dictionary<string, long> { ["scheduled"] = 4, ["claimed"] = 1 };
        Meters.Create("test.meter").CreateObservableGauge("test.depth",
            () => states.Select(s => new Measurement<long>(s.Value, new KeyValuePair<string, object?>("state", s.Key))));

        var first = collector.Collect().Single(f => f.Name == "test.depth");
        states.Remove("claimed");
        states["scheduled"] = 7;
        var second = collector.Collect().Single(f => f.Name == "test.depth");

        Assert.That(first.Points.Select(p => p.Value), Is.EquivalentTo(new[] { 4.0, 1.0 }));
        Assert.That(second.Points.Select(p => (p.Labels[0].Value, p.Value)), Is.EqualTo(new[] { ("scheduled", 7.0) }));
    }

    [Test]
    public async Task Collect_IgnoresOtherMeters_AndTheSameMeterOfAnotherHost()
    {
        using var collector = await StartedAsync("test.meter");
        Meters.Create("other.meter").CreateCounter<long>("other.count").Add(1);
        _otherHost.GetRequiredService<IMeterFactory>().Create("test.meter").CreateCounter<long>("test.elsewhere").Add(1);
        Meters.Create("test.meter").CreateCounter<long>("test.here").Add(1);

        Assert.That(collector.Collect().Select(f => f.Name), Is.EqualTo(new[] { "test.here" }));
    }

    private async Task<MetricsCollector> StartedAsync(params string[] meters)
    {
        var collector = new MetricsCollector(Meters, meters);
        await collector.StartAsync(CancellationToken.None);
        return collector;
    }
}
