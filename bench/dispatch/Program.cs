// Dispatch benchmark (bench/dispatch/README.md): the outbox (FollowUpDispatcher + GraphMailTransport) against the Graph
// stub, beside the floor of the same sends made straight through the transport; then under Exchange-like limits.
//
//   dotnet run -c Release --project bench/dispatch -- --provider sqlite
//   dotnet run -c Release --project bench/dispatch -- --provider postgres --connection "Host=127.0.0.1;Port=5433;Username=postgres;Database=postgres"
using System.Globalization;
using CampaignDesk.Bench.Dispatch;
using CampaignDesk.Core.FollowUps;
using CampaignDesk.Stubs;

var options = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(x => x.a[2..], x => x.i + 1 < args.Length ? args[x.i + 1] : "");
string Option(string name, string fallback) => options.GetValueOrDefault(name, fallback);
int Number(string name, int fallback) => int.Parse(Option(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

var provider = Option("provider", "sqlite");
var messages = Number("messages", 10_000);
var mailboxes = Number("mailboxes", 20);
var repeats = Number("repeats", 3);
var perMailbox = Number("limited-per-mailbox", 150);
var (limit, window) = (Number("limit", 30), TimeSpan.FromSeconds(Number("window-seconds", 6)));
var dispatch = new FollowUpOptions().Dispatch;
dispatch.Concurrency = Number("concurrency", dispatch.Concurrency);
dispatch.ClaimPerMailbox = Number("claim-per-mailbox", dispatch.ClaimPerMailbox);
dispatch.ClaimPerRound = Number("claim-per-round", dispatch.ClaimPerRound);
var followUps = new FollowUpOptions { Dispatch = dispatch };
var free = new GraphStubOptions { Latency = TimeSpan.FromMilliseconds(Number("latency-ms", 0)) };
static string F(double value, string format = "F2") => value.ToString(format, CultureInfo.InvariantCulture);
static void Say(string line) => Console.WriteLine(line);

await using var db = await BenchDatabase.CreateAsync(provider, options.GetValueOrDefault("connection"));
Say($"dispatch bench: {provider}, {messages:N0} follow-ups over {mailboxes} mailboxes, dispatcher Concurrency {dispatch.Concurrency}, " +
    $"ClaimPerMailbox {dispatch.ClaimPerMailbox}, ClaimPerRound {dispatch.ClaimPerRound}, stub latency {free.Latency.TotalMilliseconds} ms, {repeats} repeats (median)");

// Warm-up: both paths JIT-compiled and the connection pool filled before anything is timed.
await Runs.FloorAsync(300, mailboxes, dispatch.Concurrency, free);
await Runs.DispatchAsync(db.Database, 300, mailboxes, followUps, free, stub => Runs.Graph(stub));

// (a) No limits: what the outbox adds to each message beyond the sends themselves.
var floors = new List<RunResult>();
var outbox = new List<RunResult>();
for (var r = 1; r <= repeats; r++)
{
    floors.Add(await Runs.FloorAsync(messages, mailboxes, dispatch.Concurrency, free));
    outbox.Add(await Runs.DispatchAsync(db.Database, messages, mailboxes, followUps, free, stub => Runs.Graph(stub)));
    Say($"  run {r}: floor {F(floors[^1].Elapsed.TotalSeconds)} s ({F(floors[^1].PerSecond, "F0")}/s), " +
        $"dispatcher {F(outbox[^1].Elapsed.TotalSeconds)} s ({F(outbox[^1].PerSecond, "F0")}/s)");
}

var floor = Median(floors.Select(f => f.Elapsed.TotalSeconds));
var dispatcher = Median(outbox.Select(o => o.Elapsed.TotalSeconds));
Say($"(a) no limits, {messages:N0} messages, every key delivered exactly once:");
Say($"    floor (transport only)      {F(floor)} s  {F(messages / floor, "F0")} msg/s");
Say($"    dispatcher (end to end)     {F(dispatcher)} s  {F(messages / dispatcher, "F0")} msg/s");
Say($"    overhead per message        {F((dispatcher - floor) / messages * 1000, "F3")} ms  (dispatcher / floor = {F(dispatcher / floor)})");
// On a shared machine the load drifts between runs: a floor and the dispatcher run right after it are the fairer pair.
var paired = floors.Zip(outbox, (f, o) => (Overhead: (o.Elapsed - f.Elapsed).TotalSeconds / messages * 1000, Ratio: o.Elapsed / f.Elapsed)).ToList();
Say($"    paired, median of the runs  {F(Median(paired.Select(p => p.Overhead)), "F3")} ms  (dispatcher / floor = {F(Median(paired.Select(p => p.Ratio)))})");

// (b) Exchange-like limits, time scaled down: the stub enforces `limit` per `window` per mailbox and 4 requests in flight.
if (perMailbox > 0)
{
    var limited = await Runs.DispatchAsync(db.Database, perMailbox * mailboxes, mailboxes, followUps, GraphStubOptions.ExchangeLike(limit, window),
        stub => Runs.Graph(stub, limit, window));
    var allowed = limit / window.TotalSeconds;
    // After each mailbox's first window (a burst of `limit`), the rate is what the limit allows at best.
    var rates = limited.Deliveries.GroupBy(d => d.Mailbox).Select(g =>
    {
        var times = g.Select(d => d.At).Order().ToList();
        return (times.Count - limit) / (times[^1] - times[limit - 1]).TotalSeconds / allowed;
    }).ToList();
    Say($"(b) {mailboxes} mailboxes at {limit} per {window.TotalSeconds} s ({F(allowed)}/s each), {limited.Messages:N0} messages in {F(limited.Elapsed.TotalSeconds)} s:");
    Say($"    achieved / allowed rate     min {F(rates.Min(), "F3")}  mean {F(rates.Average(), "F3")}  (target >= 0.95)");
    Say($"    stub 429s                   {limited.Counters.Throttled} (rate {limited.Counters.RateRejected}, concurrency {limited.Counters.ConcurrencyRejected}; target 0)");
    Say($"    targets                     {(rates.Min() >= 0.95 && limited.Counters.Throttled == 0 ? "met" : "NOT met")}");
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}
