using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.Playwright;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace CampaignDesk.Web.Tests;

/// <summary>A federation's view of the campaign and its downloads, the people page with its audit trail, the printable summary.</summary>
public class FederationTests : BrowserTest
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    [Test]
    public async Task Federation_DownloadsTheCoverageByStructureAsXlsx_AndTheFileHoldsEachStructure()
    {
        var federation = (await Desk.GetAsync("/api/organisations?type=federation&pageSize=1")).GetProperty("items")[0].GetProperty("id").GetInt64();
        var userId = await Desk.CreateUserAsync(Desk.Admin, "federation@example.org", "Fanny Fédération", "coordinator", federation);
        var token = (await Desk.PostAsync(Desk.Admin, $"/api/users/{userId}/tokens", new { name = "navigateur", expiresInDays = 7 }))
            .GetProperty("token").GetString()!;
        using var asFederation = Desk.As(token);
        var expected = await Desk.GetAsync($"/api/campaigns/{Desk.Campaign}/coverage?by=organisation", asFederation);
        var page = await NewPageAsync();
        await SignInAsync(page, token, $"/app/federation.html?id={Desk.Campaign}");

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Télécharger la couverture par structure en XLSX" }).ClickAsync());
        var path = Path.Combine(ArtifactFolder, download.SuggestedFilename);
        await download.SaveAsAsync(path);

        using var document = SpreadsheetDocument.Open(path, isEditable: false);
        Assert.That(new OpenXmlValidator().Validate(document).Select(e => e.Description), Is.Empty, "a valid workbook");
        Assert.That(document.WorkbookPart!.Workbook.Sheets!.Elements<S.Sheet>().Single().Name!.Value, Is.EqualTo("Couverture par structure"));
        XElement sheet;
        using (var stream = document.WorkbookPart.WorksheetParts.Single().GetStream())
        {
            sheet = XElement.Load(stream);
        }

        var rows = sheet.Element(Main + "sheetData")!.Elements(Main + "row").Select(r => r.Elements(Main + "c").Select(Text).ToList()).ToList();
        var buckets = expected.GetProperty("buckets").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(download.SuggestedFilename, Is.EqualTo($"couverture-campagne-{Desk.Campaign}-organisation.xlsx"));
            Assert.That(rows[0].Take(3), Is.EqualTo(new[] { "Clé", "Libellé", "Cibles" }));
            Assert.That(buckets, Is.Not.Empty);
            Assert.That(rows.Skip(1).Select(r => r[1]), Is.EqualTo(buckets.Select(b => b.GetProperty("label").GetString()).Append("Total")),
                "one row per participating structure, as the page shows them, then the total");
            Assert.That(rows.Skip(1).SkipLast(1).Select(r => r[2]), Is.EqualTo(buckets.Select(b => b.GetProperty("targets").GetInt32().ToString(CultureInfo.InvariantCulture))));
        });
        await Assertions.Expect(page.Locator("#manques li").First).ToContainTextAsync("Pourquoi ce rang : Jamais contacté");
        await ScreenshotAsync(page, "federation");
    }

    [Test]
    public async Task Admin_DisablesAUser_AndFindsItInTheFilteredAuditTrail()
    {
        var userId = await Desk.CreateUserAsync(Desk.Admin, "a-desactiver@example.org", "Denis Désactivé", "volunteer", Desk.Organisation);
        var adminId = await Desk.CreateUserAsync(Desk.Admin, "administration@example.org", "Adèle Administration", "admin");
        var adminToken = (await Desk.PostAsync(Desk.Admin, $"/api/users/{adminId}/tokens", new { name = "navigateur", expiresInDays = 7 }))
            .GetProperty("token").GetString()!;
        var page = await NewPageAsync(phone: true);
        await SignInAsync(page, adminToken, "/app/personnes.html?q=a-desactiver");
        await ScreenshotAsync(page, "personnes-telephone");

        await page.GetByRole(AriaRole.Button, new() { Name = "Désactiver Denis Désactivé" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Réactiver Denis Désactivé" })).ToBeVisibleAsync();
        Assert.That((await Desk.GetAsync($"/api/users/{userId}")).GetProperty("disabled").GetBoolean(), Is.True);

        await OpenAsync(page, "/app/journal.html");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")))
            .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await page.GetByLabel("Qui").SelectOptionAsync(adminId.ToString(CultureInfo.InvariantCulture));
        await page.GetByLabel("Quoi").SelectOptionAsync("user");
        await page.GetByLabel("Action").SelectOptionAsync("update");
        await page.GetByLabel("Du").FillAsync(today);
        await page.GetByLabel("Au").FillAsync(today);
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("entity=user", StringComparison.Ordinal));
        await WaitDrawnAsync(page);

        var entries = page.Locator("#journal > li");
        await Assertions.Expect(entries.First).ToContainTextAsync($"Modification · Utilisateur n° {userId}");
        await Assertions.Expect(entries.First).ToContainTextAsync("disabled : false → true");
        Assert.That(await page.Locator("#journal > li[data-entity]:not([data-entity='user'])").CountAsync(), Is.Zero, "only users' changes");
        await ScreenshotAsync(page, "journal-telephone");
    }

    [Test]
    public async Task Summary_PrintsOnOneA4Page()
    {
        var page = await NewPageAsync();
        await SignInAsync(page, Desk.Admin.DefaultRequestHeaders.Authorization!.Parameter!, $"/app/synthese.html?id={Desk.Campaign}");

        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true, PreferCSSPageSize = true });
        await File.WriteAllBytesAsync(Path.Combine(ArtifactFolder, "synthese.pdf"), pdf);
        var text = System.Text.Encoding.Latin1.GetString(pdf);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await page.SetViewportSizeAsync(703, 1032); // A4 less the 12 mm margins, at 96 dpi: what the sheet holds
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactFolder, "synthese-impression.png"), FullPage = true });
        var header = await page.Locator("#entete").IsVisibleAsync();
        var printButton = await page.GetByRole(AriaRole.Button, new() { Name = "Imprimer" }).IsVisibleAsync();
        var map = await page.Locator("#carte svg").IsVisibleAsync();
        var groups = await page.Locator("#positions-par-groupe tbody tr").CountAsync();
        Assert.Multiple(() =>
        {
            Assert.That(Regex.Count(text, @"/Type\s*/Page\b(?!s)"), Is.EqualTo(1), "one page");
            Assert.That(header, Is.False, "no navigation on paper");
            Assert.That(printButton, Is.False, "no button on paper");
            Assert.That(map, Is.True, "the map");
            Assert.That(groups, Is.GreaterThan(0), "the stances by group");
        });
    }

    private static string Text(XElement cell) =>
        cell.Element(Main + "is") is { } inline ? string.Concat(inline.Elements(Main + "t").Select(t => t.Value)) : cell.Element(Main + "v")?.Value ?? "";
}
