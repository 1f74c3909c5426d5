using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignDesk.Core.Data;
using CampaignDesk.TestSupport;

namespace CampaignDesk.Api.Tests.Desk;

/// <summary>Tasks that fit calls: a message left keeps the task open with a new date; call scripts; the team; tasks for several élus.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public class TaskDeskApiTests(DatabaseProvider provider) : DeskTest(provider)
{
    [Test]
    public async Task MessageLeft_KeepsTheTaskOpen_WithAnAttemptAndANewDate()
    {
        var id = await AssignAsync(Desk.Senatrice);
        using var volunteer = As(Desk.Volunteer);
        var proposed = (await volunteer.GetFromJsonAsync<JsonElement>($"/api/tasks/{id}")).GetProperty("proposedRetryDate").GetString();

        var first = await CompleteAsync(volunteer, id, new { channel = "phone", outcome = "left_message", notes = "Secrétariat." });
        var chosen = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var second = await CompleteAsync(volunteer, id, new { channel = "phone", outcome = "unreachable", retryOn = chosen });
        var last = await CompleteAsync(volunteer, id, new { channel = "phone", outcome = "spoke" });
        var log = await volunteer.GetFromJsonAsync<JsonElement>($"/api/interactions?official={Desk.Senatrice}&organisation={Desk.Organisation}");

        Assert.Multiple(() =>
        {
            Assert.That(first.GetProperty("state").GetString(), Is.EqualTo("open"));
            Assert.That(first.GetProperty("attempts").GetInt32(), Is.EqualTo(1));
            Assert.That(first.GetProperty("dueDate").GetString(), Is.EqualTo(proposed), "the date the task proposed");
            Assert.That(first.GetProperty("interactionId").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(second.GetProperty("attempts").GetInt32(), Is.EqualTo(2));
            Assert.That(second.GetProperty("dueDate").GetString(), Is.EqualTo(chosen));
            Assert.That(last.GetProperty("state").GetString(), Is.EqualTo("done"));
            Assert.That(log.GetProperty("total").GetInt64(), Is.EqualTo(3), "every attempt is in the outreach log");
        });
    }

    [Test]
    public async Task MessageLeft_WithClose_OrADateInThePast()
    {
        using var volunteer = As(Desk.Volunteer);
        var closing = await CompleteAsync(volunteer, await AssignAsync(Desk.Maire), new { channel = "phone", outcome = "left_message", close = true });
        var id = await AssignAsync(Desk.Maire);
        using var past = await volunteer.PostAsJsonAsync($"/api/tasks/{id}/complete", new { channel = "phone", outcome = "left_message", retryOn = "2020-01-01" });
        var task = await volunteer.GetFromJsonAsync<JsonElement>($"/api/tasks/{id}");

        Assert.Multiple(() =>
        {
            Assert.That(closing.GetProperty("state").GetString(), Is.EqualTo("done"));
            Assert.That(past.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(task.GetProperty("attempts").GetInt32(), Is.Zero, "a refused completion changes nothing");
        });
    }

    [Test]
    public async Task CallScript_OfTheOfficialsMandate_IsOnTheTask_AndOnlyCoordinatorsWriteIt()
    {
        using var coordinator = As(Desk.Coordinator);
        using var volunteer = As(Desk.Volunteer);
        using var saved = await coordinator.PutAsJsonAsync($"/api/campaigns/{Desk.Campaign}/scripts/senateur", new { body = "Bonjour, je souhaite parler du moratoire au Sénat." });
        using var any = await coordinator.PutAsJsonAsync($"/api/campaigns/{Desk.Campaign}/scripts/*", new { body = "Bonjour, je vous appelle pour le moratoire." });
        using var refused = await volunteer.PutAsJsonAsync($"/api/campaigns/{Desk.Campaign}/scripts/maire", new { body = "Non." });
        using var unknown = await coordinator.PutAsJsonAsync($"/api/campaigns/{Desk.Campaign}/scripts/prefet", new { body = "Non." });
        var senateur = await volunteer.GetFromJsonAsync<JsonElement>($"/api/tasks/{await AssignAsync(Desk.Senatrice)}");
        var maire = await volunteer.GetFromJsonAsync<JsonElement>($"/api/tasks/{await AssignAsync(Desk.Maire)}");
        var scripts = await volunteer.GetFromJsonAsync<JsonElement>($"/api/campaigns/{Desk.Campaign}/scripts");

        Assert.Multiple(() =>
        {
            Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(senateur.GetProperty("callScript").GetString(), Does.Contain("Sénat"));
            Assert.That(maire.GetProperty("callScript").GetString(), Is.EqualTo("Bonjour, je vous appelle pour le moratoire."), "the script for every other mandate");
            Assert.That(scripts.GetArrayLength(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Batch_SharesTheTasksOutInTurn_AndTheTeamSeesWhoHasWhat()
    {
        using var coordinator = As(Desk.Coordinator);
        using var response = await coordinator.PostAsJsonAsync("/api/tasks/batch", new
        {
            organisationId = Desk.Organisation,
            campaignId = Desk.Campaign,
            kind = "call",
            dueDate = "2026-01-05",
            assigneeUserIds = new[] { Desk.Volunteer.Id, Desk.OtherVolunteer.Id },
            officialIds = new[] { Desk.Deputee, Desk.Senatrice, Desk.Departementale },
        });
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var team = await coordinator.GetFromJsonAsync<JsonElement>($"/api/organisations/{Desk.Organisation}/team");
        using var volunteer = As(Desk.Volunteer);
        using var asVolunteer = await volunteer.GetAsync($"/api/organisations/{Desk.Organisation}/team");

        var other = team.EnumerateArray().Single(m => m.GetProperty("userId").GetInt64() == Desk.OtherVolunteer.Id);
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), created.ToString());
            Assert.That(created.EnumerateArray().Select(t => t.GetProperty("assigneeUserId").GetInt64()),
                Is.EqualTo(new[] { Desk.Volunteer.Id, Desk.OtherVolunteer.Id, Desk.Volunteer.Id }), "in turn");
            Assert.That(created[1].GetProperty("assigneeName").GetString(), Is.EqualTo("autre-benevole"));
            Assert.That(other.GetProperty("openTasks").GetInt64(), Is.EqualTo(1));
            Assert.That(other.GetProperty("overdueTasks").GetInt64(), Is.EqualTo(1), "due in the past");
            Assert.That(asVolunteer.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        });
    }

    private async Task<long> AssignAsync(long official)
    {
        using var coordinator = As(Desk.Coordinator);
        using var response = await coordinator.PostAsJsonAsync("/api/tasks", new
        {
            assigneeUserId = Desk.Volunteer.Id,
            officialId = official,
            organisationId = Desk.Organisation,
            campaignId = Desk.Campaign,
            kind = "call",
            dueDate = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), text);
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetInt64();
    }

    private static async Task<JsonElement> CompleteAsync(HttpClient client, long id, object body)
    {
        using var response = await client.PostAsJsonAsync($"/api/tasks/{id}/complete", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
