using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignDesk.Api.Tests.Access;

namespace CampaignDesk.Api.Tests.FollowUps;

/// <summary>Templates and follow-ups through the API: preview, schedule, list, cancel.</summary>
public class FollowUpsApiTests : WorldTest
{
    [Test]
    public async Task Preview_RendersTheMessageAsItWouldLeave_InFrench()
    {
        var preview = await World.Admin.PostAsJsonAsync($"/api/templates/{World.TemplateId}/preview",
            new { officialId = World.OfficialId, organisationId = World.OrganisationA });
        var mail = await preview.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(preview.StatusCode, Is.EqualTo(HttpStatusCode.OK), mail.ToString());
        Assert.That(mail.GetProperty("body").GetString(), Does.StartWith("Madame la Députée,"));
        Assert.That(mail.GetProperty("subject").GetString(), Is.EqualTo("Campagne de test"));
        Assert.That(mail.GetProperty("toAddress").GetString(), Is.EqualTo("cyrielle.chatelain@assemblee-nationale.fr"));
        Assert.That(mail.GetProperty("fromMailbox").GetString(), Is.EqualTo($"structure-{World.OrganisationA}@example.org"));
    }

    [Test]
    public async Task TheSender_SignsWithTheirDisplayName_NeverTheirLoginEmail()
    {
        var login = $"a.diallo.{Guid.NewGuid():N}@example.org";
        var user = await World.PostAsync<JsonElement>("/api/users", new
        {
            email = login,
            displayName = "Awa Diallo",
            role = "coordinator",
            organisationIds = new[] { World.OrganisationA },
        });
        var token = await World.IssueTokenAsync(user.GetProperty("id").GetInt64());
        var template = await World.PostAsync<JsonElement>("/api/templates", new
        {
            campaignId = World.CampaignId,
            name = $"Signée {Guid.NewGuid():N}",
            subject = "Objet",
            body = "{{salutation}},\n\nBien à vous,\n{{sender.name}}",
        });
        using var coordinator = World.ClientFor(token);

        var preview = await coordinator.PostAsJsonAsync($"/api/templates/{template.GetProperty("id").GetInt64()}/preview",
            new { officialId = World.OfficialId, organisationId = World.OrganisationA });
        var mail = await preview.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(preview.StatusCode, Is.EqualTo(HttpStatusCode.OK), mail.ToString());
        Assert.That(mail.GetProperty("body").GetString(), Does.EndWith("Bien à vous,\nAwa Diallo"));
        Assert.That(mail.GetProperty("body").GetString(), Does.Not.Contain(login));
    }

    [Test]
    public async Task AMissingValue_IsAnErrorAtPreview_NamingThePlaceholder()
    {
        var template = await World.PostAsync<JsonElement>("/api/templates", new
        {
            campaignId = World.CampaignId,
            name = $"Commune {Guid.NewGuid():N}",
            subject = "Objet",
            body = "Bonjour de {{commune}}",
        });

        var preview = await World.Admin.PostAsJsonAsync($"/api/templates/{template.GetProperty("id").GetInt64()}/preview",
            new { officialId = World.OfficialId, organisationId = World.OrganisationA });

        var problem = await preview.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").GetProperty("body")[0].GetString(), Does.Contain("{{commune}}"));
    }

    [Test]
    public async Task Schedule_List_Cancel_AndCancelAgain_IsAConflict()
    {
        using var coordinator = World.ClientFor(World.People["coordinatorA"].Token);
        var created = await coordinator.PostAsJsonAsync("/api/followups", new
        {
            officialId = World.OfficialId,
            organisationId = World.OrganisationA,
            templateId = World.TemplateId,
            notBefore = DateTimeOffset.UtcNow.AddDays(30),
        });
        var followUp = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), followUp.ToString());
        var id = followUp.GetProperty("id").GetInt64();
        Assert.That(followUp.TryGetProperty("idempotencyKey", out _), Is.False, "the key stays inside");

        var listed = await coordinator.GetFromJsonAsync<JsonElement>($"/api/followups?state=scheduled&organisation={World.OrganisationA}");
        var cancelled = await coordinator.DeleteAsync($"/api/followups/{id}");
        var again = await coordinator.DeleteAsync($"/api/followups/{id}");
        var badState = await coordinator.GetAsync("/api/followups?state=lost");

        Assert.That(listed.GetProperty("items").EnumerateArray().Select(f => f.GetProperty("id").GetInt64()), Does.Contain(id));
        Assert.That((await cancelled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString(), Is.EqualTo("cancelled"));
        await again.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.That(await badState.AssertValidationProblemAsync(), Is.EqualTo(new[] { "state" }));
    }

    [Test]
    public async Task TheTimeline_ShowsAFollowUp_ToItsOrganisationOnly()
    {
        var id = await World.CreateFollowUpAsync(own: true);
        using var coordinatorA = World.ClientFor(World.People["coordinatorA"].Token);
        using var volunteerB = World.ClientFor(World.People["volunteerB"].Token);

        var mine = await coordinatorA.GetFromJsonAsync<JsonElement>($"/api/officials/{World.OfficialId}/timeline");
        var theirs = await volunteerB.GetFromJsonAsync<JsonElement>($"/api/officials/{World.OfficialId}/timeline");

        static IEnumerable<long> FollowUps(JsonElement timeline) =>
            timeline.EnumerateArray().Where(e => e.GetProperty("type").GetString() == "followup").Select(e => e.GetProperty("id").GetInt64());
        Assert.That(FollowUps(mine), Does.Contain(id));
        Assert.That(FollowUps(theirs), Does.Not.Contain(id));
    }

    [Test]
    public async Task ACoordinator_CannotChangeTheMailboxFollowUpsLeaveFrom()
    {
        using var coordinator = World.ClientFor(World.People["coordinatorA"].Token);

        var response = await coordinator.PatchAsJsonAsync($"/api/organisations/{World.OrganisationA}", new { mailbox = "autre-structure@example.org" });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        var organisation = await World.Admin.GetFromJsonAsync<JsonElement>($"/api/organisations/{World.OrganisationA}");
        Assert.That(organisation.GetProperty("mailbox").GetString(), Is.EqualTo($"structure-{World.OrganisationA}@example.org"));
    }
}
