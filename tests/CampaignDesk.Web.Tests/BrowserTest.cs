using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Playwright;

namespace CampaignDesk.Web.Tests;

/// <summary>
/// A real headless Chromium (Debian's, driven by Playwright) on the running desk. Each test gets a fresh browser
/// context; every console error or uncaught exception of any page fails the test; page load times are reported.
/// </summary>
public abstract class BrowserTest
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Time from navigation start to the page drawn with its data, per page, over the whole run.</summary>
    private static readonly ConcurrentBag<(string Page, int Milliseconds)> LoadTimes = [];

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private readonly List<IBrowserContext> _contexts = [];
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly List<string> _expected = [];

    protected static Desk Desk => Desk.Current;

    [OneTimeSetUp]
    public async Task LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            Assert.Ignore($"No Chromium at {ChromiumPath}: apt-get install chromium (.ci/run does).");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Args = ["--no-sandbox"],
            Headless = true,
        });
    }

    [OneTimeTearDown]
    public async Task CloseAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (!LoadTimes.IsEmpty)
        {
            var lines = LoadTimes.GroupBy(t => t.Page).OrderBy(g => g.Key)
                .Select(g => $"{g.Key}: median {Median(g.Select(t => t.Milliseconds))} ms over {g.Count()} loads (max {g.Max(t => t.Milliseconds)} ms)");
            var report = string.Join(Environment.NewLine, lines);
            await File.WriteAllTextAsync(Path.Combine(ArtifactFolder, "page-load.txt"), report + Environment.NewLine);
            TestContext.Progress.WriteLine($"Page loads (navigation start to data drawn, seeded data):{Environment.NewLine}{report}");
        }
    }

    [SetUp]
    public void ClearErrors()
    {
        _errors.Clear();
        _expected.Clear();
    }

    /// <summary>A console error this test causes on purpose (Chromium logs every refused request, e.g. a wrong token's 401).</summary>
    protected void ExpectConsoleError(string containing) => _expected.Add(containing);

    [TearDown]
    public async Task CloseContextsAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }

        _contexts.Clear();
        if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Passed)
        {
            var unexpected = _errors.Where(e => !_expected.Any(x => e.Contains(x, StringComparison.Ordinal)));
            Assert.That(unexpected, Is.Empty, "console errors or uncaught exceptions in the browser");
        }
    }

    /// <summary>Screenshots and the page-load report: kept after the run (bin/…/artifacts) and attached to the test.</summary>
    public static string ArtifactFolder
    {
        get
        {
            var folder = Path.Combine(TestContext.CurrentContext.TestDirectory, "artifacts");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    /// <summary>A new page in its own context: a phone (360 × 740) or a desktop screen.</summary>
    /// <param name="bypassCsp">Only for injecting axe-core: the pages' Content-Security-Policy refuses any script but theirs.</param>
    protected async Task<IPage> NewPageAsync(bool phone = false, Uri? baseAddress = null, bool bypassCsp = false)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BypassCSP = bypassCsp,
            BaseURL = (baseAddress ?? Desk.BaseAddress).ToString(),
            ViewportSize = phone ? new ViewportSize { Width = 360, Height = 740 } : new ViewportSize { Width = 1280, Height = 900 },
            IsMobile = phone,
            HasTouch = phone,
            Locale = "fr-FR",
            TimezoneId = "Europe/Paris",
        });
        // Generous: the machine is shared, and a slow moment must not read as a broken page.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _errors.Enqueue($"{page.Url}: {message.Text}");
            }
        };
        page.PageError += (_, error) => _errors.Enqueue($"{page.Url}: {error}");
        return page;
    }

    /// <summary>Signs in through the sign-in page, as an admin or a script would: paste the token, submit.</summary>
    protected static async Task SignInAsync(IPage page, string token, string? returnTo = null)
    {
        await OpenAsync(page, "/app/connexion.html" + (returnTo is null ? "" : "?retour=" + Uri.EscapeDataString(returnTo)));
        await ShowTokenFormAsync(page);
        await page.GetByLabel("Jeton d'accès").FillAsync(token);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/connexion", StringComparison.Ordinal));
        await WaitDrawnAsync(page);
    }

    /// <summary>Opens « Autres façons de se connecter », where the token form waits.</summary>
    protected static async Task ShowTokenFormAsync(IPage page)
    {
        if (await page.Locator("details.autres").GetAttributeAsync("open") is null)
        {
            await page.GetByText("Autres façons de se connecter").ClickAsync();
        }
    }

    /// <summary>Opens a page and waits until it is drawn with its data; records how long that took.</summary>
    protected static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await WaitDrawnAsync(page);
    }

    protected static async Task WaitDrawnAsync(IPage page)
    {
        await page.WaitForSelectorAsync("body[data-state]");
        var state = await page.GetAttributeAsync("body", "data-state");
        Assert.That(state, Is.EqualTo("ready"), $"{page.Url}: {await page.InnerTextAsync("main")}");
        var milliseconds = int.Parse((await page.GetAttributeAsync("body", "data-ready-ms"))!, CultureInfo.InvariantCulture);
        LoadTimes.Add((new Uri(page.Url).AbsolutePath, milliseconds));
    }

    protected static async Task ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(ArtifactFolder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.AddTestAttachment(path, name);
    }

    /// <summary>Text a page must never show: a list or a missing value turned into words by the DOM (« [object …] », « null », « undefined »).</summary>
    protected static async Task<string[]> StrayTextAsync(IPage page) =>
        System.Text.RegularExpressions.Regex.Matches(await page.InnerTextAsync("main"), @"\[object \w+\]|\bnull\b|\bundefined\b")
            .Select(m => m.Value).ToArray();

    /// <summary>Inputs, selects and text areas without a label (an accessibility fault the tests refuse).</summary>
    protected static Task<string[]> UnlabelledFieldsAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
          .filter(e => !e.labels || e.labels.length === 0).map(e => e.outerHTML)
        """);

    /// <summary>Elements that stick out of the viewport sideways (a phone would scroll): tag, class and width.</summary>
    protected static Task<string[]> WiderThanTheScreenAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => [...document.querySelectorAll('body *')]
          .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5 && !e.closest('.defile'))
          .map(e => `${e.tagName.toLowerCase()}.${e.className} right=${Math.round(e.getBoundingClientRect().right)}`)
        """);

    private static int Median(IEnumerable<int> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
