using System.Net;
using System.Text.Json;
using CampaignDesk.TestSupport;
using Microsoft.Playwright;

namespace CampaignDesk.Web.Tests;

/// <summary>
/// Getting in without a token: an admin invites a volunteer, the volunteer follows the link of the e-mail (read from
/// the <c>.eml</c> file with MimeKit) on their phone, lands signed in on « Mes tâches », sees « Mes appareils » and signs
/// out; and « Recevoir un lien de connexion » brings someone back to the page they asked for.
/// </summary>
public class SignInByEmailTests : BrowserTest
{
    private ApiProcess _desk = null!;

    private string MailFolder => Path.Combine(_desk.Root.FullName, "data", "mail");

    [OneTimeSetUp]
    public async Task StartAsync() => _desk = await Desk.StartAsync(new Dictionary<string, string>
    {
        ["Seed__Officials"] = "false",
        ["Seed__Campaign"] = "false",
        // Links are built from the request's host only because this restricts it (else Web:PublicUrl, else localhost).
        ["AllowedHosts"] = "127.0.0.1",
    });

    [OneTimeTearDown]
    public async Task StopAsync() => await _desk.DisposeAsync();

    [Test]
    public async Task InvitedVolunteer_FollowsTheLinkOnTheirPhone_LandsOnTheirTasks_AndSignsOut()
    {
        var email = $"nina.{Guid.NewGuid():N}@example.org";
        var invitation = await Desk.PostAsync(_desk.Http, "/api/invitations",
            new { email, displayName = "Nina Bénévole", role = "volunteer", organisationIds = new[] { Desk.Organisation } });
        var message = await EmlMailbox.ByKeyAsync(MailFolder, $"invitation-{invitation.GetProperty("invitation").GetProperty("id").GetInt64()}");
        var link = EmlMailbox.SignInLink(message);
        var page = await NewPageAsync(phone: true, baseAddress: _desk.BaseAddress);

        await OpenAsync(page, link.ToString());
        Assert.That(page.Url, Does.Not.Contain("lien="), "the secret leaves the address bar at once");
        await ScreenshotAsync(page, "connexion-lien-telephone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Me connecter sur cet appareil" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/app/taches.html", StringComparison.Ordinal));
        await WaitDrawnAsync(page);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mes tâches", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#entete")).ToContainTextAsync("Nina Bénévole");
        var cookies = await page.Context.CookiesAsync();
        var session = cookies.Single(c => c.Name == "campaigndesk_session");
        Assert.Multiple(async () =>
        {
            Assert.That(session.HttpOnly, Is.True);
            Assert.That(session.SameSite, Is.EqualTo(SameSiteAttribute.Strict));
            Assert.That(await page.EvaluateAsync<string>("document.cookie"), Does.Not.Contain(session.Value), "no script reads the session");
            Assert.That(await page.EvaluateAsync<string?>("sessionStorage.getItem('campaigndesk.token') ?? localStorage.getItem('campaigndesk.token')"),
                Is.Null, "no token in the browser's storage");
        });
        await ScreenshotAsync(page, "taches-apres-lien-telephone");

        // A write made with the cookie but without its anti-CSRF token is refused; the page's own writes carry it.
        ExpectConsoleError("status of 403");
        var forged = await page.EvaluateAsync<int>("""
            async () => (await fetch('/api/me/sessions/0', { method: 'DELETE', credentials: 'same-origin' })).status
            """);
        Assert.That(forged, Is.EqualTo(403));

        await page.GetByRole(AriaRole.Link, new() { Name = "Mes appareils" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/app/appareils.html", StringComparison.Ordinal));
        await WaitDrawnAsync(page);
        var device = page.Locator("#appareils li");
        await Assertions.Expect(device).ToHaveCountAsync(1);
        await Assertions.Expect(device).ToContainTextAsync("Cet appareil");
        await Assertions.Expect(device).ToContainTextAsync("par une invitation");
        Assert.That(await WiderThanTheScreenAsync(page), Is.Empty, "no sideways scrolling on a 360 px phone");
        Assert.That(await UnlabelledFieldsAsync(page), Is.Empty);
        await ScreenshotAsync(page, "appareils-telephone");

        await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/app/connexion.html", StringComparison.Ordinal));
        await WaitDrawnAsync(page);
        await ScreenshotAsync(page, "connexion-apres-deconnexion-telephone");

        // The session is over on the server, not only forgotten by this browser.
        using var stolen = new HttpClient { BaseAddress = _desk.BaseAddress };
        stolen.DefaultRequestHeaders.Add("Cookie", $"campaigndesk_session={session.Value}");
        using var replay = await stolen.GetAsync("/api/me");
        Assert.That(replay.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await page.Context.CookiesAsync()).Select(c => c.Name), Does.Not.Contain("campaigndesk_session"));
    }

    [Test]
    public async Task AskingForALink_BringsThePersonBackToThePageTheyOpened()
    {
        var email = $"claire.{Guid.NewGuid():N}@example.org";
        await Desk.CreateUserAsync(_desk.Http, email, "Claire Coordination", "coordinator", Desk.Organisation);
        var page = await NewPageAsync(baseAddress: _desk.BaseAddress);

        await page.GotoAsync("/app/appareils.html");
        await page.WaitForURLAsync(url => url.Contains("/app/connexion.html?retour=", StringComparison.Ordinal));
        await WaitDrawnAsync(page);
        Assert.That(await UnlabelledFieldsAsync(page), Is.Empty);
        await page.GetByLabel("Votre adresse e-mail").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Recevoir un lien de connexion" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("un lien de connexion vient d'y être envoyé");
        await ScreenshotAsync(page, "connexion-lien-demande");

        var link = EmlMailbox.SignInLink(await EmlMailbox.WaitForAsync(MailFolder, email));
        await OpenAsync(page, link.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Me connecter sur cet appareil" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/app/appareils.html", StringComparison.Ordinal));
        await WaitDrawnAsync(page);

        await Assertions.Expect(page.Locator("#appareils li")).ToContainTextAsync("par un lien reçu par e-mail");
        var me = JsonDocument.Parse(await page.EvaluateAsync<string>("async () => await (await fetch('/api/me')).text()")).RootElement;
        Assert.That(me.GetProperty("displayName").GetString(), Is.EqualTo("Claire Coordination"));
    }

    [Test]
    public async Task AUsedLink_SaysSo_AndOffersANewOne()
    {
        var email = $"double.{Guid.NewGuid():N}@example.org";
        var invitation = await Desk.PostAsync(_desk.Http, "/api/invitations",
            new { email, displayName = "Dora", role = "volunteer", organisationIds = new[] { Desk.Organisation } });
        var link = EmlMailbox.SignInLink(await EmlMailbox.ByKeyAsync(MailFolder, $"invitation-{invitation.GetProperty("invitation").GetProperty("id").GetInt64()}"));
        using var elsewhere = new HttpClient { BaseAddress = _desk.BaseAddress };
        using var used = await elsewhere.PostAsync("/api/sign-in/session",
            new StringContent(JsonSerializer.Serialize(new { link = link.Fragment["#lien=".Length..] }), System.Text.Encoding.UTF8, "application/json"));
        Assert.That(used.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        ExpectConsoleError("status of 400");
        var page = await NewPageAsync(phone: true, baseAddress: _desk.BaseAddress);

        await OpenAsync(page, link.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Me connecter sur cet appareil" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("déjà servi");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Recevoir un lien de connexion" })).ToBeVisibleAsync();
        await ScreenshotAsync(page, "connexion-lien-deja-utilise");
    }
}
