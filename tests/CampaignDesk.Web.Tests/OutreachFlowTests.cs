using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignDesk.TestSupport;
using Microsoft.Playwright;

namespace CampaignDesk.Web.Tests;

/// <summary>
/// A coordinator's day in the browser, on a desk of its own that writes mail as <c>.eml</c> files (the embedded default)
/// with the demo campaign running again: invited by e-mail, signed in on a phone by the link of the <c>.eml</c> and on a
/// screen by a link asked for, log a call from an official's page, schedule a follow-up for three élus at once
/// from the structure page after its preview, the messages leave in their window, and the élus read as contacted on the
/// structure page and the dashboard; a volunteer leaves a message and the task stays open with a new date; an observer
/// never sees the coordinator's confidential note.
/// </summary>
[NonParallelizable]
public class OutreachFlowTests : BrowserTest
{
    private const long Organisation = Desk.Organisation;
    private const long Campaign = Desk.Campaign;
    private const string Note = "Confidentiel : la permanence rappellera jeudi.";

    private ApiProcess _api = null!;
    private string _coordinator = "";
    private string _volunteer = "";
    private long _volunteerId;
    private string _observer = "";
    private long _official;

    [OneTimeSetUp]
    public async Task StartDeskAsync()
    {
        // Mail as .eml files; the sending window open at every hour of every day, so the test does not depend on the clock.
        var settings = new Dictionary<string, string>
        {
            ["Mail__Transport"] = "eml",
            ["FollowUps__SendingWindow__Start"] = "00:00",
            ["FollowUps__SendingWindow__End"] = "23:59:59.9999999",
            ["FollowUps__SendingWindow__RespectHolidays"] = "false",
            ["FollowUps__Dispatch__Interval"] = "00:00:01",
        };
        foreach (var (day, i) in Enum.GetValues<DayOfWeek>().Select((d, i) => (d, i)))
        {
            settings[$"FollowUps__SendingWindow__Days__{i}"] = day.ToString();
        }

        _api = await Desk.StartAsync(settings);
        var admin = _api.Http;
        (await admin.PatchAsJsonAsync($"/api/campaigns/{Campaign}", new { deadline = "2030-04-30" })).EnsureSuccessStatusCode();
        (await admin.PatchAsJsonAsync($"/api/organisations/{Organisation}", new { mailbox = Desk.Mailbox })).EnsureSuccessStatusCode();
        _official = (await admin.GetFromJsonAsync<JsonElement>("/api/officials?q=chatelain&role=depute")).GetProperty("items")[0].GetProperty("id").GetInt64();
        _coordinator = await TokenAsync(await Desk.CreateUserAsync(admin, "coordination@example.org", "Camille Coordination", "coordinator", Organisation));
        _volunteerId = await Desk.CreateUserAsync(admin, "benevole@example.org", "Bénédicte Bénévole", "volunteer", Organisation);
        _volunteer = await TokenAsync(_volunteerId);
        _observer = await TokenAsync(await Desk.CreateUserAsync(admin, "observation@example.org", "Oscar Observateur", "observer"));
    }

    private string MailFolder => Path.Combine(_api.Root.FullName, "data", "mail");

