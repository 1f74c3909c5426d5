using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignDesk.Api.Tests.Access;

namespace CampaignDesk.Api.Tests.Register;

/// <summary>The register through the API: a logged contact explained, the declaration downloaded safely and printed.</summary>
public class RegisterApiTests : WorldTest
{
    [Test]
    public async Task ALoggedLetter_IsExplained_AndTheDeclarationsExportDefusesAFormulaInItsCampaign()
    {
        var campaign = await World.CreateCampaignOnTheOfficialAsync("=HYPERLINK(\"http://evil.example/\")", World.OrganisationA);
        var logged = await World.Admin.PostAsJsonAsync("/api/interactions", new
        {
            organisationId = World.OrganisationA,
            officialId = World.OfficialId,
            campaignId = campaign,
            channel = "letter",
            outcome = "sent",
        });
        logged.EnsureSuccessStatusCode();
        var year = DateTime.UtcNow.Year;

        var actions = await World.Admin.GetFromJsonAsync<JsonElement>($"/api/register/organisations/{World.OrganisationA}/actions");
        var row = actions.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("row").GetProperty("campaignId").ValueKind == JsonValueKind.Number
            && r.GetProperty("row").GetProperty("campaignId").GetInt64() == campaign);
        var csv = (await World.Admin.GetStringAsync($"/api/register/organisations/{World.OrganisationA}/declaration/export.csv?year={year}"))
            .TrimStart('\uFEFF').Split("\r\n");
        var page = await World.Admin.GetAsync($"/api/register/organisations/{World.OrganisationA}/declaration/page?year={year}");
        using var bad = new HttpRequestMessage(HttpMethod.Get, $"/api/register/organisations/{World.OrganisationA}/declaration?year=1990&firstMonth=13");
        bad.Headers.AcceptLanguage.ParseAdd("fr");
        var refused = await World.Admin.SendAsync(bad);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        var html = await page.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(row.GetProperty("counts").GetBoolean(), Is.True);
            Assert.That(row.GetProperty("code").GetString(), Is.EqualTo("letter"));
            Assert.That(row.GetProperty("reason").GetString(), Does.StartWith("Compte : courrier avec Député·e"));
            Assert.That(csv[0], Is.EqualTo("Rubrique;Décision publique visée (campagne);Objectif;Types d'actions;Catégories de responsables publics;Nombre d'actions"));
            Assert.That(csv, Has.Some.StartsWith("Action;\"'=HYPERLINK"), "the campaign's title is text, not a formula");
            Assert.That(csv, Has.Some.StartsWith("À remplir par l'organisation;Montant des dépenses"));
            Assert.That(page.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
            Assert.That(html, Does.Contain("Déclaration d'activités de représentation d'intérêts"));
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(problem.GetProperty("errorCodes").GetProperty("year")[0].GetString(), Is.EqualTo("register_year_invalid"));
            Assert.That(problem.GetProperty("errorCodes").GetProperty("firstMonth")[0].GetString(), Is.EqualTo("register_month_invalid"));
        });
    }
}
