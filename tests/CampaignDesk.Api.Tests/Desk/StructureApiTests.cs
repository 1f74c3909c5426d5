using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignDesk.Core.Data;
using CampaignDesk.TestSupport;

namespace CampaignDesk.Api.Tests.Desk;

/// <summary>« Ma structure » and an official's page as the API serves them: names instead of codes, targets first, the next action, the rights.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public class StructureApiTests(DatabaseProvider provider) : DeskTest(provider)
{
    [Test]
    public async Task OrganisationOfficials_NamePlaces_AndPutTargetsFirst_WithTheNextAction()
    {
        using var coordinator = As(Desk.Coordinator);
        var list = (await coordinator.GetFromJsonAsync<JsonElement>($"/api/organisations/{Desk.Organisation}/officials?campaign={Desk.Campaign}"))
            .EnumerateArray().ToList();
        var byId = list.ToDictionary(o => o.GetProperty("officialId").GetInt64());
        string Label(long id) => byId[id].GetProperty("mandate").GetProperty("label").GetString()!;

        Assert.Multiple(() =>
        {
            Assert.That(Label(Desk.Deputee), Is.EqualTo("Députée de la 2e circonscription de l'Isère"));
            Assert.That(Label(Desk.Senatrice), Is.EqualTo("Sénatrice de l'Isère"));
            Assert.That(Label(Desk.Maire), Is.EqualTo("Maire de Saint-Martin-d'Hères"));
            Assert.That(Label(Desk.Departementale), Does.StartWith("Conseillère départementale du canton d"), "the canton's name, not its code");
            Assert.That(Label(Desk.Regional), Is.EqualTo("Conseiller régional d'Auvergne-Rhône-Alpes"));
            Assert.That(byId[Desk.Regional].GetProperty("target").GetBoolean(), Is.False, "régionaux are not targets of the default rule");
            Assert.That(byId[Desk.Senatrice].GetProperty("target").GetBoolean(), Is.True);
            Assert.That(list.Last().GetProperty("officialId").GetInt64(), Is.EqualTo(Desk.Regional).Or.EqualTo(Desk.Departementale),
                "targets come first");
            Assert.That(list.TakeWhile(o => o.GetProperty("target").GetBoolean()).Count(), Is.EqualTo(list.Count(o => o.GetProperty("target").GetBoolean())));
            Assert.That(byId[Desk.Senatrice].GetProperty("phones")[0].GetString(), Is.EqualTo("0476123456"));
            Assert.That(byId[Desk.Senatrice].GetProperty("nextAction").GetProperty("code").GetString(), Is.EqualTo("call"), "never contacted, a number known");
            Assert.That(byId[Desk.Maire].GetProperty("nextAction").GetProperty("code").GetString(), Is.EqualTo("write"), "never contacted, an e-mail only");
            Assert.That(byId[Desk.Maire].GetProperty("outreach").GetProperty("status").GetString(), Is.EqualTo("not_contacted"));
        });
    }

    [Test]
    public async Task OrganisationOfficials_PutTheCampaignsTargetsFirst_WhateverTheirMandate()
    {
        var campaign = (await World.PostAsync<JsonElement>("/api/campaigns", new
        {
            title = "Les régions",
            organisationIds = new[] { Desk.Organisation },
            deadline = "2030-12-31",
            targeting = new { rules = new[] { new { roles = new[] { "conseiller_regional" }, where = "everywhere" } } },
        })).GetProperty("id").GetInt64();

        var list = (await World.Admin.GetFromJsonAsync<JsonElement>($"/api/organisations/{Desk.Organisation}/officials?campaign={campaign}"))
            .EnumerateArray().ToList();

        Assert.That(list[0].GetProperty("officialId").GetInt64(), Is.EqualTo(Desk.Regional), "the régional, the only target, before the députée");
        Assert.That(list.Skip(1).Select(o => o.GetProperty("target").GetBoolean()), Is.All.False);
    }

    [Test]
    public async Task NextAction_FollowsWhatTheStructureDid()
    {
        using var volunteer = As(Desk.Volunteer);
        await LogAsync(volunteer, Desk.Departementale, "phone", "left_message");
        var afterMessage = (await Desk.OfficialsAsync(volunteer))[Desk.Departementale];
        await LogAsync(volunteer, Desk.Departementale, "phone", "spoke");
        var afterCall = (await Desk.OfficialsAsync(volunteer))[Desk.Departementale];

        using var observer = World.ClientFor(World.People["observer"].Token);
        var asObserver = (await Desk.OfficialsAsync(observer))[Desk.Departementale];
        Assert.Multiple(() =>
        {
            Assert.That(afterMessage.GetProperty("nextAction").GetProperty("code").GetString(), Is.EqualTo("call_again"));
            Assert.That(afterMessage.GetProperty("nextAction").GetProperty("label").GetString(), Is.EqualTo("Rappeler"));
            Assert.That(afterMessage.GetProperty("outreach").GetProperty("status").GetString(), Is.EqualTo("contacted"));
            Assert.That(afterCall.GetProperty("nextAction").GetProperty("code").GetString(), Is.EqualTo("record_position"));
            Assert.That(afterCall.GetProperty("outreach").GetProperty("status").GetString(), Is.EqualTo("reached"));
            Assert.That(asObserver.GetProperty("nextAction").ValueKind, Is.EqualTo(JsonValueKind.Null), "only the structure's members get its next actions");
        });
    }

    [Test]
    public async Task OfficialSearch_FindsNamesInAnyOrder()
    {
        var forward = await World.Admin.GetFromJsonAsync<JsonElement>("/api/officials?q=Cyrielle%20Chatelain");
        var backward = await World.Admin.GetFromJsonAsync<JsonElement>("/api/officials?q=chatelain%20cyrielle");
        Assert.Multiple(() =>
        {
            Assert.That(forward.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetInt64()), Does.Contain(Desk.Deputee));
            Assert.That(backward.GetProperty("total").GetInt64(), Is.EqualTo(forward.GetProperty("total").GetInt64()));
            Assert.That(forward.GetProperty("items")[0].GetProperty("mandates")[0].GetProperty("place").GetString(), Is.EqualTo("2e circonscription de l'Isère"));
        });
    }

    [Test]
    public async Task Actions_SayWhatEachRoleMayDo()
    {
        using var coordinator = As(Desk.Coordinator);
        using var volunteer = As(Desk.Volunteer);
        using var observer = World.ClientFor(World.People["observer"].Token);
        var asCoordinator = await coordinator.GetFromJsonAsync<JsonElement>($"/api/officials/{Desk.Senatrice}/actions");
        var asVolunteer = await volunteer.GetFromJsonAsync<JsonElement>($"/api/officials/{Desk.Senatrice}/actions");
        var asObserver = await observer.GetFromJsonAsync<JsonElement>($"/api/officials/{Desk.Senatrice}/actions");
        var elsewhere = await volunteer.GetAsync($"/api/officials/{Desk.Senatrice}/actions?organisation={World.OrganisationB}");

        Assert.Multiple(() =>
        {
            Assert.That(asCoordinator.GetProperty("organisationId").GetInt64(), Is.EqualTo(Desk.Organisation));
            Assert.That(asCoordinator.GetProperty("campaignId").GetInt64(), Is.EqualTo(Desk.Campaign));
            Assert.That(asCoordinator.GetProperty("may").GetProperty("scheduleFollowUp").GetBoolean(), Is.True);
            Assert.That(asCoordinator.GetProperty("assignees").EnumerateArray().Select(a => a.GetProperty("id").GetInt64()),
                Does.Contain(Desk.Volunteer.Id).And.Contain(Desk.OtherVolunteer.Id));
            Assert.That(asCoordinator.GetProperty("templates")[0].GetProperty("id").GetInt64(), Is.EqualTo(Desk.Template));
            Assert.That(asVolunteer.GetProperty("may").GetProperty("logContact").GetBoolean(), Is.True);
            Assert.That(asVolunteer.GetProperty("may").GetProperty("scheduleFollowUp").GetBoolean(), Is.False);
            Assert.That(asVolunteer.GetProperty("may").GetProperty("assignTask").GetBoolean(), Is.False);
            Assert.That(asVolunteer.GetProperty("assignees").GetArrayLength(), Is.Zero);
            Assert.That(asObserver.GetProperty("organisations").GetArrayLength(), Is.Zero);
            Assert.That(asObserver.GetProperty("may").GetProperty("logContact").GetBoolean(), Is.False);
            Assert.That(elsewhere.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        });
    }

    private async Task LogAsync(HttpClient client, long official, string channel, string outcome)
    {
        using var response = await client.PostAsJsonAsync("/api/interactions", new
        {
            organisationId = Desk.Organisation,
            officialId = official,
            campaignId = Desk.Campaign,
            channel,
            outcome,
        });
        Assert.That(response.IsSuccessStatusCode, Is.True, await response.Content.ReadAsStringAsync());
    }
}
