using System.Diagnostics;
using System.Net.Http.Headers;

namespace CampaignDesk.Bench.Coverage;

/// <summary>One query: its HTTP path and token, and the same query run in-process through the service (the floor).</summary>
internal sealed record Case(string Name, string Token, string Path, Func<Task> Direct);

internal sealed record Result(Case Case, double[] Api, double[] Direct);

internal static class Measure
{
    private const int Warmup = 10;

    /// <summary>Alternates one HTTP request and one direct run, so that noise on the shared machine hits both alike.</summary>
    public static async Task<Result> RunAsync(HttpClient client, Case item, int requests)
    {
        var api = new List<double>(requests);
        var direct = new List<double>(requests);
        for (var i = 0; i < Warmup + requests; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using (var request = new HttpRequestMessage(HttpMethod.Get, item.Path))
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", item.Token);
                using var response = await client.SendAsync(request);
                var body = await response.Content.ReadAsByteArrayAsync();
                if (!response.IsSuccessStatusCode || body.Length == 0)
                {
                    throw new InvalidOperationException($"{item.Path}: {(int)response.StatusCode}");
                }
            }

            var apiTime = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            started = Stopwatch.GetTimestamp();
            await item.Direct();
            var directTime = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (i >= Warmup)
            {
                api.Add(apiTime);
                direct.Add(directTime);
            }
        }

        return new Result(item, [.. api], [.. direct]);
    }

    public static double Percentile(double[] values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
