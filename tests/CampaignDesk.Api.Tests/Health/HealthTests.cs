using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;

namespace CampaignDesk.Api.Tests.Health;

public class HealthTests
{
    [Test]
    public async Task Ready_MigratedDatabase_IsHealthyAndSaysTheSchemaVersion()
    {
        await using var factory = await CampaignDeskApiFactory.CreateAsync();
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/health/ready");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        var database = body.GetProperty("checks").GetProperty("database");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(database.GetProperty("status").GetString(), Is.EqualTo("Healthy"));
        Assert.That(database.GetProperty("data").GetProperty("schemaVersion").GetInt32(), Is.GreaterThanOrEqualTo(2));
    }

    [Test]
    public async Task Ready_SchemaBehindTheCode_Is503AndSaysWhy()
    {
        await using var factory = await CampaignDeskApiFactory.CreateAsync();
        using var client = factory.CreateClient();
        await client.GetAsync("/health/live"); // starts the host, which migrates
        await using (var connection = await factory.Database.Database.OpenAsync(default))
        {
            await connection.ExecuteAsync("DELETE FROM schema_migrations WHERE version = (SELECT MAX(version) FROM schema_migrations)");
        }

        var response = await client.GetAsync("/health/ready");
        var body = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(body, Does.Contain("pending"));
    }

    [Test]
    public async Task Ready_InProcessWorker_ReportsItsHeartbeat()
    {
        await using var factory = await CampaignDeskApiFactory.CreateAsync(("Worker:InProcess", "true"), ("Worker:HeartbeatInterval", "00:00:01"));
        using var client = factory.CreateClient();

        var worker = default(JsonElement);
        for (var attempt = 0; attempt < 50; attempt++)
        {
            worker = (await client.GetFromJsonAsync<JsonElement>("/health/ready")).GetProperty("checks").GetProperty("worker");
            if (worker.GetProperty("status").GetString() == "Healthy")
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.That(worker.GetProperty("status").GetString(), Is.EqualTo("Healthy"), worker.ToString());
    }

    [Test]
    public async Task Ready_NoWorker_IsDegradedButStillServes()
    {
        await using var factory = await CampaignDeskApiFactory.CreateAsync();
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/health/ready");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body.GetProperty("checks").GetProperty("worker").GetProperty("status").GetString(), Is.EqualTo("Degraded"));
    }
}