    /// <summary>Opens a sign-in link as its reader would and accepts it on this device.</summary>
    private static async Task SignInByLinkAsync(IPage page, Uri link)
    {
        await OpenAsync(page, link.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Me connecter sur cet appareil" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/app/connexion.html", StringComparison.Ordinal));
    }

    [OneTimeTearDown]
    public async Task StopDeskAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }
    }

    [Test]
    public async Task Coordinator_LogsACall_SchedulesThreeFollowUps_AndTheyLeaveAndCount()
    {
        // 0. An admin invites a coordinator; she follows the link of the .eml on her phone, never seeing a token.
        var email = $"ines.{Guid.NewGuid():N}@example.org";
        var invitation = await Desk.PostAsync(_api.Http, "/api/invitations",
            new { email, displayName = "Inès Invitée", role = "coordinator", organisationIds = new[] { Organisation } });
        var invited = await EmlMailbox.ByKeyAsync(MailFolder, $"invitation-{invitation.GetProperty("invitation").GetProperty("id").GetInt64()}");
        var phone = await NewPageAsync(phone: true, baseAddress: _api.BaseAddress);
        await SignInByLinkAsync(phone, EmlMailbox.SignInLink(invited));
        await OpenAsync(phone, $"/app/elu.html?id={_official}&structure={Organisation}");
        await Assertions.Expect(phone.Locator("#entete")).ToContainTextAsync("Inès Invitée");

        // 1. On the phone, from the official's page: « Noter un contact », confidential.
        await phone.Locator("#noter summary").ClickAsync();
        await phone.GetByLabel("Moyen").SelectOptionAsync("phone");
        await phone.Locator("#noter").GetByLabel("J'ai pu lui parler").CheckAsync();
        await phone.Locator("#noter").GetByLabel("Notes (facultatif)").FillAsync(Note);
        await phone.Locator("#noter").GetByLabel("Note confidentielle (lue par ma structure seulement)").CheckAsync();
        await ScreenshotAsync(phone, "flux-elu-noter-telephone");
        await phone.Locator("#noter").GetByRole(AriaRole.Button, new() { Name = "Enregistrer le contact" }).ClickAsync();
        await Assertions.Expect(phone.Locator("#noter .succes")).ToContainTextAsync("Contact enregistré");
        await Assertions.Expect(phone.Locator("#historique")).ToContainTextAsync(Note);
        Assert.That(await phone.EvaluateAsync<int>("document.documentElement.scrollWidth"), Is.LessThanOrEqualTo(360));

        // 2. On a screen, from the structure page: three targets with an address, one follow-up, previewed, confirmed.
        var officials = await _api.Http.GetFromJsonAsync<JsonElement>($"/api/organisations/{Organisation}/officials?campaign={Campaign}");
        var three = officials.EnumerateArray()
            .Where(o => o.GetProperty("target").GetBoolean() && o.GetProperty("emails").GetArrayLength() > 0 && o.GetProperty("officialId").GetInt64() != _official)
            .DistinctBy(o => o.GetProperty("officialId").GetInt64()).Take(3).ToList();
        Assert.That(three, Has.Count.EqualTo(3), "three targets with an e-mail address");
        var before = await ContactedAsync();
        var screen = await NewPageAsync(baseAddress: _api.BaseAddress);
        await screen.GotoAsync($"/app/structure.html?id={Organisation}");
        await screen.WaitForURLAsync(url => url.Contains("/app/connexion.html?retour=", StringComparison.Ordinal));
        await WaitDrawnAsync(screen);
        await screen.GetByLabel("Votre adresse e-mail").FillAsync(email);
        await screen.GetByRole(AriaRole.Button, new() { Name = "Recevoir un lien de connexion" }).ClickAsync();
        await SignInByLinkAsync(screen, EmlMailbox.SignInLink(await EmlMailbox.WaitForAsync(MailFolder, email, already: 1)));
        await screen.WaitForURLAsync(url => url.Contains($"/app/structure.html?id={Organisation}", StringComparison.Ordinal));
        await WaitDrawnAsync(screen);
        foreach (var o in three)
        {
            await screen.GetByLabel($"Choisir {o.GetProperty("firstName").GetString()} {o.GetProperty("lastName").GetString()}").First.CheckAsync();
        }

        await Assertions.Expect(screen.Locator("#choix-compte")).ToHaveTextAsync("3 élus choisis.");
        await screen.Locator("#lot-relance summary").ClickAsync();
        await screen.GetByRole(AriaRole.Button, new() { Name = "Voir l'aperçu des messages" }).ClickAsync();
        var previews = screen.Locator("#lot-relance .apercu");
        await Assertions.Expect(previews).ToHaveCountAsync(3);
        await Assertions.Expect(previews.First).ToContainTextAsync("Départ prévu");
        await Assertions.Expect(previews.First.Locator(".raisons")).Not.ToBeEmptyAsync();
        Assert.That(await FollowUpsAsync(), Is.Zero, "nothing is scheduled before it is confirmed");
        await ScreenshotAsync(screen, "flux-structure-apercu");
        await screen.GetByRole(AriaRole.Button, new() { Name = "Confirmer : programmer 3 relances" }).ClickAsync();
        await Assertions.Expect(screen.Locator("#lot-relance .succes")).ToContainTextAsync("3 relances programmées");

        // 3. The outbox sends them in their window, as .eml files in the mail folder.
        var sent = await WaitSentAsync(3);
        var files = Directory.GetFiles(Path.Combine(_api.Root.FullName, "data", "mail"), "*.eml");
        Assert.Multiple(() =>
        {
            foreach (var f in sent)
            {
                Assert.That(f.GetProperty("sentUtc").GetDateTime(), Is.GreaterThanOrEqualTo(f.GetProperty("dueUtc").GetDateTime()), "not before its planned time");
                Assert.That(files.Any(path => File.ReadAllText(path).Contains(f.GetProperty("toAddress").GetString()!, StringComparison.Ordinal)), Is.True,
                    $"an .eml file to {f.GetProperty("toAddress").GetString()}");
            }
        });

        // 4. They read as contacted, on the structure page and on the dashboard.
        await OpenAsync(screen, $"/app/structure.html?id={Organisation}");
        foreach (var o in three)
        {
            await Assertions.Expect(screen.Locator($"#elus li[data-official='{o.GetProperty("officialId").GetInt64()}'] .badge").First)
                .ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Contacté·e"));
        }

        await ScreenshotAsync(screen, "flux-structure-apres");
        var after = await ContactedAsync();
        Assert.That(after, Is.GreaterThanOrEqualTo(before + 3));
        await OpenAsync(screen, $"/app/campagne.html?id={Campaign}");
        await Assertions.Expect(screen.Locator(".chiffres")).ToContainTextAsync($"contactées ({after})");

        // 5. An observer never sees the confidential note, nor that there is one.
        var observer = await NewPageAsync(baseAddress: _api.BaseAddress);
        await SignInAsync(observer, _observer, $"/app/elu.html?id={_official}");
        var text = await observer.Locator("main").InnerTextAsync();
        Assert.That(text, Does.Not.Contain("Confidentiel").And.Not.Contain("confidentiel"));
    }

    [Test]
    public async Task Volunteer_LeavesAMessage_AndTheTaskStaysOpenWithANewDate()
    {
        var task = await Desk.PostAsync(_api.Http, "/api/tasks", new
        {
            assigneeUserId = _volunteerId,
            officialId = _official,
            organisationId = Organisation,
            campaignId = Campaign,
            kind = "call",
            dueDate = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            instructions = "Appeler la permanence.",
        });
        var id = task.GetProperty("id").GetInt64();
        var proposed = task.GetProperty("proposedRetryDate").GetString();
        var page = await NewPageAsync(phone: true, baseAddress: _api.BaseAddress);
        await SignInAsync(page, _volunteer, "/app/taches.html");
        var card = page.Locator($"#a-faire [data-task='{id}']");

        await card.GetByRole(AriaRole.Button, new() { Name = "Noter ce qui s'est passé" }).ClickAsync();
        await card.GetByLabel("Message laissé", new() { Exact = true }).CheckAsync();
        await ScreenshotAsync(page, "flux-taches-message-telephone");
        await card.GetByRole(AriaRole.Button, new() { Name = "Enregistrer", Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator(".succes")).ToContainTextAsync("tâche reportée");
        await Assertions.Expect(page.Locator($"#a-faire [data-task='{id}']")).ToContainTextAsync("1 tentative");
        var after = await _api.Http.GetFromJsonAsync<JsonElement>($"/api/tasks/{id}");
        Assert.Multiple(() =>
        {
            Assert.That(after.GetProperty("state").GetString(), Is.EqualTo("open"));
            Assert.That(after.GetProperty("attempts").GetInt32(), Is.EqualTo(1));
            Assert.That(after.GetProperty("dueDate").GetString(), Is.EqualTo(proposed));
        });
    }

    [Test]
    public async Task Coordinator_LogsAContact_WithTheKeyboardOnly()
    {
        var page = await NewPageAsync(baseAddress: _api.BaseAddress);
        await SignInAsync(page, _coordinator, $"/app/elu.html?id={_official}&structure={Organisation}");

        await page.Locator("#noter summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#noter").GetByLabel("Rendez-vous obtenu").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.Locator("#noter").GetByLabel("Notes (facultatif)").FocusAsync();
        await page.Keyboard.TypeAsync("Au clavier : rendez-vous le 12 à la permanence.");
        await page.Locator("#noter").GetByRole(AriaRole.Button, new() { Name = "Enregistrer le contact" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("#noter .succes")).ToContainTextAsync("Contact enregistré");
        await Assertions.Expect(page.Locator("#historique")).ToContainTextAsync("Au clavier : rendez-vous le 12");
    }

    private async Task<string> TokenAsync(long userId) =>
        (await Desk.PostAsync(_api.Http, $"/api/users/{userId}/tokens", new { name = "navigateur", expiresInDays = 7 })).GetProperty("token").GetString()!;

    private async Task<int> ContactedAsync() =>
        (await _api.Http.GetFromJsonAsync<JsonElement>($"/api/campaigns/{Campaign}/coverage?by=role")).GetProperty("total").GetProperty("contacted").GetInt32();

    private async Task<long> FollowUpsAsync() =>
        (await _api.Http.GetFromJsonAsync<JsonElement>($"/api/followups?organisation={Organisation}")).GetProperty("total").GetInt64();

    private async Task<List<JsonElement>> WaitSentAsync(int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            var sent = (await _api.Http.GetFromJsonAsync<JsonElement>($"/api/followups?organisation={Organisation}&state=sent")).GetProperty("items")
                .EnumerateArray().Select(f => f.Clone()).ToList();
            if (sent.Count >= count || DateTime.UtcNow > deadline)
            {
                Assert.That(sent, Has.Count.EqualTo(count), "follow-ups sent by the outbox");
                return sent;
            }

            await Task.Delay(500);
        }
    }
}
