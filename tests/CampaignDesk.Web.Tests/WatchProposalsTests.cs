using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace CampaignDesk.Web.Tests;

/// <summary>
/// The positions the parliament watch proposes, on a phone: the seeded demo campaign's watch over the shipped questions
/// and amendments, and a vote it recommends. A coordinator accepts one (with the stance the vote suggests, already
/// chosen) and dismisses another through the page; the API then holds a position for the first and never shows the
/// second again.
/// </summary>
public class WatchProposalsTests : BrowserTest
{
    private const string Vote = "VTANR5L17V1000";

    /// <summary>axe-core on the page at 360 px, its folds open (the every-page sweep does not list it yet).</summary>
    [Test]
    public async Task ProposalsPage_OnAPhone_HasNoSeriousOrCriticalViolation()
    {
        if (!File.Exists(AccessibilityTests.AxeScript))
        {
            Assert.Ignore($"axe-core is not installed ({AccessibilityTests.AxeScript}): run npm ci in tests/CampaignDesk.Web.Tests/axe (.ci/run does).");
        }

        var page = await NewPageAsync(phone: true, bypassCsp: true);
        await SignInAsync(page, Desk.CoordinatorToken);
        var failures = new List<string>();
        await AccessibilityTests.CheckAsync(page, ["/app/propositions.html"], phone: true, failures);

        Assert.That(failures, Is.Empty);
    }

    [Test]
    public async Task Coordinator_AcceptsAVoteWithItsSuggestedStance_AndDismissesAQuestion_FromThePhone()
    {
        using var recommend = await Desk.Admin.PutAsJsonAsync($"/api/campaigns/{Desk.Campaign}/recommended-votes/{Vote}", new { recommendation = "pour" });
        Assert.That(recommend.IsSuccessStatusCode, Is.True, await recommend.Content.ReadAsStringAsync());
        using var coordinator = Desk.As(Desk.CoordinatorToken);
        var waiting = (await Desk.GetAsync($"/api/triage/proposals?campaignId={Desk.Campaign}", coordinator)).EnumerateArray().ToList();
        // This vote's (WatchPageTests recommends another one).
        var vote = waiting.First(p => p.GetProperty("itemUid").GetString() == Vote && p.GetProperty("suggestedStance").GetString() == "opposes");
        // A question au Gouvernement the demo watch found, with the minister's answer (the first one drawn: oldest first).
        var question = waiting.First(p => p.GetProperty("kind").GetString() == "government_question"
            && p.GetProperty("highlights").GetArrayLength() > 0 && p.GetProperty("evidence").ValueKind == JsonValueKind.Object);
        var voteId = vote.GetProperty("id").GetInt64();
        var questionId = question.GetProperty("id").GetInt64();

        var page = await NewPageAsync(phone: true);
        await SignInAsync(page, Desk.CoordinatorToken, "/app/tri.html");
        await page.Locator("#lien-propositions").ClickAsync();
        await WaitDrawnAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ArtifactFolder, "propositions-haut-telephone.png") });
        Assert.Multiple(async () =>
        {
            Assert.That(await UnlabelledFieldsAsync(page), Is.Empty);
            Assert.That(await StrayTextAsync(page), Is.Empty);
            Assert.That(await WiderThanTheScreenAsync(page), Is.Empty, "nothing sticks out of a 360 px screen");
        });

        // The question: its matched words marked, its link, the minister's answer set apart as the Government's.
        var card = page.Locator($"[data-proposition='{questionId}']");
        await Assertions.Expect(card).ToBeVisibleAsync();
        var highlight = question.GetProperty("highlights")[0];
        var marked = question.GetProperty("excerpt").GetString()!.Substring(highlight[0].GetInt32(), highlight[1].GetInt32());
        await Assertions.Expect(card.Locator(".extrait mark").First).ToHaveTextAsync(marked);
        await Assertions.Expect(card.GetByRole(AriaRole.Link, new() { Name = "Lire sur le site de l'Assemblée nationale" }))
            .ToHaveAttributeAsync("href", question.GetProperty("url").GetString()!);
        await Assertions.Expect(card.Locator(".preuve")).ToContainTextAsync("Réponse du Gouvernement");
        Assert.That(await card.Locator(".extrait").InnerTextAsync(), Does.Not.Contain(question.GetProperty("evidence").GetProperty("answer").GetString()![..40]),
            "the Government's answer is not the élu's words");
        await card.GetByText("Lire la réponse").ClickAsync();
        await Assertions.Expect(card.Locator(".preuve blockquote")).ToContainTextAsync(question.GetProperty("evidence").GetProperty("answer").GetString()![..40]);

        await ScreenshotAsync(page, "propositions-telephone");
        await card.ScreenshotAsync(new() { Path = Path.Combine(ArtifactFolder, "proposition-carte-telephone.png") });
        await page.Locator(".proposition").First.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(ArtifactFolder, "propositions-ecran-telephone.png") });
        await card.GetByRole(AriaRole.Button, new() { Name = "Écarter" }).ClickAsync();
        await Assertions.Expect(page.Locator(".succes")).ToContainTextAsync("écartée");
        await Assertions.Expect(card).ToHaveCountAsync(0);

        // The vote: against the recommended « pour », so « S'oppose » is already chosen; accepted as it is.
        await page.GetByLabel("Type", new() { Exact = true }).SelectOptionAsync("vote");
        var voteCard = page.Locator($"[data-proposition='{voteId}']");
        while (await voteCard.CountAsync() == 0)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Afficher les suivantes" }).ClickAsync();
        }

        await Assertions.Expect(voteCard).ToContainTextAsync("a voté contre");
        await Assertions.Expect(voteCard.GetByLabel("S'oppose")).ToBeCheckedAsync();
        await voteCard.ScreenshotAsync(new() { Path = Path.Combine(ArtifactFolder, "proposition-vote-telephone.png") });
        await voteCard.GetByRole(AriaRole.Button, new() { Name = "Accepter la position" }).ClickAsync();
        await Assertions.Expect(page.Locator(".succes")).ToContainTextAsync("S'oppose");
        await Assertions.Expect(voteCard).ToHaveCountAsync(0);

        var accepted = (await Desk.GetAsync($"/api/triage/proposals?campaignId={Desk.Campaign}&state=accepted", coordinator)).EnumerateArray()
            .Single(p => p.GetProperty("id").GetInt64() == voteId);
        var position = await Desk.GetAsync($"/api/positions/{accepted.GetProperty("positionId").GetInt64().ToString(CultureInfo.InvariantCulture)}");
        var dismissed = (await Desk.GetAsync($"/api/triage/proposals?campaignId={Desk.Campaign}&state=dismissed", coordinator)).EnumerateArray()
            .Select(p => p.GetProperty("id").GetInt64());
        var stillWaiting = (await Desk.GetAsync($"/api/triage/proposals?campaignId={Desk.Campaign}", coordinator)).EnumerateArray()
            .Select(p => p.GetProperty("id").GetInt64());
        Assert.Multiple(() =>
        {
            Assert.That(position.GetProperty("stance").GetString(), Is.EqualTo("opposes"));
            Assert.That(position.GetProperty("kind").GetString(), Is.EqualTo("vote"));
            Assert.That(position.GetProperty("officialId").GetInt64(), Is.EqualTo(vote.GetProperty("officialId").GetInt64()));
            Assert.That(dismissed, Does.Contain(questionId));
            Assert.That(stillWaiting, Does.Not.Contain(questionId).And.Not.Contain(voteId));
        });
    }
}
