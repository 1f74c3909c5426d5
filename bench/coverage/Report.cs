using System.Globalization;

namespace CampaignDesk.Bench.Coverage;

internal static class Report
{
    private const double TargetMilliseconds = 100;
    private const double TargetRatio = 2;

    public static void Print(string provider, Generated generated, int requests, IReadOnlyList<Result> results)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"## {provider}: {generated.Interactions:N0} interactions, {generated.Positions:N0} positions, {requests} requests each, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC"));
        Console.WriteLine();
        Console.WriteLine("| query | API p50 ms | API p95 ms | direct p50 ms | direct p95 ms | p95 ratio | p95 < 100 ms | ≤ 2× direct |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|:-:|:-:|");
        foreach (var r in results)
        {
            var (apiP95, directP95) = (Measure.Percentile(r.Api, 0.95), Measure.Percentile(r.Direct, 0.95));
            var ratio = apiP95 / directP95;
            Console.WriteLine(string.Create(c,
                $"| {r.Case.Name} | {Measure.Percentile(r.Api, 0.5):F1} | {apiP95:F1} | {Measure.Percentile(r.Direct, 0.5):F1} | {directP95:F1} | {ratio:F2} | {(apiP95 < TargetMilliseconds ? "yes" : "NO")} | {(ratio <= TargetRatio ? "yes" : "NO")} |"));
        }
    }
}
