using System.Net;
using System.Text.Json;

namespace CampaignDesk.Api.Tests;

internal static class ProblemAssertions
{
    /// <summary>Asserts a problem+json response with this status and returns the fields its errors name.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), body);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo((int)status));
        Assert.That(body, Does.Not.Contain("   at "), "no stack trace in a problem");
        return problem;
    }

    public static async Task<string[]> AssertValidationProblemAsync(this HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        var problem = await response.AssertProblemAsync(status);
        return problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToArray();
    }
}
