using Microsoft.Playwright;

namespace CampaignDesk.Web.Tests;

/// <summary>A volunteer on a phone: signs in, sees the task, logs the call in a few taps, and the task closes.</summary>
public class VolunteerTests : BrowserTest
{
    [Test]
    public async Task Volunteer_LogsACallOnTheirPhone_AndTheTaskCloses()
    {
        var instructions = $"Appeler la permanence, demander son soutien au moratoire ({Guid.NewGuid():N}).";
        var taskId = await Desk.AssignCallAsync(instructions);
        var page = await NewPageAsync(phone: true);

        await SignInAsync(page, Desk.VolunteerToken, "/app/taches.html");
        var card = page.Locator($"#a-faire [data-task='{taskId}']");
        await Assertions.Expect(card).ToContainTextAsync("Cyrielle CHATELAIN");
        await Assertions.Expect(card).ToContainTextAsync(instructions);
        Assert.That(await WiderThanTheScreenAsync(page), Is.Empty, "no sideways scrolling on a 360 px phone");
        Assert.That(await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), Is.LessThanOrEqualTo(360));
        Assert.That(await StrayTextAsync(page), Is.Empty);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Obtenir une nouvelle adresse d'agenda" })).ToBeVisibleAsync();
        await ScreenshotAsync(page, "taches-telephone");

        await card.GetByRole(AriaRole.Button, new() { Name = "Noter ce qui s'est passé" }).ClickAsync();
        await card.GetByLabel("J'ai pu lui parler").CheckAsync();
        await card.GetByLabel("Notes (facultatif)").FillAsync("Favorable au moratoire, attend le courrier de la fédération.");
        Assert.That(await UnlabelledFieldsAsync(page), Is.Empty, "every field has a label");
        await ScreenshotAsync(page, "taches-saisie-telephone");
        await card.GetByRole(AriaRole.Button, new() { Name = "Enregistrer", Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator(".succes")).ToContainTextAsync("tâche close");
        await Assertions.Expect(page.Locator($"#a-faire [data-task='{taskId}']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator($"#faites [data-task='{taskId}']")).ToHaveCountAsync(1);

        // The server agrees: the task is done, closed by an interaction with what the form said.
        var task = await Desk.GetAsync($"/api/tasks/{taskId}");
        var interaction = await Desk.GetAsync($"/api/interactions/{task.GetProperty("interactionId").GetInt64()}");
        Assert.Multiple(() =>
        {
            Assert.That(task.GetProperty("state").GetString(), Is.EqualTo("done"));
            Assert.That(interaction.GetProperty("outcome").GetString(), Is.EqualTo("spoke"));
            Assert.That(interaction.GetProperty("channel").GetString(), Is.EqualTo("phone"));
            Assert.That(interaction.GetProperty("notes").GetString(), Does.StartWith("Favorable au moratoire"));
            Assert.That(interaction.GetProperty("campaignId").GetInt64(), Is.EqualTo(Desk.Campaign));
        });

        // Reloaded, the page shows it done too.
        await OpenAsync(page, "/app/taches.html");
        await Assertions.Expect(page.Locator($"#faites [data-task='{taskId}']")).ToHaveCountAsync(1);
    }

    [Test]
    public async Task Volunteer_CanLogTheCallWithTheKeyboardOnly()
    {
        var taskId = await Desk.AssignCallAsync("Au clavier.");
        var page = await NewPageAsync();
        await SignInAsync(page, Desk.VolunteerToken, "/app/taches.html");
        var card = page.Locator($"#a-faire [data-task='{taskId}']");

        await card.GetByRole(AriaRole.Button, new() { Name = "Noter ce qui s'est passé" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await card.GetByLabel("Rendez-vous obtenu").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await card.GetByRole(AriaRole.Button, new() { Name = "Enregistrer", Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator($"#faites [data-task='{taskId}']")).ToHaveCountAsync(1);
        var task = await Desk.GetAsync($"/api/tasks/{taskId}");
        Assert.That(task.GetProperty("state").GetString(), Is.EqualTo("done"));
    }

    [Test]
    public async Task WrongToken_SaysSoAndStaysOnTheSignInPage()
    {
        var page = await NewPageAsync(phone: true);
        ExpectConsoleError("status of 401");
        await OpenAsync(page, "/app/connexion.html");
        await ShowTokenFormAsync(page);
        await page.GetByLabel("Jeton d'accès").FillAsync("cdp_not-a-real-token");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("n'est pas valable");
        Assert.That(page.Url, Does.Contain("/app/connexion.html"));
    }

    [Test]
    public async Task APageOpenedWithoutSigningIn_GoesToSignInAndComesBack()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/app/taches.html");
        await page.WaitForURLAsync(url => url.Contains("/app/connexion.html?retour=", StringComparison.Ordinal));
        await ShowTokenFormAsync(page);
        await page.GetByLabel("Jeton d'accès").FillAsync(Desk.VolunteerToken);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter", Exact = true }).ClickAsync();

        await page.WaitForURLAsync(url => url.EndsWith("/app/taches.html", StringComparison.Ordinal));
        await WaitDrawnAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mes tâches", Level = 1 })).ToBeVisibleAsync();
    }
}
