using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignDesk.TestSupport;

namespace CampaignDesk.Api.Tests.Hosting;

/// <summary>The web pages are served by the API itself, locked down, and what they read is the API's.</summary>
public class WebUiTests : ApiTest
{
    [Test]
    public async Task Root_RedirectsToTheWebPages_WhichAreServedWithAStrictPolicy()
    {
        using var anonymous = Factory.CreateClient(new() { AllowAutoRedirect = false });

        using var root = await anonymous.GetAsync("/");
        using var page = await anonymous.GetAsync("/app/");
        using var script = await anonymous.GetAsync("/app/app.js");
        using var tasks = await anonymous.GetAsync("/app/taches.html");
        using var unknown = await anonymous.GetAsync("/app/inconnue.html");
        using var map = await anonymous.GetAsync("/app/carte/departements.svg");
        using var provenance = await anonymous.GetAsync("/app/carte/PROVENANCE.md");

        Assert.Multiple(async () =>
        {
            Assert.That(root.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(root.Headers.Location?.ToString(), Is.EqualTo("/app/"));
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("<html lang=\"fr\">"));
            Assert.That(page.Headers.GetValues("Content-Security-Policy").Single(),
                Does.Contain("script-src 'self'").And.Contain("default-src 'none'").And.Not.Contain("unsafe-inline"));
            Assert.That(page.Headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"));
            Assert.That(script.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/javascript"));
            Assert.That(await tasks.Content.ReadAsStringAsync(), Is.EqualTo(await page.Content.ReadAsStringAsync()), "every page is the one shell");
            Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "an unknown address is no page: the API's rules apply");
            Assert.That(map.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/svg+xml"));
            Assert.That(provenance.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the map's provenance and licence are published beside it");
        });
    }

    [Test]
    public async Task SignInOptions_WithoutEntra_OfferTheTokenOnly()
    {
        using var anonymous = Factory.CreateClient();
        var options = await anonymous.GetFromJsonAsync<JsonElement>("/api/sign-in/options");
        Assert.That(options.GetProperty("entra").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task Me_GivesTheDisplayNameToGreet()
    {
        var user = await Client.PostAsJsonAsync("/api/users", new { email = "salut@example.org", displayName = "Sandrine Salut", role = "observer" });
        var id = (await user.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var token = (await (await Client.PostAsJsonAsync($"/api/users/{id}/tokens", new { name = "t" })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("token").GetString();
        using var observer = Factory.CreateClient();
        observer.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var me = await observer.GetFromJsonAsync<JsonElement>("/api/me");

        Assert.That(me.GetProperty("displayName").GetString(), Is.EqualTo("Sandrine Salut"));
        Assert.That(me.GetProperty("name").GetString(), Is.EqualTo("salut@example.org"));
    }
}

/// <summary>With Entra configured for the web pages, the sign-in page learns where to send people, and may talk to it.</summary>
public class WebUiEntraTests
{
    [Test]
    public async Task SignInOptions_WithEntraForTheWeb_NameTheAuthorityClientAndScope()
    {
        await using var entra = await EntraStub.StartAsync();
        await using var factory = await CampaignDeskApiFactory.CreateAsync(
            ("Auth:Entra:Authority", entra.Authority),
            ("Auth:Entra:Audience", EntraStub.Audience),
            ("Auth:Entra:RequireHttpsMetadata", "false"),
            ("Auth:Entra:WebClientId", "11111111-2222-3333-4444-555555555555"),
            ("Auth:Entra:WebScope", "api://campaigndesk/access_as_user"));
        using var anonymous = factory.CreateClient();

        var options = await anonymous.GetFromJsonAsync<JsonElement>("/api/sign-in/options");
        using var page = await anonymous.GetAsync("/app/connexion.html");

        var web = options.GetProperty("entra");
        Assert.Multiple(() =>
        {
            Assert.That(web.GetProperty("authority").GetString(), Is.EqualTo(entra.Authority.TrimEnd('/')));
            Assert.That(web.GetProperty("clientId").GetString(), Is.EqualTo("11111111-2222-3333-4444-555555555555"));
            Assert.That(web.GetProperty("scope").GetString(), Is.EqualTo("api://campaigndesk/access_as_user"));
            Assert.That(page.Headers.GetValues("Content-Security-Policy").Single(),
                Does.Contain("connect-src 'self' " + new Uri(entra.Authority).GetLeftPart(UriPartial.Authority)));
        });
    }
}
