using System.Globalization;

namespace CampaignDesk.Stubs;

/// <summary>
/// The exe's arguments: <c>--port 0 --limit 30/6s --concurrency 4 --token T --latency 20ms --fault-ratio 0.3 --seed 7 --delta-page-size 10</c>.
/// Durations take <c>ms</c>, <c>s</c> or <c>m</c>.
/// </summary>
internal static class StubArguments
{
    public static GraphStubOptions Parse(string[] args)
    {
        var options = new GraphStubOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i++])
            {
                case "--port": options.Port = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--token": options.Token = value; break;
                case "--concurrency": options.MaxConcurrentPerMailbox = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--latency": options.Latency = Duration(value); break;
                case "--fault-ratio": options.RandomFaultRatio = double.Parse(value, CultureInfo.InvariantCulture); break;
                case "--seed": options.Seed = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--delta-page-size": options.DeltaPageSize = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--limit":
                    var parts = value.Split('/');
                    options.MessagesPerWindow = int.Parse(parts[0], CultureInfo.InvariantCulture);
                    options.Window = Duration(parts[1]);
                    break;
                default: throw new ArgumentException($"Unknown argument {args[i - 1]}.");
            }
        }

        return options;
    }

    public static TimeSpan Duration(string text)
    {
        var (number, unit) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 1.0)
            : text.EndsWith('s') ? (text[..^1], 1000.0)
            : text.EndsWith('m') ? (text[..^1], 60_000.0)
            : (text, 1000.0);
        return TimeSpan.FromMilliseconds(double.Parse(number, CultureInfo.InvariantCulture) * unit);
    }
}
