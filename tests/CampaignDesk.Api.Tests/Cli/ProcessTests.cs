using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CampaignDesk.Core.Data;
using CampaignDesk.TestSupport;
using Dapper;

namespace CampaignDesk.Api.Tests.Cli;

/// <summary>The built API run as a real process, as a user or a service manager runs it.</summary>
public class ProcessTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Test]
    public async Task EmbeddedDefault_FreshFolder_ServesSeededOrganisationsAndStopsCleanlyOnSigterm()
    {
        var root = Directory.CreateTempSubdirectory("campaigndesk-run-");
        var port = BuiltPrograms.FreePort();
        await using var api = ChildProcess.Start(BuiltPrograms.Api, ["--urls", $"http://127.0.0.1:{port}"],
            new Dictionary<string, string> { ["Worker__HeartbeatInterval"] = "00:00:01" }, workingDirectory: root.FullName);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        var ready = await WaitForReadyAsync(http, api);
        var tokenFile = Path.Combine(root.FullName, "data", "admin-token");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await File.ReadAllTextAsync(tokenFile));
        var page = JsonDocument.Parse(await http.GetStringAsync("/api/organisations?q=Case")).RootElement;
        // The database, its WAL and shared-memory files (SQLite creates them), the token file: the owner's alone.
        var data = Path.Combine(root.FullName, "data");
        var readableByOthers = new[] { "campaigndesk.db", "campaigndesk.db-wal", "campaigndesk.db-shm", "admin-token" }
            .Select(name => Path.Combine(data, name)).Where(File.Exists)
            .Where(path => !OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & ~(UnixFileMode.UserRead | UnixFileMode.UserWrite)) != 0)
            .Select(Path.GetFileName).ToList();
        var walPresent = File.Exists(Path.Combine(data, "campaigndesk.db-wal"));
        api.Terminate();
        var exitCode = await api.WaitForExitAsync(Patience);

        Assert.Multiple(() =>
        {
            Assert.That(ready, Is.EqualTo(HttpStatusCode.OK), api.Output);
            Assert.That(File.Exists(Path.Combine(root.FullName, "data", "campaigndesk.db")), Is.True);
            Assert.That(page.GetProperty("items")[0].GetProperty("name").GetString(), Is.EqualTo("Case de Santé"));
            Assert.That(exitCode, Is.Zero, api.Output);
            Assert.That(walPresent, Is.True, "the WAL is open while the API runs");
            Assert.That(readableByOthers, Is.Empty, "owner-only files");
            Assert.That(api.Output, Does.Not.Contain(File.ReadAllText(tokenFile)), "the token is never logged");
        });
        root.Delete(recursive: true);
    }

    [Test]
    public async Task HostOptionsBeforeTheVerb_RunTheVerb_NotAServer()
    {
        var root = Directory.CreateTempSubdirectory("campaigndesk-root-");
        var elsewhere = Directory.CreateTempSubdirectory("campaigndesk-cwd-");
        await using var process = ChildProcess.Start(BuiltPrograms.Api, ["--contentRoot", root.FullName, "migrate"],
            new Dictionary<string, string>(), workingDirectory: elsewhere.FullName);

        var exitCode = await process.WaitForExitAsync(Patience);

        Assert.That(exitCode, Is.Zero, process.Output);
        Assert.That(File.Exists(Path.Combine(root.FullName, "data", "campaigndesk.db")), Is.True, "migrated under the content root given");
        Assert.That(elsewhere.GetFileSystemInfos(), Is.Empty, "nothing written where it was started");
        root.Delete(recursive: true);
        elsewhere.Delete(recursive: true);
    }

    [TestCase("frobnicate")]
    [TestCase("--urls", "http://127.0.0.1:0", "improt", "file.csv")]
    public async Task AnUnknownVerb_IsAnError_NeverAServerStartedByMistake(params string[] arguments)
    {
        var root = Directory.CreateTempSubdirectory("campaigndesk-verb-");
        await using var process = ChildProcess.Start(BuiltPrograms.Api, arguments, new Dictionary<string, string>(), workingDirectory: root.FullName);

        var exitCode = await process.WaitForExitAsync(Patience);

        Assert.That(exitCode, Is.EqualTo(2), process.Output);
        Assert.That(process.Output, Does.Contain("Unknown command '").And.Contain("Commands: migrate, import, import-parliament, create-admin, backup, restore"));
        Assert.That(root.GetFileSystemInfos(), Is.Empty, "nothing written");
        root.Delete(recursive: true);
    }

    [TestCase("migrate")]
    [TestCase("--urls", "http://127.0.0.1:0")]
    public async Task UnknownProvider_ExitsWithAClearMessage(params string[] arguments)
    {
        var root = Directory.CreateTempSubdirectory("campaigndesk-oracle-");
        await using var process = ChildProcess.Start(BuiltPrograms.Api, arguments,
            new Dictionary<string, string> { ["Database__Provider"] = "Oracle" }, workingDirectory: root.FullName);

        var exitCode = await process.WaitForExitAsync(Patience);

        Assert.That(exitCode, Is.EqualTo(1), process.Output);
        Assert.That(process.Output, Does.Contain("Database:Provider 'Oracle' is not supported. Use one of: Sqlite, Postgres, SqlServer."));
        Assert.That(process.Output, Does.Not.Contain("   at "), "a message, not a stack trace");
        Assert.That(root.GetFileSystemInfos(), Is.Empty, "nothing written");
        root.Delete(recursive: true);
    }

    [Test]
    public async Task UnreachablePostgres_ExitsWithAClearMessageWithoutThePassword()
    {
        var root = Directory.CreateTempSubdirectory("campaigndesk-nopg-");
        await using var process = ChildProcess.Start(BuiltPrograms.Api, ["--urls", "http://127.0.0.1:0"], new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["Database__ConnectionString"] = $"Host=127.0.0.1;Port={BuiltPrograms.FreePort()};Username=cd;Password=s3cret-pw;Timeout=3",
        }, workingDirectory: root.FullName);

        var exitCode = await process.WaitForExitAsync(Patience);

        Assert.That(exitCode, Is.EqualTo(1), process.Output);
        Assert.That(process.Output, Does.Contain("Cannot connect to the Postgres database").And.Not.Contain("s3cret-pw").And.Not.Contain("   at "));
        root.Delete(recursive: true);
    }

    [Test]
    public async Task DatabaseInAReadOnlyFolder_ExitsWithAClearMessage()
    {
        var path = ReadOnlyFolder.DatabasePath();
        var root = Directory.CreateTempSubdirectory("campaigndesk-ro-root-");
        await using var process = ChildProcess.Start(BuiltPrograms.Api, ["--urls", "http://127.0.0.1:0"],
            new Dictionary<string, string> { ["Database__ConnectionString"] = $"Data Source={path}" }, workingDirectory: root.FullName);

        var exitCode = await process.WaitForExitAsync(Patience);

        Assert.That(exitCode, Is.EqualTo(1), process.Output);
        Assert.That(process.Output, Does.Contain($"The SQLite database '{path}' cannot be created or written").And.Contain("writable"));
        Assert.That(process.Output, Does.Not.Contain("   at "));
        root.Delete(recursive: true);
    }

    internal static async Task<HttpStatusCode> WaitForReadyAsync(HttpClient http, ChildProcess process)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                var response = await http.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return response.StatusCode;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(200);
        }

        return HttpStatusCode.ServiceUnavailable;
    }
}

