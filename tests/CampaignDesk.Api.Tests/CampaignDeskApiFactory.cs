using System.Net.Http.Headers;
using CampaignDesk.Core.Data;
using CampaignDesk.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CampaignDesk.Api.Tests;

/// <summary>
/// The whole API on its own SQLite file (seeded like the embedded default), the in-process worker off unless
/// asked for. Tests talk to it over HTTP with intent-named helpers.
/// </summary>
public sealed class CampaignDeskApiFactory : WebApplicationFactory<Program>
{
    public const string AdminToken = "cd_test-admin-token-for-the-api-tests";

    private readonly TestDatabase _database;
    private readonly Dictionary<string, string?> _settings;
    private readonly TimeProvider? _clock;

    private CampaignDeskApiFactory(TestDatabase database, Dictionary<string, string?> settings, TimeProvider? clock)
    {
        _database = database;
        _settings = settings;
        _clock = clock;
    }

    public TestDatabase Database => _database;

    /// <summary>Where the mail transport writes its <c>.eml</c> files: a folder of this host's own.</summary>
    public string MailFolder { get; } = Path.Combine(Path.GetTempPath(), "campaigndesk-mail-" + Guid.NewGuid().ToString("N"));

    /// <summary>Every log message the host wrote, formatted with its exception, for tests that check what is (never) logged.</summary>
    public CapturedLogs Logs { get; } = new();

    public static Task<CampaignDeskApiFactory> CreateAsync(params (string Key, string? Value)[] settings) =>
        CreateAsync(DatabaseProvider.Sqlite, null, settings);

    /// <summary>The API on a fresh database of <paramref name="provider"/> (ignored, with the reason, where that engine is not configured).</summary>
    public static Task<CampaignDeskApiFactory> CreateAsync(DatabaseProvider provider, params (string Key, string? Value)[] settings) =>
        CreateAsync(provider, null, settings);

    /// <summary>A host whose services read time from <paramref name="clock"/> (a FakeTimeProvider the test advances).</summary>
    public static Task<CampaignDeskApiFactory> CreateAsync(TimeProvider? clock, params (string Key, string? Value)[] settings) =>
        CreateAsync(DatabaseProvider.Sqlite, clock, settings);

    public static async Task<CampaignDeskApiFactory> CreateAsync(DatabaseProvider provider, TimeProvider? clock,
        params (string Key, string? Value)[] settings)
    {
        TestDatabase.RequireConfigured(provider);
        var database = await TestDatabase.CreateAsync(provider);
        var all = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["Database:ConnectionString"] = database.ConnectionString,
            ["Auth:BootstrapAdminToken"] = AdminToken,
            ["Worker:InProcess"] = "false",
            // The officials snapshot takes seconds to seed: only the tests about officials ask for it.
            ["Seed:Officials"] = "false",
            ["Seed:Parliament"] = "false",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        var factory = new CampaignDeskApiFactory(database, all, clock);
        all.TryAdd("Mail:EmlFolder", factory.MailFolder);
        return factory;
    }

    public HttpClient CreateAdminClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_clock is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(_clock));
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
        if (Directory.Exists(MailFolder))
        {
            Directory.Delete(MailFolder, recursive: true);
        }
    }
}
