using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CampaignDesk.Api.Tests.Observability;

/// <summary><c>GET /metrics</c> after a follow-up went out through the Graph stub: what Prometheus reads, and who may read it.</summary>
public partial class MetricsApiTests : SendWorldTest
{
    private const string ScrapeToken = "scrape-token-for-the-tests-0123456789abcdef";

    protected override (string Key, string? Value)[] Settings => [("Metrics:ScrapeToken", ScrapeToken)];

    [Test]
    public async Task Metrics_AfterASend_ExposeTheOutboxImportsInteractionsAndHttpRequests()
    {
        using var coordinator = World.ClientFor(World.People["coordinatorA"].Token);
        var scheduled = await coordinator.PostAsJsonAsync("/api/followups",
            new { officialId = World.OfficialId, organisationId = World.OrganisationA, templateId = World.TemplateId });
        await WaitUntilSentAsync((await scheduled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64());

        var response = await World.Admin.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.That(response.Content.Headers.ContentType?.ToString(), Is.EqualTo("text/plain; version=0.0.4; charset=utf-8"));
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("# TYPE campaigndesk_followups_sent_total counter\ncampaigndesk_followups_sent_total 1\n"));
            Assert.That(text, Does.Contain("campaigndesk_followups_queue_depth{state=\"scheduled\"} 0\n"));
            // The world imported one file of députés with one unreadable row, and logged four interactions by phone.
            Assert.That(text, Does.Match(@"campaigndesk_import_rows_total\{result=""accepted"",source=""rne""\} [1-9]"));
            Assert.That(text, Does.Contain("campaigndesk_import_rows_total{result=\"rejected\",source=\"rne\"} 1\n"));
            Assert.That(text, Does.Contain("campaigndesk_interactions_logged_total{channel=\"phone\",direction=\"outbound\"} 4\n"));
            Assert.That(text, Does.Match(
                @"http_server_request_duration_seconds_bucket\{http_request_method=""POST"",http_response_status_code=""201"",http_route=""/api/followups/?""[^}]*le=""\+Inf""\} 1\n"));
            Assert.That(text, Does.Contain("# TYPE http_server_request_duration_seconds histogram"));
        });
        Assert.That(text.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).Where(l => !SampleLine().IsMatch(l)), Is.Empty,
            "every sample line is name{labels} value");
    }

    [Test]
    public async Task Metrics_TheScrapeToken_ReadsThemAndNothingElse()
    {
        using var prometheus = World.ClientFor(ScrapeToken);

        var metrics = await prometheus.GetAsync("/metrics");
        var api = await prometheus.GetAsync("/api/organisations");

        Assert.That(metrics.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(api.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(Factory.Logs.Text, Does.Not.Contain(ScrapeToken));
    }

    [TestCase("scrape-token-for-the-tests-0123456789abcdeX")]
    [TestCase("short")]
    public async Task Metrics_AnotherToken_IsRefused(string token)
    {
        using var client = World.ClientFor(null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        Assert.That((await client.GetAsync("/metrics")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [TestCase(null, true)]
    [TestCase("", true)]
    [TestCase("too-short", false)]
    [TestCase(ScrapeToken, true)]
    public void AScrapeToken_IsEmptyOrLongEnough(string? token, bool valid)
    {
        var options = new Metrics.MetricsOptions { ScrapeToken = token };

        Assert.That(options.IsValid, Is.EqualTo(valid));
        Assert.That(options.ToString(), Does.Not.Contain("too-short"));
    }

    [GeneratedRegex("""^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="([^"\\\n]|\\.)*",?)*\})? (-?[0-9.eE+-]+|\+Inf|-Inf|NaN)$""")]
    private static partial Regex SampleLine();
}
