using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;

namespace CampaignDesk.Core.Observability;

/// <summary>
/// One instrument's values by label set. Synchronous counters and up-down counters add; gauges and observable
/// instruments (which report their current value or total) replace; histograms count into buckets.
/// </summary>
internal sealed class InstrumentAggregate
{
    /// <summary>OpenTelemetry's default bounds, for a histogram that advises none.</summary>
    private static readonly double[] DefaultBounds = [0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000];

    private readonly Instrument _instrument;
    private readonly MetricKind _kind;
    private readonly bool _adds;
    private readonly double[] _bounds;
    private readonly ConcurrentDictionary<string, Series> _series = new(StringComparer.Ordinal);

    public InstrumentAggregate(Instrument instrument)
    {
        _instrument = instrument;
        var type = instrument.GetType().GetGenericTypeDefinition();
        _kind = type == typeof(Counter<>) || type == typeof(ObservableCounter<>) ? MetricKind.Counter
            : type == typeof(Histogram<>) ? MetricKind.Histogram
            : MetricKind.Gauge;
        _adds = type == typeof(Counter<>) || type == typeof(UpDownCounter<>);
        _bounds = _kind == MetricKind.Histogram ? AdvisedBounds(instrument) ?? DefaultBounds : [];
    }

    public bool IsObservable => _instrument.IsObservable;

    public void Clear() => _series.Clear();

    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = Labels(tags);
        var key = string.Join('\u0001', labels.Select(l => l.Key + '\u0002' + l.Value));
        var series = _series.GetOrAdd(key, _ => new Series(labels, _bounds.Length + 1));
        lock (series)
        {
            if (_kind == MetricKind.Histogram)
            {
                var bucket = Array.FindIndex(_bounds, bound => value <= bound);
                series.Buckets[bucket < 0 ? _bounds.Length : bucket]++;
                series.Value += value;
            }
            else
            {
                series.Value = _adds ? series.Value + value : value;
            }
        }
    }

    public MetricFamily Snapshot()
    {
        var points = _series.Values.Select(series =>
        {
            lock (series)
            {
                return new MetricPoint(series.Labels, series.Value,
                    _kind == MetricKind.Histogram ? new HistogramPoint(_bounds, [.. series.Buckets], series.Value) : null);
            }
        }).OrderBy(p => string.Join(',', p.Labels), StringComparer.Ordinal).ToList();
        return new MetricFamily(_instrument.Name, _instrument.Unit ?? "", _instrument.Description ?? _instrument.Name, _kind, points);
    }

    private static KeyValuePair<string, string>[] Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = new KeyValuePair<string, string>[tags.Length];
        for (var i = 0; i < tags.Length; i++)
        {
            labels[i] = new(tags[i].Key, Convert.ToString(tags[i].Value, CultureInfo.InvariantCulture) ?? "");
        }

        Array.Sort(labels, (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return labels;
    }

    private static double[]? AdvisedBounds(Instrument instrument) => instrument switch
    {
        Histogram<double> h => h.Advice?.HistogramBucketBoundaries?.ToArray(),
        Histogram<long> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
        Histogram<int> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
        _ => null,
    };

    private sealed class Series(KeyValuePair<string, string>[] labels, int buckets)
    {
        public KeyValuePair<string, string>[] Labels { get; } = labels;

        public long[] Buckets { get; } = new long[buckets];

        /// <summary>The total, the last value, or a histogram's sum.</summary>
        public double Value { get; set; }
    }
}
