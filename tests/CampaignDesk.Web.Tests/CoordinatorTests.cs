using System.Globalization;
using Microsoft.Playwright;

namespace CampaignDesk.Web.Tests;

/// <summary>A coordinator: the campaign dashboard with its map of France, and the structure's élus with their status.</summary>
public class CoordinatorTests : BrowserTest
{
    [Test]
    public async Task Coordinator_SeesTheMapOfTheSeededCampaign()
    {
        var coverage = await Desk.GetAsync($"/api/campaigns/{Desk.Campaign}/coverage?by=department");
        var isere = coverage.GetProperty("buckets").EnumerateArray().Single(b => b.GetProperty("key").GetString() == "38");
        var page = await NewPageAsync();

        await SignInAsync(page, Desk.CoordinatorToken, $"/app/campagne.html?id={Desk.Campaign}");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("SEC-Pa");
        await Assertions.Expect(page.Locator("#compte-a-rebours")).ToContainTextAsync("30 avril 2026");
        Assert.That(await page.Locator("#carte svg path").CountAsync(), Is.EqualTo(96), "the 96 départements of metropolitan France");
        var isereOnMap = page.Locator("#carte path[data-departement='38']");
        var label = await isereOnMap.GetAttributeAsync("aria-label");
        Assert.Multiple(async () =>
        {
            Assert.That(label, Does.Contain($"{isere.GetProperty("contacted").GetInt32()} contactés sur {isere.GetProperty("targets").GetInt32()} cibles"));
            Assert.That(isere.GetProperty("contacted").GetInt32(), Is.GreaterThan(0), "the coordinator's call counts");
            Assert.That(await isereOnMap.GetAttributeAsync("class"), Is.EqualTo("part-1"), "Isère is shaded: some of its targets contacted");
            Assert.That(await page.Locator("#carte path[data-departement='01']").GetAttributeAsync("class"), Is.EqualTo("part-0"),
                "Ain has targets, none contacted");
            Assert.That(await page.Locator("#carte path[data-departement='48']").GetAttributeAsync("class"), Is.EqualTo("part-aucune"),
                "Lozère has no target: no participating structure stands there");
            Assert.That(await page.Locator("#par-groupe tbody tr").CountAsync(), Is.GreaterThan(3));
            Assert.That(await page.Locator("#par-mandat tfoot").InnerTextAsync(), Does.Contain(coverage.GetProperty("total").GetProperty("targets").GetInt32().ToString(CultureInfo.InvariantCulture)));
            Assert.That(await page.Locator("#manques li").CountAsync(), Is.EqualTo(15));
        });
        await Assertions.Expect(page.Locator(".attribution")).ToContainTextAsync("CC BY 4.0");
        await ScreenshotAsync(page, "campagne");
    }

    [Test]
    public async Task Coordinator_SeesTheStatusOfEachElu_OfTheirStructure()
    {
        var page = await NewPageAsync();
        await SignInAsync(page, Desk.CoordinatorToken, $"/app/structure.html?id={Desk.Organisation}");

        var chatelain = page.Locator($"#elus li[data-official='{Desk.Official}']");
        await Assertions.Expect(chatelain).ToContainTextAsync("Députée de la 2e circonscription de l'Isère");
        await Assertions.Expect(chatelain).ToContainTextAsync(new System.Text.RegularExpressions.Regex("Contacté·e|A répondu"));
        Assert.That(await page.Locator("#elus li.elu", new() { HasText = "Pas encore contacté·e" }).CountAsync(), Is.GreaterThan(0));
        // The régionaux who are not targets of the campaign wait folded away instead of filling the page (those listed with
        // the targets are targets through another mandate: a députée of Savoie, a maire of another participant's commune).
        await Assertions.Expect(page.Locator("#autres-elus")).Not.ToHaveAttributeAsync("open", "");
        Assert.That(await page.Locator("#autres-elus li.elu[data-role='conseiller_regional']").CountAsync(), Is.GreaterThan(150));
        Assert.That(await page.Locator("#elus li.elu").CountAsync(), Is.LessThan(30));
        await ScreenshotAsync(page, "structure");
    }

