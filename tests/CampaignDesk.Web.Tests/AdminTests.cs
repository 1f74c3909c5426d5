using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CampaignDesk.TestSupport;
using Microsoft.Playwright;

namespace CampaignDesk.Web.Tests;

/// <summary>
/// The coalition's admin in the browser, on a desk of its own (seeded directory and campaign, e-mails written as .eml):
/// a second campaign with its targeting counted live, its template written and previewed, a coordinator invited who
/// schedules a follow-up from it; and a partial file of the register simulated, confirmed and reverted.
/// </summary>
public class AdminTests : BrowserTest
{
    private const long Participant = Desk.OtherOrganisation;

    private ApiProcess _desk = null!;

    private string MailFolder => Path.Combine(_desk.Root.FullName, "data", "mail");

    private string AdminToken => _desk.Http.DefaultRequestHeaders.Authorization!.Parameter!;

    [OneTimeSetUp]
    public async Task StartAsync() => _desk = await Desk.StartAsync(new Dictionary<string, string> { ["AllowedHosts"] = "127.0.0.1" });

    [OneTimeTearDown]
    public async Task StopAsync() => await _desk.DisposeAsync();

    [Test]
    public async Task AnAdminCreatesACampaign_TargetsIt_WritesATemplate_AndTheInvitedCoordinatorSchedulesAFollowUpFromIt()
    {
        var admin = await NewPageAsync(baseAddress: _desk.BaseAddress);
        await SignInAsync(admin, AdminToken);

        // A second campaign, with another structure.
        await OpenAsync(admin, "/app/campagnes.html");
        await admin.GetByLabel("Titre").FillAsync("Santé mentale : des moyens pour 2027");
        await admin.GetByLabel("Échéance").FillAsync(DateTime.UtcNow.AddMonths(6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await admin.GetByLabel("État").SelectOptionAsync("active");
        await admin.Locator($"#structure-{Participant}").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Créer la campagne" }).ClickAsync();
        await admin.WaitForURLAsync(url => url.Contains("/app/campagne-reglages.html?id=", StringComparison.Ordinal));
        await WaitDrawnAsync(admin);
        var campaign = long.Parse(new Uri(admin.Url).Query.Split('=')[1], CultureInfo.InvariantCulture);

        // The default rules count the targets of the participant's ground; the Isère's députés alone are another count.
        var count = admin.Locator("#nombre-cibles strong");
        await Assertions.Expect(count).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+$"));
        var before = await count.TextContentAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Retirer la règle 2" }).ClickAsync();
        await admin.Locator("#regle-0-senateur").UncheckAsync();
        await admin.Locator("#regle-0-territoire").SelectOptionAsync("departments");
        await admin.Locator("#regle-0-departements").FillAsync("38");
        var isere = await DeputesOfIsereAsync();
        await Assertions.Expect(count).ToHaveTextAsync(isere.ToString(CultureInfo.InvariantCulture));
        Assert.That(before, Is.Not.EqualTo(isere.ToString(CultureInfo.InvariantCulture)), "the count changed with the rules");
        await Assertions.Expect(admin.Locator("#echantillon li").First).ToContainTextAsync("(38)");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la campagne" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#resultat .succes")).ToHaveTextAsync("Campagne enregistrée.");
        var saved = await _desk.Http.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}");
        Assert.That(saved.GetProperty("targeting").GetProperty("rules").GetArrayLength(), Is.EqualTo(1));
        await ScreenshotAsync(admin, "campagne-reglages-ciblage");

