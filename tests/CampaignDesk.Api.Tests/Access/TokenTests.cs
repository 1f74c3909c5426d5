using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;

namespace CampaignDesk.Api.Tests.Access;

/// <summary>Personal tokens: shown once, hashed, recognisable, expiring and revocable — and never logged or audited.</summary>
public class TokenTests : WorldTest
{
    protected override (string Key, string? Value)[] Settings => [("Logging:LogLevel:Default", "Trace")];

    [Test]
    public async Task IssuedToken_IsShownOnce_ListedByPrefix_AndStoredOnlyAsAHash()
    {
        var volunteer = World.People["volunteerA"];
        var listed = await World.Admin.GetFromJsonAsync<JsonElement>($"/api/users/{volunteer.Id}/tokens");
        var first = listed.EnumerateArray().First();
        await using var connection = await Factory.Database.Database.OpenAsync(default);
        var hashes = (await connection.QueryAsync<string>("SELECT hash FROM access_tokens")).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(volunteer.Token, Does.StartWith("cdp_").And.Length.GreaterThanOrEqualTo(40));
            Assert.That(first.GetProperty("prefix").GetString(), Is.EqualTo(volunteer.Token[..12]));
            Assert.That(first.TryGetProperty("token", out _), Is.False, "a list never shows the token");
            Assert.That(hashes, Has.None.Contains(volunteer.Token[4..]), "only hashes are stored");
            Assert.That(hashes, Has.All.Length.EqualTo(64));
        });
    }

    [Test]
    public async Task RevokedToken_StopsAtOnce_AndTheChallengeSaysWhy()
    {
        var volunteer = World.People["volunteerB"];
        var token = await World.IssueTokenAsync(volunteer.Id);
        using var client = World.ClientFor(token);
        Assert.That((await client.GetAsync("/api/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var tokens = await World.Admin.GetFromJsonAsync<JsonElement>($"/api/users/{volunteer.Id}/tokens");
        var id = tokens.EnumerateArray().Last().GetProperty("id").GetInt64();

        (await client.DeleteAsync($"/api/users/{volunteer.Id}/tokens/{id}")).EnsureSuccessStatusCode();
        var after = await client.GetAsync("/api/me");

        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(after.Headers.WwwAuthenticate.ToString(), Does.Contain("revoked"));
    }

    [Test]
    public async Task ExpiredToken_IsRefusedWithItsReason()
    {
        using var client = World.ClientFor(World.ExpiredToken);
        var response = await client.GetAsync("/api/me");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.Contain("expired"));
    }

    [Test]
    public async Task DisabledUser_TokensStopWorking()
    {
        var person = await World.CreatePersonAsync("disabled", "volunteer", World.OrganisationA);
        (await World.Admin.PatchAsJsonAsync($"/api/users/{person.Id}", new { disabled = true })).EnsureSuccessStatusCode();
        using var client = World.ClientFor(person.Token);

        var response = await client.GetAsync("/api/me");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.Contain("disabled"));
    }

    [Test]
    public async Task Tokens_NeverAppearInTheLogsNorInTheAuditTrail()
    {
        // Use every kind of token, good and bad, so each code path had its chance to log it.
        var tokens = World.People.Values.Select(p => p.Token).Append(World.ExpiredToken).Append(World.RevokedToken)
            .Append(CampaignDeskApiFactory.AdminToken).Append("cdp_not-a-real-token-but-secret-anyway-123456").ToList();
        foreach (var token in tokens)
        {
            using var client = World.ClientFor(token);
            await client.GetAsync("/api/me");
            await client.GetAsync("/api/tasks?assignee=me");
        }

        var calendar = await World.PostAsync<JsonElement>($"/api/users/{World.People["volunteerA"].Id}/calendar", new { });
        tokens.Add(calendar.GetProperty("url").GetString()!.Split('/').Last().Replace(".ics", "", StringComparison.Ordinal));
        await using var connection = await Factory.Database.Database.OpenAsync(default);
        var audit = (await connection.QueryAsync<string>("SELECT COALESCE(before_json, '') || COALESCE(after_json, '') FROM audit_entries")).ToList();
        var logs = Factory.Logs.Messages.ToList();

        Assert.Multiple(() =>
        {
            Assert.That(logs, Is.Not.Empty, "logs were captured");
            Assert.That(audit, Has.Some.Contains("access_token").Or.Some.Contains("prefix"), "token creations are audited");
            foreach (var token in tokens)
            {
                var secret = token[^20..];
                Assert.That(logs.Where(m => m.Contains(secret, StringComparison.Ordinal)), Is.Empty, $"a log contains the token {token[..8]}…");
                Assert.That(audit.Where(a => a.Contains(secret, StringComparison.Ordinal)), Is.Empty, $"the audit trail contains the token {token[..8]}…");
            }
        });
    }

    [Test]
    public async Task Coordinator_CannotIssueCredentialsForAVolunteerWhoAlsoActsForAnotherOrganisation()
    {
        var shared = await World.CreatePersonAsync("shared", "volunteer", World.OrganisationA);
        (await World.Admin.PatchAsJsonAsync($"/api/users/{shared.Id}", new { organisationIds = new[] { World.OrganisationA, World.OrganisationB } }))
            .EnsureSuccessStatusCode();
        using var coordinator = World.ClientFor(World.People["coordinatorA"].Token);

        var token = await coordinator.PostAsJsonAsync($"/api/users/{shared.Id}/tokens", new { name = "x" });
        var calendar = await coordinator.PostAsync($"/api/users/{shared.Id}/calendar", null);
        var list = await coordinator.GetAsync($"/api/users/{shared.Id}/tokens");

        Assert.That(token.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "a token would let A act as the volunteer in B");
        Assert.That(calendar.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(list.StatusCode, Is.EqualTo(HttpStatusCode.OK), "listing and revoking stay possible");
    }

    [Test]
    public async Task Coordinator_CannotLinkAUserToAnEntraIdentity()
    {
        using var coordinator = World.ClientFor(World.People["coordinatorA"].Token);

        var response = await coordinator.PostAsJsonAsync("/api/users", new
        {
            email = "relie@example.org",
            displayName = "Relié",
            role = "volunteer",
            organisationIds = new[] { World.OrganisationA },
            entraObjectId = Guid.NewGuid(),
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task AUser_HasAtMostTwentyLiveTokens()
    {
        var person = await World.CreatePersonAsync("many", "observer", null);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            statuses.Add((await World.Admin.PostAsJsonAsync($"/api/users/{person.Id}/tokens", new { name = $"t{i}" })).StatusCode);
        }

        Assert.That(statuses.Take(19), Has.All.EqualTo(HttpStatusCode.Created), "one was issued with the person");
        Assert.That(statuses[19], Is.EqualTo(HttpStatusCode.Conflict));
    }

    [Test]
    public async Task CoordinatorCannotCreateAnAdmin_NorAUserOfAnotherOrganisation()
    {
        using var coordinator = World.ClientFor(World.People["coordinatorA"].Token);

        var admin = await coordinator.PostAsJsonAsync("/api/users", new { email = "x@example.org", displayName = "X", role = "admin" });
        var other = await coordinator.PostAsJsonAsync("/api/users",
            new { email = "y@example.org", displayName = "Y", role = "volunteer", organisationIds = new[] { World.OrganisationB } });
        var promote = await coordinator.PatchAsJsonAsync($"/api/users/{World.People["volunteerA"].Id}", new { role = "coordinator" });

        Assert.That(new[] { admin.StatusCode, other.StatusCode, promote.StatusCode }, Is.All.EqualTo(HttpStatusCode.Forbidden));
    }
}
