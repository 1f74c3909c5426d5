using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignDesk.Api.Tests.Access;

namespace CampaignDesk.Api.Tests.Tasks;

public class TasksApiTests : WorldTest
{

    [Test]
    public async Task Volunteer_SeesTheirTask_LogsTheCall_AndTheTaskCloses()
    {
        var taskId = await World.CreateTaskAsync(own: true);
        using var volunteer = World.ClientFor(World.People["volunteerA"].Token);

        var mine = await volunteer.GetFromJsonAsync<JsonElement>("/api/tasks?assignee=me&state=open");
        var completed = await volunteer.PostAsJsonAsync($"/api/tasks/{taskId}/complete",
            new { channel = "phone", outcome = "meeting_set", notes = "Rendez-vous à la permanence le 12." });
        var task = await completed.Content.ReadFromJsonAsync<JsonElement>();
        var interaction = await volunteer.GetFromJsonAsync<JsonElement>($"/api/interactions/{task.GetProperty("interactionId").GetInt64()}");
        var again = await volunteer.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { channel = "phone", outcome = "spoke" });
        var open = await volunteer.GetFromJsonAsync<JsonElement>("/api/tasks?assignee=me&state=open");
        var audit = await World.Admin.GetFromJsonAsync<JsonElement>($"/api/audit?entity=task&entityId={taskId}");

        Assert.Multiple(() =>
        {
            Assert.That(mine.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetInt64()), Does.Contain(taskId));
            Assert.That(completed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(task.GetProperty("state").GetString(), Is.EqualTo("done"));
            Assert.That(interaction.GetProperty("officialId").GetInt64(), Is.EqualTo(World.OfficialId), "the task's official");
            Assert.That(interaction.GetProperty("organisationId").GetInt64(), Is.EqualTo(World.OrganisationA));
            Assert.That(interaction.GetProperty("campaignId").GetInt64(), Is.EqualTo(World.CampaignId), "the task's campaign");
            Assert.That(interaction.GetProperty("loggedByUserId").GetInt64(), Is.EqualTo(World.People["volunteerA"].Id));
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "a done task cannot be completed twice");
            Assert.That(open.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetInt64()), Does.Not.Contain(taskId));
            Assert.That(audit.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()),
                Is.EquivalentTo(new[] { "create", "complete" }));
        });
    }

    [Test]
    public async Task InvalidCompletion_ChangesNothing()
    {
        var taskId = await World.CreateTaskAsync(own: true);
        using var volunteer = World.ClientFor(World.People["volunteerA"].Token);
        var before = (await volunteer.GetFromJsonAsync<JsonElement>("/api/interactions")).GetProperty("total").GetInt64();

        var response = await volunteer.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { channel = "pigeon", outcome = "spoke" });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var task = await volunteer.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}");
        var after = (await volunteer.GetFromJsonAsync<JsonElement>("/api/interactions")).GetProperty("total").GetInt64();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(problem.GetProperty("errors").TryGetProperty("channel", out _), Is.True, "the problem names the field");
            Assert.That(task.GetProperty("state").GetString(), Is.EqualTo("open"));
            Assert.That(after, Is.EqualTo(before));
        });
    }

    [Test]
    public async Task Create_ForAnObserverOrAStranger_IsRefusedNamingTheAssignee()
    {
        var response = await World.Admin.PostAsJsonAsync("/api/tasks", new
        {
            assigneeUserId = World.People["volunteerB"].Id,
            officialId = World.OfficialId,
            organisationId = World.OrganisationA,
            kind = "visit",
            dueDate = "2026-12-01",
        });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem.GetProperty("errors").TryGetProperty("assigneeUserId", out _), Is.True);
    }

    [Test]
    public async Task Overdue_ListsOpenTasksPastTheirDueDate()
    {
        var late = await World.PostAsync<JsonElement>("/api/tasks", new
        {
            assigneeUserId = World.People["volunteerB"].Id,
            officialId = World.OfficialId,
            organisationId = World.OrganisationB,
            kind = "letter",
            dueDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-3)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        using var coordinator = World.ClientFor(World.People["coordinatorB"].Token);

        var overdue = await coordinator.GetFromJsonAsync<JsonElement>("/api/tasks?state=overdue");

        var items = overdue.GetProperty("items").EnumerateArray().ToList();
        Assert.That(items.Select(t => t.GetProperty("id").GetInt64()), Does.Contain(late.GetProperty("id").GetInt64()));
        Assert.That(items, Has.All.Matches<JsonElement>(t => t.GetProperty("overdue").GetBoolean()));
    }
}
