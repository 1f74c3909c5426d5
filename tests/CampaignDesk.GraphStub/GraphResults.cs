using System.Globalization;
using System.Text.Json.Nodes;

namespace CampaignDesk.Stubs;

/// <summary>Answers shaped as Graph's: JSON bodies, <c>{"error":{"code","message"}}</c> errors, whole-second Retry-After.</summary>
internal static class GraphResults
{
    public static IResult Json(JsonNode body, int status = 200) => Results.Text(body.ToJsonString(), "application/json", statusCode: status);

    public static IResult Error(int status, string code, string message) => Json(StubJson.Error(code, message), status);

    public static IResult Throttled(HttpContext http, TimeSpan retryAfter, string message)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Error(429, "ApplicationThrottled", message);
    }
}
