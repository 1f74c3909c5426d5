using CampaignDesk.Core.Observability;

namespace CampaignDesk.Core.Tests.Observability;

public class PrometheusTextTests
{
    private static KeyValuePair<string, string>[] Labels(params (string Key, string Value)[] labels) =>
        [.. labels.Select(l => new KeyValuePair<string, string>(l.Key, l.Value))];

    [Test]
    public void Write_ACounter_HasHelpTypeAndTotalSuffix_WithoutItsUnitAnnotation()
    {
        var text = PrometheusText.Write([new MetricFamily("campaigndesk.followups.sent", "{message}", "Sent follow-ups.", MetricKind.Counter,
            [new MetricPoint([], 3)])]);

        Assert.That(text, Is.EqualTo("""
            # HELP campaigndesk_followups_sent_total Sent follow-ups.
            # TYPE campaigndesk_followups_sent_total counter
            campaigndesk_followups_sent_total 3

            """.ReplaceLineEndings("\n")));
    }

    [Test]
    public void Write_AHistogramInSeconds_HasCumulativeBuckets_InfSumAndCount()
    {
        var text = PrometheusText.Write([new MetricFamily("http.server.request.duration", "s", "Duration of HTTP server requests.", MetricKind.Histogram,
            [new MetricPoint(Labels(("http.request.method", "GET"), ("http.route", "/api/me")), 0.35, new HistogramPoint([0.1, 0.5], [2, 1, 1], 0.35))])]);

        Assert.That(text, Is.EqualTo("""
            # HELP http_server_request_duration_seconds Duration of HTTP server requests.
            # TYPE http_server_request_duration_seconds histogram
            http_server_request_duration_seconds_bucket{http_request_method="GET",http_route="/api/me",le="0.1"} 2
            http_server_request_duration_seconds_bucket{http_request_method="GET",http_route="/api/me",le="0.5"} 3
            http_server_request_duration_seconds_bucket{http_request_method="GET",http_route="/api/me",le="+Inf"} 4
            http_server_request_duration_seconds_sum{http_request_method="GET",http_route="/api/me"} 0.35
            http_server_request_duration_seconds_count{http_request_method="GET",http_route="/api/me"} 4

            """.ReplaceLineEndings("\n")));
    }

    [Test]
    public void Write_LabelValues_EscapeBackslashQuoteAndLineFeed_AndHelpEscapesItsOwn()
    {
        var text = PrometheusText.Write([new MetricFamily("odd", "", "Two\nlines \\ here", MetricKind.Gauge,
            [new MetricPoint(Labels(("path", "C:\\dir \"x\"\nnext")), -1.5)])]);

        Assert.That(text, Does.Contain("# HELP odd Two\\nlines \\\\ here\n"));
        Assert.That(text, Does.Contain("odd{path=\"C:\\\\dir \\\"x\\\"\\nnext\"} -1.5\n"));
    }

    [TestCase("campaigndesk.import.rows", "{row}", MetricKind.Counter, "campaigndesk_import_rows_total")]
    [TestCase("campaigndesk.followups.queue_depth", "{follow-up}", MetricKind.Gauge, "campaigndesk_followups_queue_depth")]
    [TestCase("requests_total", "", MetricKind.Counter, "requests_total")]
    [TestCase("latency", "ms", MetricKind.Histogram, "latency_milliseconds")]
    [TestCase("memory.used", "By", MetricKind.Gauge, "memory_used_bytes")]
    [TestCase("9lives-café", "", MetricKind.Gauge, "_9lives_caf_")]
    public void Name_FollowsOpenTelemetrysPrometheusConventions(string name, string unit, MetricKind kind, string expected) =>
        Assert.That(PrometheusText.Name(new MetricFamily(name, unit, "", kind, [])), Is.EqualTo(expected));

    [Test]
    public void FormatValue_UsesInvariantShortestFormAndSpecialValues()
    {
        Assert.That(new[] { 1e-7, 12345678.5, double.PositiveInfinity, double.NegativeInfinity, double.NaN }.Select(PrometheusText.FormatValue),
            Is.EqualTo(new[] { "1E-07", "12345678.5", "+Inf", "-Inf", "NaN" }));
    }

    [Test]
    public void Write_Families_AreSortedByName_AndEmptyLabelSetsHaveNoBraces()
    {
        var text = PrometheusText.Write([
            new MetricFamily("b", "", "B", MetricKind.Gauge, [new MetricPoint([], 1)]),
            new MetricFamily("a", "", "A", MetricKind.Gauge, [new MetricPoint([], 2)]),
        ]);

        Assert.That(text.Split('\n').Where(l => !l.StartsWith('#') && l.Length > 0), Is.EqualTo(new[] { "a 2", "b 1" }));
    }
}
