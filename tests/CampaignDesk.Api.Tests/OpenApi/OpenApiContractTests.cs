using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CampaignDesk.Api.Tests.Access;
using Json.Schema;

namespace CampaignDesk.Api.Tests.OpenApi;

/// <summary>
/// Real answers of every endpoint family, successes and problems, checked against the document the API serves: the
/// status is one the operation declares, with that media type, and the body validates against the declared schema
/// (JsonSchema.Net, JSON Schema 2020-12 as OpenAPI 3.1 uses it).
/// </summary>
public class OpenApiContractTests : WorldTest
{
    private JsonObject _document = null!;

    [OneTimeSetUp]
    public async Task ReadDocument()
    {
        using var anonymous = Factory.CreateClient();
        _document = (await anonymous.GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!;
    }

    private static IEnumerable<TestCaseData> Calls() =>
        new (string Method, string Path, string Who, object? Body)[]
        {
            ("GET", "/api/organisations?q=a", "admin", null),
            ("GET", "/api/organisations/{organisation}", "admin", null),
            ("GET", "/api/organisations/999999", "admin", null),
            ("POST", "/api/organisations", "admin", new { type = "structure" }),
            ("PATCH", "/api/organisations/{organisation}", "observer", new { name = "Autre" }),
            ("GET", "/api/organisations/{organisation}/officials?campaign={campaign}", "admin", null),
            ("GET", "/api/officials?q=chatelain", "admin", null),
            ("GET", "/api/officials/{official}", "admin", null),
            ("GET", "/api/officials/{official}/timeline", "admin", null),
            ("GET", "/api/officials?role=pape", "admin", null),
            ("GET", "/api/me", "volunteer", null),
            ("GET", "/api/users", "admin", null),
            ("GET", "/api/users/{volunteer}", "admin", null),
            ("GET", "/api/users/{volunteer}/tokens", "admin", null),
            ("GET", "/api/users", "volunteer", null),
            ("GET", "/api/campaigns", "admin", null),
            ("GET", "/api/campaigns/{campaign}", "admin", null),
            ("GET", "/api/campaigns/{campaign}/coverage?by=role", "admin", null),
            ("GET", "/api/campaigns/{campaign}/gaps", "admin", null),
            ("GET", "/api/campaigns/{campaign}/coverage/export.csv", "admin", null),
            ("GET", "/api/campaigns/{campaign}/coverage/export.xlsx", "admin", null),
            ("GET", "/api/campaigns/{campaign}/coverage/export.xlsx?by=organisation", "admin", null),
            ("GET", "/api/campaigns/{campaign}/gaps/export.xlsx", "admin", null),
            ("GET", "/api/campaigns/{campaign}/followups/export.csv", "admin", null),
            ("GET", "/api/campaigns", "nobody", null),
            ("GET", "/api/interactions", "admin", null),
            ("GET", "/api/interactions/export.csv", "admin", null),
            ("GET", "/api/tasks?assignee=me", "volunteer", null),
            ("GET", "/api/tasks/{task}", "admin", null),
            ("GET", "/api/templates?campaign={campaign}", "admin", null),
            ("GET", "/api/templates/placeholders", "admin", null),
            ("GET", "/api/templates/{template}", "admin", null),
            ("GET", "/api/followups", "admin", null),
            ("GET", "/api/triage", "admin", null),
            ("GET", "/api/parliament/votes?q=scrutin", "volunteer", null),
            ("GET", "/api/campaigns/{campaign}/watches", "observer", null),
            ("GET", "/api/campaigns/{campaign}/recommended-votes", "observer", null),
            ("GET", "/api/audit?pageSize=5", "admin", null),
            ("GET", "/api/audit?entity=user&action=update&from=2026-01-01&to=2026-12-31", "admin", null),
            ("GET", "/api/audit?from=2026-12-31&to=2026-01-01", "admin", null),
            ("GET", "/api/audit", "volunteer", null),
            ("GET", "/api/imports", "admin", null),
            ("GET", "/api/sign-in/options", "nobody", null),
            ("GET", "/calendar/unknown.ics", "nobody", null),
            ("POST", "/api/interactions", "admin", new { organisationId = 0, officialId = 0, channel = "pigeon" }),
            ("GET", "/api/register/organisations/{organisation}/actions?from=2025-01-01&to=2026-12-31", "admin", null),
            ("GET", "/api/register/organisations/{organisation}/actions?from=2026-12-31&to=2026-01-01", "admin", null),
            ("GET", "/api/register/organisations/{organisation}/standing", "admin", null),
            ("GET", "/api/register/alerts", "admin", null),
            ("GET", "/api/register/organisations/{organisation}/declaration?year=2026", "admin", null),
            ("GET", "/api/register/organisations/{organisation}/declaration?year=1990", "admin", null),
            ("GET", "/api/register/organisations/{organisation}/declaration/page?year=2026", "admin", null),
            ("GET", "/api/register/organisations/{organisation}/declaration/export.xlsx?year=2026", "admin", null),
            ("GET", "/api/register/responsiveness?by=department", "admin", null),
            ("GET", "/api/register/responsiveness?by=pape", "admin", null),
            ("GET", "/api/register/responsiveness/export.csv?by=official", "admin", null),
        }.Select(c => new TestCaseData(c.Method, c.Path, c.Who, c.Body).SetName($"{c.Method} {c.Path} as {c.Who}"));

    [TestCaseSource(nameof(Calls))]
    public async Task RealAnswer_IsWhatTheDocumentDeclares(string method, string path, string who, object? body)
    {
        using var client = who switch
        {
            "admin" => World.ClientFor(null),
            "nobody" => Factory.CreateClient(),
            _ => World.ClientFor(World.People[who == "volunteer" ? "volunteerA" : "observer"].Token),
        };
        if (who == "admin")
        {
            client.DefaultRequestHeaders.Authorization = World.Admin.DefaultRequestHeaders.Authorization;
        }

        var url = await FillAsync(path);
        using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = body is null ? null : JsonContent.Create(body) };
        var response = await client.SendAsync(request);
        var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var operation = Operation(method, url);
        var responses = operation["responses"]!.AsObject();
        Assert.That(responses.ContainsKey(status), Is.True, $"{method} {url} answered {status}, which the document does not declare ({string.Join(", ", responses.Select(r => r.Key))})");
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var content = responses[status]!["content"]?.AsObject();
        if (mediaType is null || response.Content.Headers.ContentLength == 0)
        {
            return;
        }

        Assert.That(content?.ContainsKey(mediaType), Is.True, $"{status} is declared without {mediaType}");
        if (mediaType.EndsWith("json", StringComparison.Ordinal))
        {
            var schema = content![mediaType]!["schema"]!;
            var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            var results = Schema(schema).Evaluate(answer, new EvaluationOptions { OutputFormat = OutputFormat.List });
            var errors = (results.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
            Assert.That(results.IsValid, Is.True, $"{method} {url} {status}: " + string.Join("; ", errors.Take(10)));
        }
    }

    [Test]
    public void Document_DeclaresEveryOperationWithAnIdAndSecurityOnlyWhereATokenIsNeeded()
    {
        var operations = _document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => (Path: p.Key, Method: o.Key, Operation: o.Value!))).ToList();

