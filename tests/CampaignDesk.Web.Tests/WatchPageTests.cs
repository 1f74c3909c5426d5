using Microsoft.Playwright;

namespace CampaignDesk.Web.Tests;

/// <summary>
/// « Veille parlementaire », on a phone: a coordinator of a structure taking part in the demo campaign reaches it from the
/// campaign page, has a too-short keyword refused next to its field, adds a watch, finds a vote by the words of its title
/// and recommends voting « contre »; the proposals page then offers each member who voted pour a vote position with
/// « S'oppose » already chosen.
/// </summary>
public class WatchPageTests : BrowserTest
{
    // « l'amendement n° 2403 de M. Bernhardt à l'article 7 de la proposition de loi relative au droit à l'aide à mourir »,
    // not the vote WatchProposalsTests recommends.
    private const string Vote = "VTANR5L17V2000";

    [Test]
    public async Task Coordinator_AddsAWatch_AndRecommendsAVoteContre_ThenItsProposalsSuggestOpposes()
    {
        var page = await NewPageAsync(phone: true);
        await SignInAsync(page, Desk.CoordinatorToken, $"/app/campagne.html?id={Desk.Campaign}");
        await page.Locator("#lien-veille").ClickAsync();
        await WaitDrawnAsync(page);
        Assert.That(page.Url, Does.EndWith($"/app/veille.html?campagne={Desk.Campaign}"));

        // A keyword of one letter: refused by the API, its message under the keywords field.
        ExpectConsoleError("status of 400");
        await page.GetByText("Ajouter une veille", new() { Exact = true }).ClickAsync();
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Ajouter une veille" });
        await form.GetByLabel("Nom de la veille").FillAsync("Fin de vie");
        await form.GetByLabel("Mots-clés").FillAsync("a");
        await form.GetByLabel("Amendements").CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Ajouter la veille" }).ClickAsync();
        await Assertions.Expect(form.Locator("[data-erreur=keywords] .erreur")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "veille-erreur-telephone");

        await form.GetByLabel("Mots-clés").FillAsync("aide à mourir\nfin de vie, soins palliatifs");
        await form.GetByRole(AriaRole.Button, new() { Name = "Ajouter la veille" }).ClickAsync();
        await Assertions.Expect(page.Locator("#veille-statut .succes")).ToContainTextAsync("Fin de vie");
        var watch = page.Locator("#veilles [data-veille]").Filter(new() { HasText = "« aide à mourir »" });
        await Assertions.Expect(watch).ToContainTextAsync("« soins palliatifs »");
        await Assertions.Expect(watch).ToContainTextAsync("Amendements");
        await Assertions.Expect(form.Locator("[data-erreur=keywords] .erreur")).ToHaveCountAsync(0);

        // The vote, found by words of its title, recommended « contre ».
        await page.GetByLabel("Mots du titre ou numéro (VTANR5L17V…)").FillAsync("n° 2403 de M. Bernhardt");
        await page.GetByRole(AriaRole.Button, new() { Name = "Chercher", Exact = true }).ClickAsync();
        var found = page.Locator($"[data-scrutin='{Vote}']");
        await Assertions.Expect(found).ToContainTextAsync("aide à mourir");

        await found.GetByLabel("Contre").CheckAsync();
        await found.GetByRole(AriaRole.Button, new() { Name = "Recommander ce vote" }).ClickAsync();
        await Assertions.Expect(page.Locator($"#votes-recommandes [data-vote='{Vote}']")).ToContainTextAsync("Vote recommandé : contre");
        Assert.Multiple(async () =>
        {
            Assert.That(await UnlabelledFieldsAsync(page), Is.Empty);
            Assert.That(await StrayTextAsync(page), Is.Empty);
            Assert.That(await WiderThanTheScreenAsync(page), Is.Empty, "nothing sticks out of a 360 px screen");
        });
        await ScreenshotAsync(page, "veille-telephone");

        using var coordinator = Desk.As(Desk.CoordinatorToken);
        var proposal = (await Desk.GetAsync($"/api/triage/proposals?campaignId={Desk.Campaign}", coordinator)).EnumerateArray()
            .First(p => p.GetProperty("itemUid").GetString() == Vote && p.GetProperty("role").GetString() == "pour");
        Assert.That(proposal.GetProperty("suggestedStance").GetString(), Is.EqualTo("opposes"), "voted pour what the campaign recommends voting contre");

        await page.Locator("#lien-propositions").ClickAsync();
        await WaitDrawnAsync(page);
        await page.GetByLabel("Type", new() { Exact = true }).SelectOptionAsync("vote");
        var card = page.Locator($"[data-proposition='{proposal.GetProperty("id").GetInt64()}']");
        while (await card.CountAsync() == 0)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Afficher les suivantes" }).ClickAsync();
        }

        await Assertions.Expect(card).ToContainTextAsync("a voté pour");
        await Assertions.Expect(card.GetByLabel("S'oppose")).ToBeCheckedAsync();
    }
}
