using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;

namespace CampaignDesk.Core.Observability;

/// <summary>
/// Listens to the named meters of this host's <see cref="IMeterFactory"/> (another host in the same process, such as a
/// test's, is not mixed in) and keeps what a scrape needs: counters' totals, gauges' last values, histograms' buckets.
/// Started with the host, so the instruments it listens to are enabled before the first request.
/// </summary>
public sealed class MetricsCollector : IHostedService, IDisposable
{
    private readonly IMeterFactory _factory;
    private readonly HashSet<string> _meters;
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, InstrumentAggregate> _instruments = new();
    private readonly Lock _collecting = new();

    public MetricsCollector(IMeterFactory factory, IEnumerable<string> meterNames)
    {
        _factory = factory;
        _meters = meterNames.ToHashSet(StringComparer.Ordinal);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, _factory) && _meters.Contains(instrument.Meter.Name))
            {
                var aggregate = _instruments.GetOrAdd(instrument, i => new InstrumentAggregate(i));
                listener.EnableMeasurementEvents(instrument, aggregate);
            }
        };
        _listener.MeasurementsCompleted = (instrument, state) => _instruments.TryRemove(instrument, out var removed);
        _listener.SetMeasurementEventCallback<long>((_, value, tags, state) => ((InstrumentAggregate)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<int>((_, value, tags, state) => ((InstrumentAggregate)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<short>((_, value, tags, state) => ((InstrumentAggregate)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<byte>((_, value, tags, state) => ((InstrumentAggregate)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<double>((_, value, tags, state) => ((InstrumentAggregate)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<float>((_, value, tags, state) => ((InstrumentAggregate)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<decimal>((_, value, tags, state) => ((InstrumentAggregate)state!).Record((double)value, tags));
    }

    /// <summary>Observes the observable instruments, then returns every instrument that has a value.</summary>
    public IReadOnlyList<MetricFamily> Collect()
    {
        lock (_collecting)
        {
            foreach (var aggregate in _instruments.Values.Where(a => a.IsObservable))
            {
                aggregate.Clear();
            }

            _listener.RecordObservableInstruments();
            return _instruments.Values.Select(a => a.Snapshot()).Where(f => f.Points.Count > 0).ToList();
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _listener.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _listener.Dispose();
}
