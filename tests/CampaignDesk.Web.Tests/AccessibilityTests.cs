using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace CampaignDesk.Web.Tests;

/// <summary>
/// axe-core (from npm, <c>axe/package.json</c>, installed by <c>npm ci</c>) run on every page as it is drawn, on a phone and
/// on a screen: no serious or critical violation. Each page's full results go to the artifacts (<c>axe-*.json</c>).
/// </summary>
public class AccessibilityTests : BrowserTest
{
    internal static string AxeScript => Path.GetFullPath(Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "axe", "node_modules",
        "axe-core", "axe.min.js"));

    [TestCase(false)]
    [TestCase(true)]
    public async Task EveryPage_HasNoSeriousOrCriticalViolation(bool phone)
    {
        if (!File.Exists(AxeScript))
        {
            var reason = $"axe-core is not installed ({AxeScript}): run npm ci in tests/CampaignDesk.Web.Tests/axe (.ci/run does).";
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail(reason);
            }

            Assert.Ignore(reason);
        }

        var page = await NewPageAsync(phone, bypassCsp: true);
        await SignInAsync(page, Desk.CoordinatorToken);
        var failures = new List<string>();
        await CheckAsync(page, PagesTests.Pages.Except(PagesTests.AdminPages).Append("/app/connexion.html"), phone, failures);
        // The pages only admins use (campaigns, templates, imports), as an admin.
        var admin = await NewPageAsync(phone, bypassCsp: true);
        await SignInAsync(admin, Desk.Admin.DefaultRequestHeaders.Authorization!.Parameter!);
        await CheckAsync(admin, PagesTests.AdminPages, phone, failures);

        Assert.That(failures, Is.Empty);
    }

    internal static async Task CheckAsync(IPage page, IEnumerable<string> paths, bool phone, List<string> failures)
    {
        foreach (var path in paths.Select(p => p.Replace("{official}", Desk.Official.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)))
        {
            if (path.EndsWith("connexion.html", StringComparison.Ordinal))
            {
                await page.GotoAsync(path);
                await page.WaitForSelectorAsync("body[data-state]");
            }
            else
            {
                await OpenAsync(page, path);
            }

            // Open every fold, so what it hides is checked too.
            await page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => { d.open = true; })");
            await page.AddScriptTagAsync(new() { Path = AxeScript });
            var results = await page.EvaluateAsync<JsonElement>("""
                async () => await axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })
                """);
            var name = Name(path) + (phone ? "-telephone" : "");
            await File.WriteAllTextAsync(Path.Combine(ArtifactFolder, $"axe-{name}.json"), results.GetRawText());
            failures.AddRange(results.GetProperty("violations").EnumerateArray()
                .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
                .Select(v => $"{path}: {v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}) — {v.GetProperty("help").GetString()}: "
                    + string.Join(" | ", v.GetProperty("nodes").EnumerateArray().Take(3).Select(n => n.GetProperty("html").GetString()))));
        }
    }

    private static string Name(string path)
    {
        var name = path.Replace("/app/", "", StringComparison.Ordinal).Split('.', '?')[0];
        return name.Length == 0 ? "accueil" : name;
    }
}
