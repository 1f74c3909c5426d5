using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using CampaignDesk.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CampaignDesk.Api.Tests.Auth;

/// <summary>The API with Auth:Entra pointing at a stub of Entra ID: tokens it signs sign in as CampaignDesk users.</summary>
public class EntraTests
{
    private const string CoordinatorOid = "0a1b2c3d-1111-4a5b-8c9d-0e1f2a3b4c5d";
    private const string DisabledOid = "0a1b2c3d-2222-4a5b-8c9d-0e1f2a3b4c5d";
    private const string LinkedOid = "0a1b2c3d-3333-4a5b-8c9d-0e1f2a3b4c5d";
    private const string VolunteerOid = "0a1b2c3d-5555-4a5b-8c9d-0e1f2a3b4c5d";

    private EntraStub _entra = null!;
    private CampaignDeskApiFactory _factory = null!;
    private WebApplicationFactory<Program> _api = null!;
    private readonly CapturedLogs _logs = new();
    private HttpClient _admin = null!;
    private long[] _organisations = [];
    private long _coordinatorId;
    private long _volunteerId;

    [OneTimeSetUp]
    public async Task StartEntraAndApi()
    {
        _entra = await EntraStub.StartAsync();
        _factory = await CampaignDeskApiFactory.CreateAsync(
            ("Auth:Entra:Authority", _entra.Authority),
            ("Auth:Entra:Audience", EntraStub.Audience),
            ("Auth:Entra:TenantId", EntraStub.TenantId),
            ("Auth:Entra:RequireHttpsMetadata", "false"));
        _api = _factory.WithWebHostBuilder(host => host.ConfigureLogging(logging =>
            logging.AddProvider(_logs).AddFilter<CapturedLogs>(null, LogLevel.Trace)));
        _admin = Client(CampaignDeskApiFactory.AdminToken);

        var organisations = await _admin.GetFromJsonAsync<JsonElement>("/api/organisations?pageSize=3");
        _organisations = [.. organisations.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetInt64()).Order()];
        _coordinatorId = await CreateUserAsync("camille.coordination@coalition.example", "coordinator", [_organisations[0], _organisations[1]],
            CoordinatorOid);
        _volunteerId = await CreateUserAsync("Sami.Benevole@coalition.example", "volunteer", [_organisations[2]], null);
        var disabled = await CreateUserAsync("ancien@coalition.example", "volunteer", [_organisations[0]], DisabledOid);
        await CreateUserAsync("linked@coalition.example", "observer", [], LinkedOid);
        var patch = await _admin.PatchAsJsonAsync($"/api/users/{disabled}", new { disabled = true });
        Assert.That(patch.StatusCode, Is.EqualTo(HttpStatusCode.OK), await patch.Content.ReadAsStringAsync());
    }

    [OneTimeTearDown]
    public async Task StopApiAndEntra()
    {
        _admin.Dispose();
        await _api.DisposeAsync();
        await _factory.DisposeAsync();
        await _entra.DisposeAsync();
        _logs.Dispose();
    }

    [Test]
    public async Task Token_OfAUserKnownByObjectId_SignsInAsThatUser()
    {
        var me = await MeAsync(_entra.CreateToken(CoordinatorOid, "someone.else@coalition.example"));

        Assert.Multiple(() =>
        {
            Assert.That(me.GetProperty("id").GetInt64(), Is.EqualTo(_coordinatorId));
            Assert.That(me.GetProperty("role").GetString(), Is.EqualTo("coordinator"));
            Assert.That(me.GetProperty("organisationIds").EnumerateArray().Select(o => o.GetInt64()),
                Is.EqualTo(new[] { _organisations[0], _organisations[1] }));
        });
    }

    [Test]
    public async Task Token_OfAUserKnownByEmailOnly_SignsInWhateverTheCase()
    {
        var me = await MeAsync(_entra.CreateToken(VolunteerOid, "sami.BENEVOLE@Coalition.example"));

        Assert.Multiple(() =>
        {
            Assert.That(me.GetProperty("id").GetInt64(), Is.EqualTo(_volunteerId));
            Assert.That(me.GetProperty("role").GetString(), Is.EqualTo("volunteer"));
            Assert.That(me.GetProperty("organisationIds").EnumerateArray().Select(o => o.GetInt64()), Is.EqualTo(new[] { _organisations[2] }));
        });
    }

    [Test]
    public async Task FirstSignInByEmail_LinksTheUser_SoAnotherAccountWithThatEmailIsRefused()
    {
        await MeAsync(_entra.CreateToken(VolunteerOid, "sami.benevole@coalition.example"));
        using var impostor = Client(_entra.CreateToken(Guid.NewGuid().ToString(), "sami.benevole@coalition.example"));

        var response = await impostor.GetAsync("/api/me");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.Contain("linked to another Entra account"));
    }

    [Test]
    public async Task Token_OfAVolunteer_IsHeldToAVolunteersRights()
    {
        using var client = Client(_entra.CreateToken(VolunteerOid, "sami.benevole@coalition.example"));

        var response = await client.GetAsync("/api/audit");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [TestCase(null, "nobody@coalition.example", "No CampaignDesk user for this Entra account.")]
    [TestCase(DisabledOid, "ancien@coalition.example", "The user is disabled.")]
    [TestCase("0a1b2c3d-4444-4a5b-8c9d-0e1f2a3b4c5d", "linked@coalition.example", "is linked to another Entra account")]
    public async Task ValidToken_WithoutAUsableUser_Is401WithTheReason(string? objectId, string email, string reason)
    {
        using var client = Client(_entra.CreateToken(objectId ?? Guid.NewGuid().ToString(), email));

        var response = await client.GetAsync("/api/me");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.Contain("error=\"invalid_token\"").And.Contain(reason));
    }

    [Test]
    public async Task Token_FromAnotherTenant_Is401() =>
        await AssertRefusedAsync(_entra.CreateToken(CoordinatorOid, tenantId: Guid.NewGuid().ToString()), "another Entra tenant");

    [Test]
    public async Task Token_ForAnotherAudience_Is401() =>
        await AssertRefusedAsync(_entra.CreateToken(CoordinatorOid, audience: "api://another-app"), "audience");

    [Test]
    public async Task Token_Expired_Is401() =>
        await AssertRefusedAsync(_entra.CreateToken(CoordinatorOid, expiresUtc: DateTime.UtcNow.AddHours(-1)), "expired");

    [TestCase(EntraStub.KeyId)]
    [TestCase("unknown-key")]
    public async Task Token_SignedByAnotherKey_Is401(string keyId)
    {
        using var other = RSA.Create(2048);

        await AssertRefusedAsync(_entra.CreateToken(CoordinatorOid, signingKey: other, keyId: keyId), "signature");
    }

    [Test]
    public async Task JwtShapedGarbage_Is401() => await AssertRefusedAsync("eyJhbGciOiJSUzI1NiJ9.eyJvaWQiOiJ4In0.c2lnbmF0dXJl", "");

    [Test]
    public async Task CampaignDeskTokens_StillWorkAlongsideEntra()
    {
        var issued = await _admin.PostAsJsonAsync($"/api/users/{_coordinatorId}/tokens", new { name = "alongside entra" });
        var token = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;

        var personal = await MeAsync(token);
        var bootstrap = await MeAsync(CampaignDeskApiFactory.AdminToken);

        Assert.Multiple(() =>
        {
            Assert.That(token, Does.StartWith("cdp_"));
            Assert.That(personal.GetProperty("id").GetInt64(), Is.EqualTo(_coordinatorId));
            Assert.That(bootstrap.GetProperty("role").GetString(), Is.EqualTo("admin"));
            Assert.That(bootstrap.GetProperty("id").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [Test]
    public async Task EntraToken_WhenEntraIsNotConfigured_Is401FromTheTokenHandler()
    {
        await using var plain = await CampaignDeskApiFactory.CreateAsync();
        using var client = plain.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _entra.CreateToken(CoordinatorOid));

        var response = await client.GetAsync("/api/me");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Headers.WwwAuthenticate.ToString(),
            Is.EqualTo("Bearer error=\"invalid_token\", error_description=\"The token is not valid.\""), "the token handler's refusal, as before Entra");
    }

    [Test]
    public async Task Tokens_AreNeverLogged()
    {
        string[] tokens =
        [
            _entra.CreateToken(CoordinatorOid),
            _entra.CreateToken(null, "nobody@coalition.example"),
            _entra.CreateToken(CoordinatorOid, expiresUtc: DateTime.UtcNow.AddHours(-1)),
            _entra.CreateToken(CoordinatorOid, audience: "api://another-app"),
        ];
        foreach (var token in tokens)
        {
            using var client = Client(token);
            await client.GetAsync("/api/me");
        }

        Assert.That(_logs.Text, Does.Contain("Entra sign-in refused"), "the capture sees the API's logs");
        foreach (var token in tokens)
        {
            Assert.That(_logs.Text, Does.Not.Contain(token.Split('.')[2]).And.Not.Contain(token.Split('.')[1]));
        }
    }

    private async Task AssertRefusedAsync(string token, string description)
    {
        using var client = Client(token);

        var response = await client.GetAsync("/api/me");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.StartWith("Bearer").And.Contain(description));
    }

    private async Task<JsonElement> MeAsync(string token)
    {
        using var client = Client(token);
        var response = await client.GetAsync("/api/me");
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{body} {response.Headers.WwwAuthenticate}");
        return JsonDocument.Parse(body).RootElement;
    }

    private async Task<long> CreateUserAsync(string email, string role, long[] organisationIds, string? entraObjectId)
    {
        var response = await _admin.PostAsJsonAsync("/api/users",
            new { email, displayName = email.Split('@')[0], role, organisationIds, entraObjectId });
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64();
    }

    private HttpClient Client(string token)
    {
        var client = _api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
