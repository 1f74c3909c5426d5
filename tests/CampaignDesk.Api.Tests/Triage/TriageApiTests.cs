using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignDesk.Api.Tests.Access;

namespace CampaignDesk.Api.Tests.Triage;

/// <summary>The answers read from the mailboxes, waiting for a stance: who sees them, deciding one, dismissing one.</summary>
public class TriageApiTests : WorldTest
{
    [Test]
    public async Task List_ShowsTheAnswersOfTheCallersOrganisationsMailboxes_AndAdminsSeeAll()
    {
        var a = await World.CreateTriageItemAsync(own: true);
        var b = await World.CreateTriageItemAsync(own: false);

        Assert.That(await IdsAsync(World.People["volunteerA"].Token), Does.Contain(a).And.Not.Contain(b));
        Assert.That(await IdsAsync(World.People["coordinatorB"].Token), Does.Contain(b).And.Not.Contain(a));
        Assert.That(await IdsAsync(World.People["observer"].Token), Is.Empty);
        Assert.That(await IdsAsync(World.People["admin"].Token), Does.Contain(a).And.Contain(b));
    }

    [Test]
    public async Task Decide_SetsThePositionsStanceAndSummary_ThenTheAnswerLeavesTheQueue_AndASecondDecisionIsAConflict()
    {
        var id = await World.CreateTriageItemAsync(own: true);
        using var volunteer = World.ClientFor(World.People["volunteerA"].Token);

        var decided = await volunteer.PostAsJsonAsync($"/api/triage/{id}", new { stance = "Supports", summary = "Soutient la pérennisation des SEC-Pa." });
        var item = await decided.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(decided.StatusCode, Is.EqualTo(HttpStatusCode.OK), item.ToString());
        Assert.That(item.GetProperty("triage").GetString(), Is.EqualTo("done"));
        var position = await World.Admin.GetFromJsonAsync<JsonElement>($"/api/positions/{item.GetProperty("positionId").GetInt64()}");
        Assert.That((position.GetProperty("stance").GetString(), position.GetProperty("summary").GetString()),
            Is.EqualTo(("supports", "Soutient la pérennisation des SEC-Pa.")));
        Assert.That(position.GetProperty("confirmedBy").GetString(), Is.EqualTo("volunteerA"), "the display name, never the login e-mail");
        Assert.That(await IdsAsync(World.People["volunteerA"].Token), Does.Not.Contain(id));
        await (await volunteer.PostAsJsonAsync($"/api/triage/{id}", new { dismiss = true })).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Test]
    public async Task Dismiss_LeavesTheStanceUnknown_AndTheAnswerLeavesTheQueue()
    {
        var id = await World.CreateTriageItemAsync(own: true);
        using var coordinator = World.ClientFor(World.People["coordinatorA"].Token);

        var dismissed = await (await coordinator.PostAsJsonAsync($"/api/triage/{id}", new { dismiss = true })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(dismissed.GetProperty("triage").GetString(), Is.EqualTo("dismissed"));
        var position = await World.Admin.GetFromJsonAsync<JsonElement>($"/api/positions/{dismissed.GetProperty("positionId").GetInt64()}");
        Assert.That(position.GetProperty("stance").GetString(), Is.EqualTo("unknown"));
        Assert.That(await IdsAsync(World.People["coordinatorA"].Token), Does.Not.Contain(id));
    }

    [Test]
    public async Task Decide_WithoutAKnownStanceOrASummary_NamesTheFields()
    {
        var id = await World.CreateTriageItemAsync(own: true);

        var problem = await (await World.Admin.PostAsJsonAsync($"/api/triage/{id}", new { stance = "enthusiastic" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.That(problem.GetProperty("errors").EnumerateObject().Select(e => e.Name), Is.EquivalentTo(new[] { "stance", "summary" }));
        Assert.That(await IdsAsync(World.People["admin"].Token), Does.Contain(id), "still waiting");
    }

    private async Task<long[]> IdsAsync(string token)
    {
        using var client = World.ClientFor(token);
        var items = await client.GetFromJsonAsync<JsonElement>("/api/triage");
        return [.. items.EnumerateArray().Select(i => i.GetProperty("id").GetInt64())];
    }
}
