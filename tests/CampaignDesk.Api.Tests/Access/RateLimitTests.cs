using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CampaignDesk.Api.Tests.Access;

public class RateLimitTests : ApiTest
{
    protected override (string Key, string? Value)[] Settings =>
        [("RateLimiting:TokenBurst", "5"), ("RateLimiting:TokenPerSecond", "1"), ("RateLimiting:AnonymousBurst", "3"), ("RateLimiting:AnonymousPerSecond", "1")];

    [Test]
    public async Task ATokenOverItsBurst_Gets429WithRetryAfter_WhileAnotherTokenStillWorks()
    {
        // The admin's own bucket allows five requests: just enough to make two observers with a token each.
        using var volunteer = await ObserverClientAsync("first");
        using var observer = await ObserverClientAsync("second");

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 12 && refused is null; i++)
        {
            var response = await volunteer.GetAsync("/api/me");
            statuses.Add(response.StatusCode);
            refused = response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        var other = await observer.GetAsync("/api/me");
        var health = await volunteer.GetAsync("/health/live");

        Assert.That(refused, Is.Not.Null, string.Join(", ", statuses));
        var problem = await refused!.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(statuses.Count(s => s == HttpStatusCode.OK), Is.GreaterThanOrEqualTo(5), "the burst passes");
            Assert.That(refused.Headers.RetryAfter?.Delta?.TotalSeconds, Is.GreaterThanOrEqualTo(1));
            Assert.That(refused.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo(429));
            Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("rate_limited"));
            Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.OK), "each token has its own bucket");
            Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK), "health checks are never limited");
        });
    }

    private async Task<HttpClient> ObserverClientAsync(string name)
    {
        var user = await (await Client.PostAsJsonAsync("/api/users", new { email = $"{name}@example.org", displayName = name, role = "observer" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var token = await (await Client.PostAsJsonAsync($"/api/users/{user.GetProperty("id").GetInt64()}/tokens", new { }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("token").GetString());
        return client;
    }

    [Test]
    public async Task GuessingTokens_IsLimitedPerAddress()
    {
        using var guesser = Factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", $"cdp_guess{i:D40}");
            statuses.Add((await guesser.SendAsync(request)).StatusCode);
        }

        Assert.That(statuses, Does.Contain(HttpStatusCode.Unauthorized).And.Contain(HttpStatusCode.TooManyRequests));
    }
}
