using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignDesk.Api.Tests.Access;

namespace CampaignDesk.Api.Tests.Campaigns;

/// <summary>What the federation view and the people page read beyond the dashboard: the gaps and waiting follow-ups as downloads, the audit's filters.</summary>
public class FederationApiTests : WorldTest
{
    [Test]
    public async Task GapsExport_RanksEachGapWithItsReason_InFrench()
    {
        var campaign = await World.CreateCampaignOnTheOfficialAsync("Députée", World.OrganisationA);
        var gaps = await World.Admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}/gaps");
        var csv = (await World.Admin.GetStringAsync($"/api/campaigns/{campaign}/gaps/export.csv")).TrimStart('\uFEFF').TrimEnd().Split("\r\n");
        var bad = await World.Admin.GetAsync($"/api/campaigns/{campaign}/gaps/export.pdf");
        var unknown = await World.Admin.GetAsync("/api/campaigns/999999/gaps/export.csv");

        var reason = gaps.GetProperty("items")[0].GetProperty("reason").GetString();
        Assert.Multiple(() =>
        {
            Assert.That(reason, Does.StartWith("Jamais contacté").And.Contain("position inconnue"));
            Assert.That(csv[0], Does.StartWith("Rang;Nom;Prénom;Mandat").And.EndWith("Raison du rang"));
            Assert.That(csv, Has.Length.EqualTo(2), "the header and the one target");
            Assert.That(csv[1], Does.StartWith("1;").And.Contain(reason!));
            Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    [Test]
    public async Task WaitingFollowUpsExport_HasItsFrenchHeader_AndNothingForAnUnknownCampaign()
    {
        var csv = (await World.Admin.GetStringAsync($"/api/campaigns/{World.CampaignId}/followups/export.csv")).TrimStart('\uFEFF').Split("\r\n");
        var unknown = await World.Admin.GetAsync("/api/campaigns/999999/followups/export.xlsx");

        Assert.That(csv[0], Is.EqualTo("Structure;Départ prévu;Destinataire;Objet;État"));
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Audit_FiltersByActionAndDays_AndRefusesAReversedRange()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")));
        var updates = await World.Admin.GetFromJsonAsync<JsonElement>($"/api/audit?action=update&from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}&pageSize=500");
        var tomorrow = await World.Admin.GetFromJsonAsync<JsonElement>($"/api/audit?from={today.AddDays(1):yyyy-MM-dd}");
        using var reversed = new HttpRequestMessage(HttpMethod.Get, $"/api/audit?from={today:yyyy-MM-dd}&to={today.AddDays(-1):yyyy-MM-dd}");
        reversed.Headers.AcceptLanguage.ParseAdd("fr");
        var refused = await World.Admin.SendAsync(reversed);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Multiple(() =>
        {
            Assert.That(updates.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()), Has.All.EqualTo("update"));
            Assert.That(tomorrow.GetProperty("total").GetInt64(), Is.Zero);
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(problem.GetProperty("errorCodes").GetProperty("to")[0].GetString(), Is.EqualTo("audit_range_reversed"));
            Assert.That(problem.GetProperty("errors").GetProperty("to")[0].GetString(), Does.StartWith("Le dernier jour"));
        });
    }
}
