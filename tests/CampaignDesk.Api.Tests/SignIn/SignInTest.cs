using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignDesk.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Time.Testing;

namespace CampaignDesk.Api.Tests.SignIn;

/// <summary>
/// One API host per fixture on the tests' clock (a FakeTimeProvider the tests advance), its mail in a folder of its
/// own, and what signing in by e-mail needs: invite someone, read the message as a mail client would (MimeKit),
/// follow its link in a "browser" (a client that keeps cookies).
/// </summary>
public abstract class SignInTest
{
    /// <summary>Starts at the real time: the test clients keep cookies by their Expires, against the machine's clock.</summary>
    protected FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected CampaignDeskApiFactory Factory { get; private set; } = null!;

    protected HttpClient Admin { get; private set; } = null!;

    protected long Organisation { get; private set; }

    protected virtual (string Key, string? Value)[] Settings => [];

    [OneTimeSetUp]
    public async Task StartApi()
    {
        Factory = await CampaignDeskApiFactory.CreateAsync(Clock, Settings);
        Admin = Factory.CreateAdminClient();
        var organisations = await Admin.GetFromJsonAsync<JsonElement>("/api/organisations?type=structure&pageSize=1");
        Organisation = organisations.GetProperty("items")[0].GetProperty("id").GetInt64();
    }

    [OneTimeTearDown]
    public async Task StopApi()
    {
        Admin.Dispose();
        await Factory.DisposeAsync();
    }

    protected static string NewEmail(string who) => $"{who}.{Guid.NewGuid():N}@example.org";

    /// <summary>The admin invites a new volunteer of the organisation; the invitation as the API answered it.</summary>
    protected async Task<JsonElement> InviteAsync(string email, string role = "volunteer", HttpClient? by = null)
    {
        using var response = await (by ?? Admin).PostAsJsonAsync("/api/invitations",
            new { email, displayName = "Nina Bénévole", role, organisationIds = role == "observer" ? Array.Empty<long>() : [Organisation] });
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("invitation").Clone();
    }

    /// <summary>The secret of the link in the invitation's e-mail.</summary>
    protected async Task<string> InvitationSecretAsync(JsonElement invitation) =>
        EmlMailbox.SignInSecret(await EmlMailbox.ByKeyAsync(Factory.MailFolder, $"invitation-{invitation.GetProperty("id").GetInt64()}"));

    /// <summary>An invitation of a new volunteer, asked for with this Host header.</summary>
    protected HttpRequestMessage InvitationFor(string host)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/invitations")
        {
            Content = JsonContent.Create(new { email = NewEmail("invitee"), displayName = "Invitée", role = "volunteer", organisationIds = new[] { Organisation } }),
        };
        request.Headers.Host = host;
        return request;
    }

    /// <summary>The link in the e-mail of the invitation this response created.</summary>
    protected async Task<Uri> LinkOfAsync(HttpResponseMessage response)
    {
        Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("invitation").GetProperty("id").GetInt64();
        return EmlMailbox.SignInLink(await EmlMailbox.ByKeyAsync(Factory.MailFolder, $"invitation-{id}"));
    }

    /// <summary>A client that keeps cookies, as a browser does.</summary>
    protected HttpClient NewBrowser(bool https = false) => Factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri(https ? "https://localhost" : "http://localhost"),
        HandleCookies = true,
    });

    /// <summary>Follows a link in <paramref name="browser"/>: the page posts its secret; the response as it came.</summary>
    /// <summary>Uses a link as the sign-in page does: asking for French.</summary>
    protected static Task<HttpResponseMessage> UseLinkAsync(HttpClient browser, string secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/sign-in/session") { Content = JsonContent.Create(new { link = secret }) };
        request.Headers.AcceptLanguage.ParseAdd("fr");
        return browser.SendAsync(request);
    }

    /// <summary>Invites someone and signs them in with the link in <paramref name="browser"/>; their user id and session's CSRF token.</summary>
    protected async Task<(long UserId, long SessionId, string Csrf)> SignInAsync(HttpClient browser, string? email = null)
    {
        var invitation = await InviteAsync(email ?? NewEmail("benevole"));
        using var response = await UseLinkAsync(browser, await InvitationSecretAsync(invitation));
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, body);
        var user = JsonDocument.Parse(body).RootElement.GetProperty("user");
        var session = user.GetProperty("session");
        return (user.GetProperty("id").GetInt64(), session.GetProperty("id").GetInt64(), session.GetProperty("csrfToken").GetString()!);
    }

    /// <summary>A write any user may make about themselves: their own display name.</summary>
    protected static HttpRequestMessage Rename(long userId, string? csrf = null, string name = "Nina B.")
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/users/{userId}") { Content = JsonContent.Create(new { displayName = name }) };
        if (csrf is not null)
        {
            request.Headers.Add("X-CSRF-Token", csrf);
        }

        return request;
    }

    protected static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);
}