    [Test]
    public async Task Coordinator_ReadsWhereTheStructureStandsInTheRegister_AndGetsTheDeclarationToPrint_OnAPhone()
    {
        var year = DateTime.UtcNow.Year;
        var standing = (await Desk.GetAsync($"/api/register/organisations/{Desk.Organisation}/standing")).EnumerateArray()
            .Single(s => s.GetProperty("scope").GetString() == "own");
        var declaration = await Desk.GetAsync($"/api/register/organisations/{Desk.Organisation}/declaration?year={year}");
        var actions = standing.GetProperty("actions").GetInt32();
        var total = declaration.GetProperty("totalActions").GetInt32();

        var page = await NewPageAsync(phone: true);
        await SignInAsync(page, Desk.CoordinatorToken, $"/app/structure.html?id={Desk.Organisation}");
        var register = page.Locator("#repertoire");
        await Assertions.Expect(register.Locator("#repertoire-compteur"))
            .ToContainTextAsync($"Ses propres actions : {actions} action{(actions > 1 ? "s" : "")} en douze mois");

        // Signed in by a pasted token, the page to print cannot be a link: it comes as a file, the same page the API serves.
        var download = await page.RunAndWaitForDownloadAsync(() =>
            register.GetByRole(AriaRole.Button, new() { Name = $"Déclaration {year} (exercice en cours) (page à imprimer)" }).ClickAsync());
        Assert.That(download.SuggestedFilename, Is.EqualTo($"declaration-{Desk.Organisation}-{year}.html"));
        var path = Path.Combine(ArtifactFolder, download.SuggestedFilename);
        await download.SaveAsAsync(path);
        var html = await File.ReadAllTextAsync(path);
        Assert.That(html, Does.Contain($"Total des actions de l'exercice</th><td>{total}</td>"));
        Assert.That(html, Does.Contain("Déclaration d'activités de représentation d'intérêts"));

        await register.ScrollIntoViewIfNeededAsync();
        await register.ScreenshotAsync(new() { Path = Path.Combine(ArtifactFolder, "structure-repertoire-telephone.png") });
    }

    [Test]
    public async Task Coordinator_ReachesTheDeputee_AtHerPermanence_FromTheAssembleesFile()
    {
        var page = await NewPageAsync();
        await SignInAsync(page, Desk.CoordinatorToken, $"/app/elu.html?id={Desk.Official}");

        var site = page.Locator("#contacts li[data-kind='web'] a");
        await Assertions.Expect(site).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^https://"));
        var permanence = page.Locator("#contacts li[data-kind='postal'][data-use='circonscription']");
        await Assertions.Expect(permanence).ToContainTextAsync("Adresse (permanence)");
        await Assertions.Expect(permanence.Locator("a")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^https://www.openstreetmap.org/search"));
        await Assertions.Expect(page.Locator("#contacts li[data-kind='email'] a[href^='mailto:']").First).ToContainTextAsync("@assemblee-nationale.fr");
        await Assertions.Expect(page.Locator("#contacts")).ToContainTextAsync("source : assemblee, 18 novembre 2025");
        await ScreenshotAsync(page, "elu-contacts");
    }

    [Test]
    public async Task Coordinator_ReadsTheirConfidentialNote_OnTheOfficialsPage()
    {
        var page = await NewPageAsync(phone: true);
        await SignInAsync(page, Desk.CoordinatorToken, $"/app/elu.html?id={Desk.Official}");

        // Shown as text: the markup in the note is not interpreted.
        await Assertions.Expect(page.Locator("#historique")).ToContainTextAsync(Desk.ConfidentialNote);
        Assert.That(await page.Locator("#historique b").CountAsync(), Is.Zero, "a note's markup is text, never HTML");
        await Assertions.Expect(page.Locator("#historique")).ToContainTextAsync("Question au Gouvernement");
        await ScreenshotAsync(page, "elu-telephone");
    }

    [Test]
    public async Task Coordinator_ClassifiesTheDeputeesAnswer_FromTheTriageQueue()
    {
        var page = await NewPageAsync(phone: true);
        await SignInAsync(page, Desk.CoordinatorToken, "/app/tri.html");

        var answer = page.Locator("#a-trier li", new() { HasText = Desk.ReplySubject });
        await Assertions.Expect(answer).ToContainTextAsync("je partage votre inquiétude");
        await Assertions.Expect(answer).ToContainTextAsync("Cyrielle CHATELAIN");
        await ScreenshotAsync(page, "tri-telephone");
        var positionId = int.Parse((await answer.GetAttributeAsync("data-position"))!, CultureInfo.InvariantCulture);
        await answer.GetByLabel("Soutient").CheckAsync();
        await answer.GetByLabel("Résumé (facultatif)").FillAsync("Interrogera le ministre.");
        await answer.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la position" }).ClickAsync();

        await Assertions.Expect(page.Locator(".succes")).ToContainTextAsync("Soutient");
        await Assertions.Expect(page.Locator("#a-trier li", new() { HasText = Desk.ReplySubject })).ToHaveCountAsync(0);
        var position = await Desk.GetAsync($"/api/positions/{positionId}");
        Assert.That(position.GetProperty("stance").GetString(), Is.EqualTo("supports"));
        Assert.That(position.GetProperty("summary").GetString(), Is.EqualTo("Interrogera le ministre."));
    }
}
