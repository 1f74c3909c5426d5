using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignDesk.Api.Tests.Access;

namespace CampaignDesk.Api.Tests.Positions;

/// <summary>
/// A position on a campaign is recorded by an organisation taking part in it, like an interaction; its author or the
/// organisation's coordinators correct or withdraw it, audited, and coverage follows.
/// </summary>
public class PositionsApiTests : WorldTest
{
    private long _campaign;

    [SetUp]
    public async Task CreateCampaign() =>
        _campaign = await World.CreateCampaignOnTheOfficialAsync("Positions", World.OrganisationA, World.OrganisationB);

    private object Reply(long organisation, long campaign, string stance = "supports") => new
    {
        officialId = World.OfficialId,
        campaignId = campaign,
        organisationId = organisation,
        kind = "reply",
        statedOn = "2026-02-10",
        stance,
        summary = "Soutient la pérennisation des structures.",
    };

    private async Task<long> RecordAsync(string person, long organisation)
    {
        using var client = World.ClientFor(World.People[person].Token);
        var response = await client.PostAsJsonAsync("/api/positions", Reply(organisation, _campaign));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    private async Task<JsonElement> CoverageAsync() =>
        (await World.Admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{_campaign}/coverage?by=role")).GetProperty("total");

    [Test]
    public async Task APositionOnACampaign_IsRecordedOnlyForAnOrganisationTakingPartInIt()
    {
        using var volunteerA = World.ClientFor(World.People["volunteerA"].Token);

        var outsider = await volunteerA.PostAsJsonAsync("/api/positions", Reply(World.OrganisationA, World.OtherCampaignId));
        var forNobody = await volunteerA.PostAsJsonAsync("/api/positions",
            new { officialId = World.OfficialId, campaignId = _campaign, kind = "reply", statedOn = "2026-02-10", stance = "supports", summary = "Oui." });

        Assert.Multiple(async () =>
        {
            Assert.That(await outsider.AssertValidationProblemAsync(), Is.EqualTo(new[] { "campaignId" }), "A does not take part in B's campaign");
            Assert.That(await forNobody.AssertValidationProblemAsync(), Is.EqualTo(new[] { "organisationId" }), "for which organisation");
        });
        var coverage = await World.Admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{World.OtherCampaignId}/coverage?by=role");
        Assert.That(coverage.GetProperty("total").GetProperty("supports").GetInt32(), Is.Zero, "nothing was recorded");
    }

    [Test]
    public async Task ItsAuthor_CorrectsIt_AnotherOrganisation_CannotAndCoverageFollows()
    {
        var id = await RecordAsync("volunteerA", World.OrganisationA);
        using var author = World.ClientFor(World.People["volunteerA"].Token);
        using var otherCoordinator = World.ClientFor(World.People["coordinatorB"].Token);
        using var otherVolunteer = World.ClientFor(World.People["volunteerB"].Token);

        var refused = await otherCoordinator.PatchAsJsonAsync($"/api/positions/{id}", new { stance = "opposes" });
        var refusedToo = await otherVolunteer.DeleteAsync($"/api/positions/{id}");
        var moved = await author.PatchAsJsonAsync($"/api/positions/{id}", new { campaignId = World.CampaignId });
        var corrected = await author.PatchAsJsonAsync($"/api/positions/{id}", new { stance = "opposes", summary = "S'oppose finalement." });
        var body = await corrected.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Multiple(async () =>
        {
            Assert.That((await refused.AssertProblemAsync(HttpStatusCode.Forbidden)).GetProperty("code").GetString(), Is.EqualTo("position_correct_forbidden"));
            await refusedToo.AssertProblemAsync(HttpStatusCode.Forbidden);
            Assert.That(await moved.AssertValidationProblemAsync(), Is.EqualTo(new[] { "campaignId" }), "a position stays on its campaign");
            Assert.That(corrected.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToString());
            Assert.That(body.GetProperty("stance").GetString(), Is.EqualTo("opposes"));
            Assert.That(body.GetProperty("version").GetInt32(), Is.EqualTo(2));
            Assert.That((await CoverageAsync()).GetProperty("opposes").GetInt32(), Is.EqualTo(1));
            Assert.That((await CoverageAsync()).GetProperty("supports").GetInt32(), Is.Zero);
        });
    }

    [Test]
    public async Task ItsOrganisationsCoordinator_WithdrawsIt_ItStaysWithItsHistory_AndCountsNoMore()
    {
        var id = await RecordAsync("volunteerA", World.OrganisationA);
        Assert.That((await CoverageAsync()).GetProperty("supports").GetInt32(), Is.EqualTo(1));
        using var coordinator = World.ClientFor(World.People["coordinatorA"].Token);

        var withdrawn = await coordinator.DeleteAsync($"/api/positions/{id}");
        var body = await withdrawn.Content.ReadFromJsonAsync<JsonElement>();
        var again = await coordinator.DeleteAsync($"/api/positions/{id}");
        var correction = await coordinator.PatchAsJsonAsync($"/api/positions/{id}", new { stance = "neutral" });
        var read = await World.Admin.GetFromJsonAsync<JsonElement>($"/api/positions/{id}");
        var timeline = await World.Admin.GetFromJsonAsync<JsonElement>($"/api/officials/{World.OfficialId}/timeline");
        var audit = await World.Admin.GetFromJsonAsync<JsonElement>($"/api/audit?entity=position&entityId={id}");
        var total = await CoverageAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(withdrawn.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToString());
            Assert.That(body.GetProperty("withdrawnUtc").ValueKind, Is.EqualTo(JsonValueKind.String));
            Assert.That(body.GetProperty("withdrawnBy").GetString(), Is.EqualTo("coordinatorA"));
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK), "withdrawing twice changes nothing");
            Assert.That((await correction.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString(), Is.EqualTo("position_withdrawn"));
            Assert.That(read.GetProperty("summary").GetString(), Is.EqualTo("Soutient la pérennisation des structures."), "kept, as it was");
            Assert.That(timeline.EnumerateArray().Where(e => e.GetProperty("position").ValueKind == JsonValueKind.Object)
                .Select(e => e.GetProperty("position").GetProperty("id").GetInt64()), Does.Not.Contain(id));
            Assert.That(audit.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()),
                Is.EquivalentTo(new[] { "create", "withdraw" }));
            Assert.That(total.GetProperty("supports").GetInt32(), Is.Zero, "its stance counts no more");
            Assert.That(total.GetProperty("responded").GetInt32(), Is.Zero);
        });
    }
}
