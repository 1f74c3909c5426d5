using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignDesk.Core.Data;
using CampaignDesk.TestSupport;
using Dapper;

namespace CampaignDesk.Api.Tests.Desk;

/// <summary>The same follow-up for several élus: a dry run that writes nothing and paces as the outbox will, the real run, one cancel.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public class FollowUpBatchApiTests(DatabaseProvider provider) : DeskTest(provider)
{
    [Test]
    public async Task DryRun_PreviewsEveryMessageAndTime_AndWritesNothing()
    {
        using var coordinator = As(Desk.Coordinator);
        var before = await CountAsync();

        using var response = await coordinator.PostAsJsonAsync("/api/followups/batch", Batch(dryRun: true, Desk.Deputee, Desk.Senatrice, Desk.Maire));
        var batch = await response.Content.ReadFromJsonAsync<JsonElement>();

        var items = batch.GetProperty("items").EnumerateArray().ToList();
        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), batch.ToString());
            Assert.That(batch.GetProperty("dryRun").GetBoolean(), Is.True);
            Assert.That(batch.GetProperty("id").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(batch.GetProperty("scheduled").GetInt32(), Is.EqualTo(3));
            Assert.That(items.Select(i => i.GetProperty("followUp").GetProperty("body").GetString()),
                Has.Some.StartsWith("Madame la Sénatrice,"), "each message rendered as it will leave");
            Assert.That(items.All(i => i.GetProperty("followUp").GetProperty("dueUtc").GetDateTime() > DateTime.UtcNow.AddMinutes(-5)), Is.True);
            Assert.That(items.All(i => i.GetProperty("reasons").GetArrayLength() > 0), Is.True, "every planned time says why");
            Assert.That(await CountAsync(), Is.EqualTo(before), "a dry run writes nothing");
        });
    }

    [Test]
    public async Task DryRun_PacesAsTheOutboxWill_BehindAFollowUpAlreadyPlanned()
    {
        using var coordinator = As(Desk.Coordinator);
        var first = await PostAsync(coordinator, Batch(dryRun: false, Desk.Departementale));
        var firstDue = first.GetProperty("items")[0].GetProperty("followUp").GetProperty("windowDate").GetString()!;

        var preview = await PostAsync(coordinator, Batch(dryRun: true, Desk.Departementale));
        var item = preview.GetProperty("items")[0];

        Assert.Multiple(() =>
        {
            Assert.That(item.GetProperty("followUp").GetProperty("windowDate").GetString(), Is.GreaterThan(firstDue), "one message per official per window");
            Assert.That(item.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()), Does.Contain("pacing"));
        });
    }

    [Test]
    public async Task Schedule_KeepsTheBatch_AndOneCancelStopsIt()
    {
        using var coordinator = As(Desk.Coordinator);
        var batch = await PostAsync(coordinator, Batch(dryRun: false, Desk.Senatrice, Desk.Maire));
        var id = batch.GetProperty("id").GetInt64();
        var listed = await coordinator.GetFromJsonAsync<JsonElement>($"/api/followups?batch={id}");

        using var volunteer = As(Desk.Volunteer);
        using var refused = await volunteer.DeleteAsync($"/api/followups/batches/{id}");
        using var cancel = await coordinator.DeleteAsync($"/api/followups/batches/{id}");
        var cancelled = await cancel.Content.ReadFromJsonAsync<JsonElement>();
        var after = await coordinator.GetFromJsonAsync<JsonElement>($"/api/followups?batch={id}");

        Assert.Multiple(() =>
        {
            Assert.That(listed.GetProperty("total").GetInt64(), Is.EqualTo(2));
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "a volunteer does not cancel follow-ups");
            Assert.That(cancelled.GetProperty("cancelled").GetInt32(), Is.EqualTo(2));
            Assert.That(after.GetProperty("items").EnumerateArray().Select(f => f.GetProperty("state").GetString()), Is.All.EqualTo("cancelled"));
        });
    }

    [Test]
    public async Task Selection_TakesTheTargetsNobodyContacted()
    {
        using var coordinator = As(Desk.Coordinator);
        var preview = await PostAsync(coordinator, new
        {
            organisationId = Desk.Organisation,
            campaignId = Desk.Campaign,
            templateId = Desk.Template,
            selection = "uncontacted_targets",
            dryRun = true,
        });
        var officials = preview.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("officialId").GetInt64()).ToList();

        Assert.That(officials, Does.Contain(Desk.Deputee).And.Not.Contain(Desk.Regional), "targets only");
    }

    [Test]
    public async Task DryRun_SaysWhatLeavesAnOfficialOut_InTheReadersLanguage_WithItsCode()
    {
        using var coordinator = As(Desk.Coordinator);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/followups/batch") { Content = JsonContent.Create(Batch(dryRun: true, Desk.Maire, 999999)) };
        request.Headers.AcceptLanguage.ParseAdd("fr");

        using var response = await coordinator.SendAsync(request);
        var batch = await response.Content.ReadFromJsonAsync<JsonElement>();
        var left = batch.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("officialId").GetInt64() == 999999);

        Assert.Multiple(() =>
        {
            Assert.That((response.StatusCode, batch.GetProperty("scheduled").GetInt32(), batch.GetProperty("refused").GetInt32()),
                Is.EqualTo((HttpStatusCode.OK, 1, 1)), batch.ToString());
            Assert.That(left.GetProperty("errors").GetProperty("officialId")[0].GetString(), Does.StartWith("Pas d'élu·e 999999"));
            Assert.That(left.GetProperty("errorCodes").GetProperty("officialId")[0].GetString(), Is.EqualTo("preview_recipient_unknown"));
        });
    }

    [Test]
    public async Task Volunteer_CannotScheduleABatch()
    {
        using var volunteer = As(Desk.Volunteer);
        using var response = await volunteer.PostAsJsonAsync("/api/followups/batch", Batch(dryRun: true, Desk.Maire));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    private object Batch(bool dryRun, params long[] officials) =>
        new { organisationId = Desk.Organisation, campaignId = Desk.Campaign, templateId = Desk.Template, officialIds = officials, dryRun };

    private static async Task<JsonElement> PostAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync("/api/followups/batch", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<long> CountAsync()
    {
        await using var connection = await Factory.Database.Database.OpenAsync(default);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM followups");
    }
}
