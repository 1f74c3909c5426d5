namespace CampaignDesk.Core.Observability;

public enum MetricKind
{
    Counter,
    Gauge,
    Histogram,
}

/// <summary>One instrument's current values, one point per label set, as <see cref="PrometheusText"/> writes them.</summary>
/// <param name="Name">The instrument's name (<c>http.server.request.duration</c>); the exposition name is derived from it and the unit.</param>
public sealed record MetricFamily(string Name, string Unit, string Description, MetricKind Kind, IReadOnlyList<MetricPoint> Points);

/// <param name="Value">A counter's total or a gauge's value; for a histogram, see <paramref name="Histogram"/>.</param>
public sealed record MetricPoint(IReadOnlyList<KeyValuePair<string, string>> Labels, double Value, HistogramPoint? Histogram = null);

/// <param name="Bounds">Upper bounds of the buckets, increasing.</param>
/// <param name="Counts">Measurements per bucket (not cumulative): one per bound, then the one above the last bound.</param>
public sealed record HistogramPoint(IReadOnlyList<double> Bounds, IReadOnlyList<long> Counts, double Sum);
