using System.Net;
using Microsoft.Playwright;

namespace CampaignDesk.Web.Tests;

/// <summary>An observer reads what is shared, and never a structure's confidential note.</summary>
public class ObserverTests : BrowserTest
{
    [Test]
    public async Task Observer_CannotReachAConfidentialNote()
    {
        var page = await NewPageAsync();
        await SignInAsync(page, Desk.ObserverToken, $"/app/elu.html?id={Desk.Official}");

        var timeline = await page.Locator("main").InnerTextAsync();
        // Even asked for by its number from the signed-in page, the note does not exist for them.
        var direct = (await page.Context.APIRequest.GetAsync($"/api/interactions/{Desk.ConfidentialInteraction}", new()
        {
            Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer " + await page.EvaluateAsync<string>("sessionStorage.getItem('campaigndesk.token')") },
        })).Status;
        Assert.Multiple(() =>
        {
            Assert.That(timeline, Does.Contain("Question au Gouvernement"), "the public position is shown");
            Assert.That(timeline, Does.Not.Contain("Piste confidentielle"));
            Assert.That(timeline, Does.Not.Contain("confidentiel"), "not even that a confidential note exists");
            Assert.That(direct, Is.EqualTo((int)HttpStatusCode.NotFound));
        });
        await ScreenshotAsync(page, "elu-observateur");
    }

    [Test]
    public async Task Observer_HasNoTasksOrTriageInTheirNavigation()
    {
        var page = await NewPageAsync();
        await SignInAsync(page, Desk.ObserverToken);

        Assert.That(await page.Locator("nav").InnerTextAsync(), Does.Not.Contain("Réponses à trier"));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("SEC-Pa");
    }
}