        Assert.That(operations.Select(o => o.Operation["operationId"]?.GetValue<string>()), Has.None.Null.And.Unique);
        var anonymous = operations.Where(o => o.Operation["security"] is JsonArray { Count: 0 }).Select(o => $"{o.Method} {o.Path}");
        Assert.That(anonymous, Is.EquivalentTo(new[]
        {
            "get /api/sign-in/options", "post /api/sign-in/link", "post /api/sign-in/session", "get /calendar/{secret}.ics",
        }));
        Assert.That(_document["components"]!["securitySchemes"]!["Bearer"]!["description"]!.GetValue<string>(), Does.Contain("cdp_"));
    }

    private JsonObject Operation(string method, string url)
    {
        var path = new Uri(new Uri("http://x"), url).AbsolutePath;
        foreach (var (template, item) in _document["paths"]!.AsObject())
        {
            var pattern = "^" + Regex.Replace(Regex.Escape(template), @"\\\{[^}]+}", "[^/]+?") + "$";
            if (Regex.IsMatch(path, pattern) && item![method.ToLowerInvariant()] is JsonObject operation)
            {
                return operation;
            }
        }

        Assert.Fail($"The document has no operation for {method} {path}.");
        return null!;
    }

    // The response schema with the document's components beside it, so its $refs resolve.
    private JsonSchema Schema(JsonNode schema)
    {
        var whole = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = _document["components"]!["schemas"]!.DeepClone(),
            ["allOf"] = new JsonArray(schema.DeepClone()),
        };
        var text = whole.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        return JsonSchema.FromText(text, new BuildOptions(), new Uri($"https://campaigndesk.test/{Guid.NewGuid():N}"));
    }

    private async Task<string> FillAsync(string path) => path
        .Replace("{organisation}", World.Organisation(own: true).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{campaign}", World.CampaignId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{official}", World.OfficialId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{volunteer}", World.Volunteer(own: true).Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{template}", World.TemplateId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{task}", path.Contains("{task}", StringComparison.Ordinal) ? (await World.CreateTaskAsync(own: true)).ToString(System.Globalization.CultureInfo.InvariantCulture) : "",
            StringComparison.Ordinal);
}