/// <summary>Migrations started by two processes at the same moment, on each engine.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public class MigrateCommandTests(DatabaseProvider provider)
{
    [OneTimeSetUp]
    public void RequireEngine() => TestDatabase.RequireConfigured(provider);

    [Test]
    public async Task Migrate_TwoProcessesAtOnce_BothSucceedAndEachScriptIsAppliedOnce()
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var processes = Enumerable.Range(0, 2).Select(_ => ChildProcess.Start(BuiltPrograms.Api, ["migrate"], db.Environment)).ToList();
        var exitCodes = await Task.WhenAll(processes.Select(p => p.WaitForExitAsync(TimeSpan.FromSeconds(60))));
        var output = string.Join("\n---\n", processes.Select(p => p.Output));
        foreach (var process in processes)
        {
            await process.DisposeAsync();
        }

        await using var connection = await db.Database.OpenAsync(default);
        var journal = (await connection.QueryAsync<int>("SELECT version FROM schema_migrations ORDER BY version")).ToList();
        var expected = new MigrationRunner(db.Database).Migrations.Select(m => m.Version).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(exitCodes, Is.All.Zero, output);
            Assert.That(journal, Is.EqualTo(expected));
            Assert.That(output, Does.Contain($"Database at schema version {expected[^1]}"));
        });
    }
}

