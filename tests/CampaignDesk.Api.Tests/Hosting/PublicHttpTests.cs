using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignDesk.Api.Tests.Access;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CampaignDesk.Api.Tests.Hosting;

/// <summary>What clients and proxies rely on: the calendar's validators, security headers, the public address behind a proxy.</summary>
public class PublicHttpTests : WorldTest
{
    private const string PublicUrl = "https://campagne.example.org/desk";

    protected override (string Key, string? Value)[] Settings => [("Web:PublicUrl", PublicUrl + "/")];

    [Test]
    public async Task CalendarFeed_SendsValidators_AndAnswers304ToThem()
    {
        var (path, calendar) = await CalendarAsync();

        var first = await calendar.GetAsync(path);
        var byTag = await SendAsync(calendar, HttpMethod.Get, path, ("If-None-Match", first.Headers.ETag!.ToString()));
        var byWeakTag = await SendAsync(calendar, HttpMethod.Get, path, ("If-None-Match", "W/" + first.Headers.ETag));
        var byDate = await SendAsync(calendar, HttpMethod.Get, path, ("If-Modified-Since", first.Content.Headers.LastModified!.Value.ToString("R")));
        var otherTag = await SendAsync(calendar, HttpMethod.Get, path, ("If-None-Match", "\"0123\""),
            ("If-Modified-Since", first.Content.Headers.LastModified!.Value.ToString("R")));
        var head = await SendAsync(calendar, HttpMethod.Head, path);

        Assert.Multiple(async () =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(first.Headers.ETag?.IsWeak, Is.False);
            Assert.That(first.Content.Headers.LastModified, Is.Not.Null);
            Assert.That(byTag.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
            Assert.That(byTag.Headers.ETag, Is.EqualTo(first.Headers.ETag));
            Assert.That(byWeakTag.StatusCode, Is.EqualTo(HttpStatusCode.NotModified), "If-None-Match compares weakly");
            Assert.That(byDate.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
            Assert.That(otherTag.StatusCode, Is.EqualTo(HttpStatusCode.OK), "If-None-Match decides over If-Modified-Since");
            Assert.That(head.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(head.Headers.ETag, Is.EqualTo(first.Headers.ETag));
            Assert.That(await head.Content.ReadAsByteArrayAsync(), Is.Empty);
            Assert.That((await calendar.GetAsync(path)).Headers.ETag, Is.EqualTo(first.Headers.ETag), "the same tasks, the same feed");
        });
    }

    [Test]
    public async Task CalendarFeed_EventUids_CarryTheInstallationId()
    {
        var (path, calendar) = await CalendarAsync();
        await using var connection = await Factory.Database.Database.OpenAsync(default);
        var installation = await connection.QuerySingleAsync<string>("SELECT installation_id FROM installation");

        var events = Ical.Net.Calendar.Load(await calendar.GetStringAsync(path))!.Events.ToList();

        Assert.That(events, Is.Not.Empty);
        Assert.That(events.Select(e => e.Uid), Has.All.Match($"^task-[0-9]+@{installation}\\.campaigndesk$"));
    }

    [Test]
    public async Task CalendarAddress_AndOpenApiServer_UseThePublicUrl()
    {
        var volunteer = World.Volunteer(own: true);
        var feed = await World.Admin.PostAsync($"/api/users/{volunteer.Id}/calendar", null);
        using var anonymous = Factory.CreateClient();
        var document = await anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        Assert.That((await feed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString(), Does.StartWith(PublicUrl + "/calendar/"));
        Assert.That(feed.Headers.Location?.ToString(), Does.StartWith(PublicUrl + "/calendar/"));
        Assert.That(document.GetProperty("servers")[0].GetProperty("url").GetString(), Is.EqualTo(PublicUrl));
    }

    [Test]
    public async Task ApiAnswers_AreNotSniffedNorStored()
    {
        var ok = await World.Admin.GetAsync("/api/campaigns");
        var problem = await World.Admin.GetAsync("/api/campaigns/999999");
        using var anonymous = Factory.CreateClient();
        var refused = await anonymous.GetAsync("/api/campaigns");

        foreach (var response in new[] { ok, problem, refused })
        {
            Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }), $"{response.StatusCode}");
            Assert.That(response.Headers.CacheControl?.NoStore, Is.True, $"{response.StatusCode}");
        }
    }

    [Test]
    public async Task SwaggerUi_HasItsOwnPolicy_AndIsNeverFramed()
    {
        using var anonymous = Factory.CreateClient();

        var page = await anonymous.GetAsync("/swagger/index.html");
        var html = await page.Content.ReadAsStringAsync();

        var policy = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Multiple(() =>
        {
            Assert.That(page.Headers.GetValues("X-Frame-Options"), Is.EqualTo(new[] { "DENY" }));
            Assert.That(policy, Does.Contain("script-src 'self'").And.Contain("frame-ancestors 'none'").And.Not.Contain("unsafe-eval"));
            Assert.That(html, Does.Not.Match("<script>[^<]"), "no inline script, which the policy would block");
            Assert.That(page.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
        });
    }

    [Test]
    public async Task OverHttps_HstsIsSent_AndKestrelSendsNoServerHeader()
    {
        using var https = Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://campagne.example.org"),
        });
        using var http = Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("http://campagne.example.org"),
        });

        var secure = await https.GetAsync("/health/live");
        var plain = await http.GetAsync("/health/live");

        Assert.That(secure.Headers.GetValues("Strict-Transport-Security").Single(), Does.StartWith("max-age=31536000"));
        Assert.That(plain.Headers.Contains("Strict-Transport-Security"), Is.False);
        Assert.That(Factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader, Is.False);
    }

    private async Task<(string Path, HttpClient Calendar)> CalendarAsync()
    {
        var volunteer = World.Volunteer(own: true);
        await World.CreateTaskAsync(own: true);
        var feed = await (await World.Admin.PostAsync($"/api/users/{volunteer.Id}/calendar", null)).Content.ReadFromJsonAsync<JsonElement>();
        return (new Uri(feed.GetProperty("url").GetString()!).AbsolutePath[PublicPathBase.Length..], Factory.CreateClient());
    }

    private static string PublicPathBase => new Uri(PublicUrl).AbsolutePath;

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, path);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await client.SendAsync(request);
    }
}
