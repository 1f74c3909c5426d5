using CampaignDesk.TestSupport;
using Microsoft.Playwright;

namespace CampaignDesk.Web.Tests;

/// <summary>
/// « Se connecter avec Microsoft »: the sign-in page runs the authorization code flow with PKCE against an Entra
/// stub on 127.0.0.1, and the token it gets signs the person in as their CampaignDesk user.
/// </summary>
public class EntraSignInTests : BrowserTest
{
    private EntraStub _entra = null!;
    private ApiProcess _desk = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _entra = await EntraStub.StartAsync();
        _desk = await Desk.StartAsync(new Dictionary<string, string>
        {
            ["Seed__Officials"] = "false",
            ["Seed__Campaign"] = "false",
            ["Auth__Entra__Authority"] = _entra.Authority,
            ["Auth__Entra__Audience"] = EntraStub.Audience,
            ["Auth__Entra__RequireHttpsMetadata"] = "false",
            ["Auth__Entra__WebClientId"] = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
            ["Auth__Entra__WebScope"] = $"api://{EntraStub.Audience}/access_as_user",
        });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _desk.DisposeAsync();
        await _entra.DisposeAsync();
    }

    [Test]
    public async Task SignInWithMicrosoft_LandsOnTheHomePage_AsTheirCampaignDeskUser()
    {
        await Desk.CreateUserAsync(_desk.Http, "Nora.Benevole@coalition.example", "Nora Bénévole", "volunteer", 2);
        _entra.SignsInAs = ("6c1f2a3b-0000-4000-8000-00000000e1e1", "nora.benevole@coalition.example");
        var page = await NewPageAsync(phone: true, baseAddress: _desk.BaseAddress);
        var issued = _entra.TokensIssued;

        await OpenAsync(page, "/app/connexion.html?retour=%2Fapp%2Ftaches.html");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter avec Microsoft" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/app/taches.html", StringComparison.Ordinal));
        await WaitDrawnAsync(page);

        Assert.Multiple(async () =>
        {
            Assert.That(await page.Locator("#entete").InnerTextAsync(), Does.Contain("Nora Bénévole"));
            Assert.That(_entra.TokensIssued, Is.EqualTo(issued + 1), "one code, redeemed once with its PKCE verifier");
            Assert.That(await page.EvaluateAsync<string?>("localStorage.getItem('campaigndesk.token')"), Is.Null, "kept for the tab only");
        });
        await ScreenshotAsync(page, "taches-entra");
    }

    [Test]
    public async Task SignInWithMicrosoft_AsSomeoneWithoutAnAccount_SaysSo()
    {
        _entra.SignsInAs = ("6c1f2a3b-0000-4000-8000-00000000dead", "inconnu@coalition.example");
        ExpectConsoleError("status of 401");
        var page = await NewPageAsync(baseAddress: _desk.BaseAddress);

        await OpenAsync(page, "/app/connexion.html");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter avec Microsoft" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("n'est pas un compte CampaignDesk");
        Assert.That(page.Url, Does.EndWith("/app/connexion.html"));
    }
}