        // The template: mistakes named under their field, placeholders inserted at the cursor, previewed without a mailbox.
        await admin.GetByRole(AriaRole.Link, new() { Name = "Modèles d'e-mail" }).ClickAsync();
        await WaitDrawnAsync(admin);
        ExpectConsoleError("status of 400"); // the template with mistakes, refused on purpose
        await admin.GetByLabel("Nom du modèle").FillAsync("Premier courrier");
        await admin.GetByLabel("Objet").FillAsync("Votre {{mandate");
        await admin.GetByLabel("Texte").FillAsync("Bonjour de {{ville}}");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le modèle" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#objet-erreurs")).ToContainTextAsync("n'est pas fermé");
        await Assertions.Expect(admin.Locator("#texte-erreurs")).ToContainTextAsync("{{ville}} inconnu");
        await ScreenshotAsync(admin, "modele-erreurs");

        await admin.GetByLabel("Objet").FillAsync("Santé mentale : ");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Insérer {{mandate}}" }).ClickAsync();
        var body = admin.GetByLabel("Texte");
        await body.FillAsync(",\n\nLes centres ferment depuis le 1er janvier 2020.\n\nBien à vous,\n");
        await body.EvaluateAsync("t => t.setSelectionRange(0, 0)");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Insérer {{salutation}}" }).ClickAsync();
        await body.EvaluateAsync("t => t.setSelectionRange(t.value.length, t.value.length)");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Insérer {{sender.name}}" }).ClickAsync();
        Assert.That(await admin.GetByLabel("Objet").InputValueAsync(), Is.EqualTo("Santé mentale : {{mandate}}"));
        Assert.That(await body.InputValueAsync(), Does.StartWith("{{salutation}},\n").And.EndWith("Bien à vous,\n{{sender.name}}"));
        await admin.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le modèle" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#resultat .succes")).ToHaveTextAsync("Modèle enregistré.");
        Assert.That(await admin.Locator("#objet-erreurs, #texte-erreurs").AllInnerTextsAsync(), Has.All.Empty);

        await admin.GetByLabel("Chercher un autre élu par son nom").FillAsync("cyrielle chatelain");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Chercher", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.Locator("#apercu-elu option").First).ToContainTextAsync("Cyrielle");
        await admin.Locator("#apercu-structure").SelectOptionAsync(Participant.ToString(CultureInfo.InvariantCulture), new() { Timeout = 10_000 });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Prévisualiser" }).ClickAsync();
        var preview = admin.Locator("#apercu-message");
        await Assertions.Expect(preview).ToContainTextAsync("boîte d'envoi de la structure pas encore configurée");
        await Assertions.Expect(preview).ToContainTextAsync("Madame la Députée");
        await Assertions.Expect(admin.Locator("#avertissements")).ToContainTextAsync("1er janvier 2020, une date déjà passée");
        await ScreenshotAsync(admin, "modele-apercu");
        var template = (await _desk.Http.GetFromJsonAsync<JsonElement>($"/api/templates?campaign={campaign}"))[0].GetProperty("id").GetInt64();

        // On « Personnes », the admin sets the structure's sending mailbox and invites its coordinator, who follows the link
        // of the invitation's .eml and schedules a follow-up from that template.
        var participantName = (await _desk.Http.GetFromJsonAsync<JsonElement>($"/api/organisations/{Participant}")).GetProperty("name").GetString();
        await OpenAsync(admin, "/app/personnes.html");
        await admin.Locator("#boites summary").ClickAsync();
        await admin.Locator($"#boite-{Participant}").FillAsync("contact@structure-2.example");
        await admin.GetByRole(AriaRole.Button, new() { Name = $"Enregistrer la boîte de {participantName}" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#boites")).ToContainTextAsync("Enregistrée.");
        var email = $"coordination.{Guid.NewGuid():N}@example.org";
        await admin.GetByText("Inviter quelqu'un").ClickAsync();
        await admin.Locator("#invitation-adresse").FillAsync(email);
        await admin.Locator("#invitation-nom").FillAsync("Corinne Coordination");
        await admin.Locator("#invitation-role").SelectOptionAsync("coordinator");
        await admin.Locator("#invitation-structures").SelectOptionAsync(Participant.ToString(CultureInfo.InvariantCulture));
        await admin.GetByRole(AriaRole.Button, new() { Name = "Envoyer l'invitation" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#invitations")).ToContainTextAsync("Corinne Coordination");
        await Assertions.Expect(admin.Locator("#inviter .succes")).ToContainTextAsync($"Invitation envoyée à {email}");
        await Assertions.Expect(admin.Locator("#invitation-adresse")).ToBeEmptyAsync();
        await ScreenshotAsync(admin, "personnes-invitation");
        var invitation = (await _desk.Http.GetFromJsonAsync<JsonElement>("/api/invitations")).EnumerateArray()
            .Single(i => i.GetProperty("email").GetString() == email);
        var link = EmlMailbox.SignInLink(await EmlMailbox.ByKeyAsync(MailFolder, $"invitation-{invitation.GetProperty("id").GetInt64()}"));
        var coordinator = await NewPageAsync(phone: true, baseAddress: _desk.BaseAddress);
        await OpenAsync(coordinator, link.ToString());
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Me connecter sur cet appareil" }).ClickAsync();
        await coordinator.WaitForURLAsync(url => !url.Contains("/connexion", StringComparison.Ordinal));
        await WaitDrawnAsync(coordinator);

        var official = (await _desk.Http.GetFromJsonAsync<JsonElement>("/api/officials?q=chatelain&role=depute")).GetProperty("items")[0].GetProperty("id").GetInt64();
        await OpenAsync(coordinator, $"/app/elu.html?id={official}&campagne={campaign}&structure={Participant}");
        await coordinator.Locator("#relance summary").ClickAsync();
        await Assertions.Expect(coordinator.GetByLabel("Modèle de message")).ToHaveValueAsync(template.ToString(CultureInfo.InvariantCulture));
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Voir l'aperçu des messages" }).ClickAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Confirmer : programmer 1 relance" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator("#relance .succes")).ToContainTextAsync("1 relance programmée");
        await ScreenshotAsync(coordinator, "coordination-invitee-relance-telephone");

        var followUps = await _desk.Http.GetFromJsonAsync<JsonElement>($"/api/followups?organisation={Participant}&campaign={campaign}");
        var followUp = followUps.GetProperty("items").EnumerateArray().Single();
        Assert.That((followUp.GetProperty("templateId").GetInt64(), followUp.GetProperty("officialId").GetInt64()), Is.EqualTo((template, official)));
    }

    [Test]
    public async Task AnAdminImportsAPartialFile_TheDryRunEndsNothing_ThenConfirmsAndReverts()
    {
        const string partial = """
            Code du département;Libellé du département;Code de la collectivité à statut particulier;Libellé de la collectivité à statut particulier;Code de la circonscription législative;Libellé de la circonscription législative;Nom de l'élu;Prénom de l'élu;Code sexe;Date de naissance;Code de la catégorie socio-professionnelle;Libellé de la catégorie socio-professionnelle;Date de début du mandat
            38;Isère;;;3802;2Ème Circonscription;CHATELAIN;Cyrielle;F;18/06/1987;34;Professeur;08/07/2024
            38;Isère;;;3803;3Ème Circonscription;NOUVELLE;Élue;F;01/02/1980;34;Professeur;01/12/2026
            """;
        var page = await NewPageAsync(phone: true, baseAddress: _desk.BaseAddress);
        await SignInAsync(page, AdminToken);
        await OpenAsync(page, "/app/imports.html");

        await page.GetByLabel("Fichier du répertoire").SetInputFilesAsync(new FilePayload
        {
            Name = "elus-deputes-dep-2026-11-30.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(partial),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Simuler l'import" }).ClickAsync();
        var dry = page.Locator("#simulation");
        await Assertions.Expect(dry.Locator("tr[data-count=mandatesEnded] td")).ToHaveTextAsync("0");
        Assert.That(int.Parse(await dry.Locator("tr[data-count=mandatesHeldBack] td").InnerTextAsync(), CultureInfo.InvariantCulture), Is.Positive);
        await Assertions.Expect(dry).ToContainTextAsync("Aucun mandat n'a été clos");
        await Assertions.Expect(dry).ToContainTextAsync("30 novembre 2026 (date lue dans le nom du fichier)");
        await Assertions.Expect(dry.Locator("[data-diff=added]")).ToContainTextAsync("Élue NOUVELLE");
        Assert.That(await WiderThanTheScreenAsync(page), Is.Empty, "the report fits a 360 px phone");
        await ScreenshotAsync(page, "import-simulation-telephone");
        await dry.ScreenshotAsync(new() { Path = Path.Combine(ArtifactFolder, "import-simulation-rapport-telephone.png") });
        Assert.That(await ElueNouvelleAsync(), Is.Zero,
            "nothing changed before the confirmation");

        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmer l'import" }).ClickAsync();
        await Assertions.Expect(dry.Locator(".succes")).ToContainTextAsync("appliqué");
        await Assertions.Expect(dry.Locator("tr[data-count=mandatesEnded] td")).ToHaveTextAsync("0");
        var runs = await _desk.Http.GetFromJsonAsync<JsonElement>("/api/imports");
        var applied = runs.EnumerateArray().First(r => r.GetProperty("status").GetString() == "succeeded").GetProperty("id").GetInt64();
        Assert.That(await ElueNouvelleAsync(), Is.EqualTo(1));

        var run = page.Locator($"#historique li[data-run='{applied}']");
        await run.GetByText("Voir le rapport").ClickAsync();
        await Assertions.Expect(run.Locator(".rapport")).ToContainTextAsync("Fins de mandat retenues");
        var revert = run.GetByRole(AriaRole.Button, new() { Name = $"Annuler l'import n° {applied}" });
        await revert.ClickAsync();
        await run.GetByRole(AriaRole.Button, new() { Name = $"Confirmer l'annulation de l'import n° {applied}" }).ClickAsync();
        await Assertions.Expect(run.Locator(".succes")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "import-annule-telephone");

        var reverted = (await _desk.Http.GetFromJsonAsync<JsonElement>("/api/imports")).EnumerateArray().Single(r => r.GetProperty("id").GetInt64() == applied);
        Assert.That(reverted.GetProperty("status").GetString(), Is.EqualTo("reverted"));
        Assert.That(await ElueNouvelleAsync(), Is.Zero);
    }

    /// <summary>How many officials named exactly « Élue NOUVELLE » (search forgives typos: « nouvelle » alone finds NOUVEL too).</summary>
    private async Task<int> ElueNouvelleAsync() =>
        (await _desk.Http.GetFromJsonAsync<JsonElement>("/api/officials?q=elue%20nouvelle")).GetProperty("items").EnumerateArray()
            .Count(o => o.GetProperty("lastName").GetString() == "NOUVELLE" && o.GetProperty("firstName").GetString() == "Élue");

    private async Task<int> DeputesOfIsereAsync()
    {
        using var response = await _desk.Http.PostAsJsonAsync("/api/campaigns/1/targets/preview", new
        {
            targeting = new { rules = new[] { new { roles = new[] { "depute" }, where = "departments", departments = new[] { "38" } } } },
        });
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt32();
    }
}
