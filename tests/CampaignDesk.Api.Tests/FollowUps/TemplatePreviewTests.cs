using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignDesk.Api.Tests.Access;

namespace CampaignDesk.Api.Tests.FollowUps;

/// <summary>A template whose text cites a date already past is previewed with a warning that names it, not refused.</summary>
public class TemplatePreviewTests : WorldTest
{
    [Test]
    public async Task APastDateInTheText_IsAWarningThatNamesIt()
    {
        var template = await World.PostAsync<JsonElement>("/api/templates", new
        {
            campaignId = World.CampaignId,
            name = $"Échéance {Guid.NewGuid():N}",
            subject = "Avant le 30 avril 2026",
            body = "{{salutation}},\n\nLes structures ferment avant le 30 avril 2026, puis le 1er mai 2026 ; rendez-vous le 1er janvier 2099.\n\n{{sender.name}}",
        });
        using var coordinator = World.ClientFor(World.People["coordinatorA"].Token);

        var response = await coordinator.PostAsJsonAsync($"/api/templates/{template.GetProperty("id").GetInt64()}/preview",
            new { officialId = World.OfficialId, organisationId = World.OrganisationA });
        var preview = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), preview.ToString());
        var warnings = preview.GetProperty("warnings").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(warnings.Select(w => w.GetProperty("code").GetString()), Has.All.EqualTo("template_date_passed"));
            Assert.That(warnings.Select(w => w.GetProperty("message").GetString()), Is.EqualTo(new[]
            {
                "Le texte cite le 30 avril 2026, une date déjà passée : vérifiez qu'elle est toujours juste.",
                "Le texte cite le 1er mai 2026, une date déjà passée : vérifiez qu'elle est toujours juste.",
            }), "each past date once, the future one not at all");
            Assert.That(preview.GetProperty("body").GetString(), Does.Contain("avant le 30 avril 2026"), "the text itself is unchanged");
        });
    }

    [Test]
    public async Task AStructureWithoutAMailbox_IsPreviewedAnyway_WithoutAFromAddress()
    {
        var structure = await World.PostAsync<JsonElement>("/api/organisations",
            new { type = "structure", kind = "msp", name = $"MSP sans boîte {Guid.NewGuid():N}", communeInsee = "38421" });

        var response = await World.Admin.PostAsJsonAsync($"/api/templates/{World.TemplateId}/preview",
            new { officialId = World.OfficialId, organisationId = structure.GetProperty("id").GetInt64() });
        var preview = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), preview.ToString());
        Assert.That(preview.GetProperty("fromMailbox").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(preview.GetProperty("body").GetString(), Is.Not.Empty);
    }
}
