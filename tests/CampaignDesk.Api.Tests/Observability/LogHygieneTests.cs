using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CampaignDesk.Api.Tests.Import;

namespace CampaignDesk.Api.Tests.Observability;

/// <summary>
/// What the logs of a representative day hold: people signing in with their tokens, an interaction logged, a follow-up
/// scheduled and sent through Graph, an import. None of it may copy an address, a token or an official's name there.
/// </summary>
public partial class LogHygieneTests : SendWorldTest
{
    // Every level the framework has, as an operator debugging a problem (or a host started without its appsettings.json) would
    // have it: the hygiene must not depend on the levels configured.
    protected override (string Key, string? Value)[] Settings =>
    [
        ("Logging:LogLevel:Default", "Debug"),
        ("Logging:LogLevel:Microsoft.AspNetCore", "Debug"),
        ("Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics", "Trace"),
    ];

    [Test]
    public async Task TheCalendarFeedAndAnyPath_LeaveNoSecretInTheLogs_WhateverTheMethod()
    {
        var volunteer = World.People["volunteerA"];
        using var owner = World.ClientFor(volunteer.Token);
        var feed = await (await owner.PostAsync($"/api/users/{volunteer.Id}/calendar", null)).Content.ReadFromJsonAsync<JsonElement>();
        var path = new Uri(feed.GetProperty("url").GetString()!).AbsolutePath;
        var secret = path["/calendar/".Length..^".ics".Length];
        using var anonymous = Factory.CreateClient();

        Assert.That((await anonymous.GetAsync(path)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
        await anonymous.PostAsync(path, null);
        Assert.That((await anonymous.GetAsync($"/calendar/{secret}x.ics")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        await anonymous.GetAsync($"/calendar/{secret}");
        await anonymous.GetAsync($"/nothing/here/{secret}?access_token={volunteer.Token}");
        await owner.GetAsync($"/api/me?access_token={volunteer.Token}&calendar={secret}");
        await owner.GetAsync($"/app/{secret}.html");

        var logs = Factory.Logs.Text;
        Assert.Multiple(() =>
        {
            Assert.That(logs, Does.Contain("HTTP GET /calendar/{secret}.ics answered 200"), "each request is logged by its route");
            Assert.That(logs, Does.Not.Contain(secret[8..]), "the calendar secret");
            Assert.That(logs, Does.Not.Contain(volunteer.Token[8..]), "a token in a query string");
        });
    }

    [Test]
    public async Task ARepresentativeFlow_LogsNoAddress_NoToken_NoOfficialsName()
    {
        foreach (var person in World.People.Values)
        {
            using var client = World.ClientFor(person.Token);
            Assert.That((await client.GetAsync("/api/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK), person.Key);
        }

        using (var expired = World.ClientFor(World.ExpiredToken))
        {
            Assert.That((await expired.GetAsync("/api/me")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        await World.LogInteractionAsync(World.People["volunteerA"], confidential: true);
        using var coordinator = World.ClientFor(World.People["coordinatorA"].Token);
        var scheduled = await coordinator.PostAsJsonAsync("/api/followups",
            new { officialId = World.OfficialId, organisationId = World.OrganisationA, templateId = World.TemplateId });
        Assert.That(scheduled.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        await WaitUntilSentAsync((await scheduled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64());
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes(ImportsApiTests.Deputes)), "file", "elus-deputes-dep-2026-03-01.csv" },
        };
        Assert.That((await World.Admin.PostAsync("/api/imports", form)).StatusCode, Is.EqualTo(HttpStatusCode.Created));

        var logs = Factory.Logs.Text;
        string[] tokens = [CampaignDeskApiFactory.AdminToken, World.ExpiredToken, .. World.People.Values.Select(p => p.Token)];
        Assert.Multiple(() =>
        {
            Assert.That(Factory.Logs.Messages, Has.Some.Contains("Follow-up").And.Some.Contains("sent"), "the flow did log");
            Assert.That(EmailAddress().Matches(logs).Select(m => m.Value), Is.Empty);
            Assert.That(tokens.Where(logs.Contains), Is.Empty, "tokens in the logs");
            Assert.That(logs, Does.Not.Contain("chatelain").IgnoreCase.And.Not.Contain("cyrielle").IgnoreCase);
        });
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")]
    private static partial Regex EmailAddress();
}
