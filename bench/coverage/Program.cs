// Coverage benchmark (bench/README.md): generates a national coalition into an empty database, starts the API on it,
// and times each coverage query and the gaps list through HTTP beside the same query run in-process (the floor).
//
//   dotnet run -c Release --project bench/coverage -- --provider sqlite --connection "Data Source=/tmp/b.db" \
//       --api src/CampaignDesk.Api/bin/Release/net10.0/CampaignDesk.Api.dll
using System.Globalization;
using CampaignDesk.Bench.Coverage;
using CampaignDesk.Core;
using CampaignDesk.Core.Campaigns;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Users;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var options = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(x => x.a[2..], x => x.i + 1 < args.Length ? args[x.i + 1] : "");
string Option(string name, string fallback) => options.GetValueOrDefault(name, fallback);
int Number(string name, int fallback) => int.Parse(Option(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

var provider = Option("provider", "sqlite");
var connectionString = Option("connection", "");
// PostgreSQL: a fresh database on the given server, dropped at the end.
await using var scratch = provider == "postgres" ? await PostgresScratch.CreateAsync(connectionString) : null;
connectionString = scratch?.ConnectionString ?? connectionString;
var api = Option("api", "");
var requests = Number("requests", 200);

var builder = Host.CreateApplicationBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Database:Provider"] = provider,
    ["Database:ConnectionString"] = connectionString,
    ["Database:CommandTimeoutSeconds"] = "1800",
    ["Seed:Enabled"] = "false",
});
builder.Services.AddCampaignDeskCore();
using var host = builder.Build();
var services = host.Services;
await services.GetRequiredService<DatabaseStartup>().RunAsync(default);
var database = services.GetRequiredService<Database>();

var clock = System.Diagnostics.Stopwatch.StartNew();
var generated = await Generator.RunAsync(database, services.GetRequiredService<CampaignService>(), Number("officials", 50_000), Number("organisations", 300),
    Number("interactions", 1_000_000), Number("positions", 100_000), default);
Console.Error.WriteLine($"generated {generated.Interactions:N0} interactions and {generated.Positions:N0} positions in {clock.Elapsed.TotalSeconds:F1} s");

var users = services.GetRequiredService<UserService>();
var coordinator = (await users.CreateAsync(Caller.System("bench"), new UserFields($"coordination-{Guid.NewGuid():N}@bench.example", "Coordinatrice",
    UserRoles.Coordinator, [generated.CoordinatorOrganisation]), default)).Value!;
var coordinatorToken = (await users.IssueTokenAsync(Caller.System("bench"), coordinator.Id, "bench", 1, default)).Value!.Token;
var coordinatorCaller = new Caller(coordinator.Id, coordinator.DisplayName, UserRoles.Coordinator, new HashSet<long> { generated.CoordinatorOrganisation });

var adminToken = "bench-" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
await using var server = await ApiProcess.StartAsync(api, provider, connectionString, adminToken);
var coverage = services.GetRequiredService<CoverageService>();
var cases = new List<Case>();
foreach (var (campaign, name) in new[] { (generated.Narrow, "default targeting"), (generated.Wide, "national") })
{
    foreach (var by in CoverageService.Dimensions)
    {
        cases.Add(new Case($"coverage by {by} ({name})", adminToken, $"/api/campaigns/{campaign}/coverage?by={by}",
            () => coverage.CoverageAsync(campaign, by, default)));
    }

    cases.Add(new Case($"gaps, admin ({name})", adminToken, $"/api/campaigns/{campaign}/gaps",
        () => coverage.GapsAsync(Caller.System("bench"), campaign, CampaignDesk.Core.Common.PageRequest.First, default)));
    cases.Add(new Case($"gaps, coordinator ({name})", coordinatorToken, $"/api/campaigns/{campaign}/gaps",
        () => coverage.GapsAsync(coordinatorCaller, campaign, CampaignDesk.Core.Common.PageRequest.First, default)));
}

var results = new List<Result>();
foreach (var item in cases)
{
    results.Add(await Measure.RunAsync(server.Client, item, requests));
}

Report.Print(provider, generated, requests, results);
