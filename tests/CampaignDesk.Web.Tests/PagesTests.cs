using System.Globalization;
using Microsoft.Playwright;

namespace CampaignDesk.Web.Tests;

/// <summary>Every page, as an admin: drawn without a console error, every field labelled; screenshots kept.</summary>
public class PagesTests : BrowserTest
{
    /// <summary>The pages of the coalition's admins (declared first: Pages lists them too).</summary>
    internal static readonly string[] AdminPages =
    [
        "/app/campagnes.html", $"/app/campagne-reglages.html?id={Desk.Campaign}", $"/app/modeles.html?campagne={Desk.Campaign}", "/app/imports.html",
    ];

    internal static readonly string[] Pages =
    [
        "/app/", "/app/taches.html", "/app/tri.html", $"/app/campagne.html?id={Desk.Campaign}",
        $"/app/structure.html?id={Desk.Organisation}", "/app/elu.html?id={official}", "/app/recherche.html?q=cyrielle%20chatelain",
        $"/app/equipe.html?id={Desk.Organisation}", "/app/appareils.html", .. AdminPages,
        $"/app/federation.html?id={Desk.Campaign}", $"/app/synthese.html?id={Desk.Campaign}", "/app/personnes.html", "/app/journal.html",
        $"/app/veille.html?campagne={Desk.Campaign}",
    ];

    [Test]
    public async Task EveryPage_IsDrawnWithoutConsoleErrors_AndEveryFieldHasALabel()
    {
        var page = await NewPageAsync();
        await SignInAsync(page, Desk.Admin.DefaultRequestHeaders.Authorization!.Parameter!);

        foreach (var path in Pages.Select(p => p.Replace("{official}", Desk.Official.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)))
        {
            // Three loads each: the first fetches the scripts, the others show what a returning user waits.
            for (var i = 0; i < 3; i++)
            {
                await OpenAsync(page, path);
            }

            Assert.That(await UnlabelledFieldsAsync(page), Is.Empty, path);
            Assert.That(await StrayTextAsync(page), Is.Empty, path);
            Assert.That(await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('a[href], button, input, select, textarea, summary')]
                  .filter(e => e.tabIndex < 0 && e.type !== 'hidden').map(e => e.outerHTML)
                """), Is.Empty, $"{path}: every control reachable with the keyboard");
            Assert.That(await page.Locator("h1").CountAsync(), Is.EqualTo(1), $"{path}: one main heading");
            var name = path.Trim('/').Replace("app/", "", StringComparison.Ordinal).Split('.', '?')[0];
            await ScreenshotAsync(page, "admin-" + (name.Length == 0 || name == "app" ? "accueil" : name));
        }
    }

    [Test]
    public async Task EveryPage_FitsA360PixelPhone()
    {
        var page = await NewPageAsync(phone: true);
        await SignInAsync(page, Desk.Admin.DefaultRequestHeaders.Authorization!.Parameter!);

        foreach (var path in Pages.Select(p => p.Replace("{official}", Desk.Official.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)))
        {
            await OpenAsync(page, path);

            // Wide tables scroll inside their own box (.defile); nothing else may push the page sideways.
            Assert.That(await WiderThanTheScreenAsync(page), Is.Empty, path);
            Assert.That(await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), Is.LessThanOrEqualTo(360), path);
            var name = path.Trim('/').Replace("app/", "", StringComparison.Ordinal).Split('.', '?')[0];
            if (name is "campagne" or "campagnes" or "campagne-reglages" or "modeles" or "imports" or "federation" or "synthese" or "personnes" or "journal")
            {
                await ScreenshotAsync(page, name + "-telephone");
            }
        }
    }

    [Test]
    public async Task SignInPage_IsServedWithAStrictContentSecurityPolicy()
    {
        var page = await NewPageAsync(phone: true);
        var response = await page.GotoAsync("/app/connexion.html");
        var headers = await response!.AllHeadersAsync();

        Assert.That(headers["content-security-policy"], Does.Contain("script-src 'self'").And.Contain("frame-ancestors 'none'"));
        Assert.That(headers["x-content-type-options"], Is.EqualTo("nosniff"));
        await WaitDrawnAsync(page);
        Assert.That(await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), Is.LessThanOrEqualTo(360), "the sign-in page fits a phone too");
        await ScreenshotAsync(page, "connexion-telephone");
    }
}
