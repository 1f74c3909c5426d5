using CampaignDesk.Core.Data;
using CampaignDesk.Core.Users;
using CampaignDesk.TestSupport;

namespace CampaignDesk.Api.Tests.Cli;

/// <summary><c>dotnet run --project src/CampaignDesk.Api -- create-admin EMAIL</c>, run as the real program.</summary>
public class CreateAdminTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Test]
    public async Task CreateAdmin_PrintsAWorkingAdminToken_AndASecondRunIssuesAnotherForTheSameUser()
    {
        var root = Directory.CreateTempSubdirectory("campaigndesk-admin-");
        var environment = new Dictionary<string, string> { ["Seed__Officials"] = "false" };

        var first = await RunAsync(root, environment, "create-admin", "Coordination@Example.org");
        var second = await RunAsync(root, environment, "create-admin", "coordination@example.org");
        var database = new Database(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(root.FullName, "data", "campaigndesk.db")}");
        var tokens = new AccessTokens(database, TimeProvider.System);
        var firstCheck = await tokens.CheckAsync(first.Token, AccessTokens.Api, default);
        var secondCheck = await tokens.CheckAsync(second.Token, AccessTokens.Api, default);

        Assert.Multiple(() =>
        {
            Assert.That(first.ExitCode, Is.Zero, first.Output);
            Assert.That(first.Token, Does.StartWith("cdp_"));
            Assert.That(firstCheck.Caller?.Role, Is.EqualTo(UserRoles.Admin));
            Assert.That(secondCheck.Caller?.UserId, Is.EqualTo(firstCheck.Caller?.UserId), "the e-mail matches case-insensitively");
            Assert.That(second.Token, Is.Not.EqualTo(first.Token));
        });
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        root.Delete(recursive: true);
    }

    [Test]
    public async Task CreateAdmin_WithABadEmail_ExitsWithTheReason()
    {
        var root = Directory.CreateTempSubdirectory("campaigndesk-admin-");

        var run = await RunAsync(root, new Dictionary<string, string> { ["Seed__Officials"] = "false" }, "create-admin", "not an email");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Output, Does.Contain("e-mail"));
        root.Delete(recursive: true);
    }

    private static async Task<(int ExitCode, string Output, string Token)> RunAsync(DirectoryInfo root, Dictionary<string, string> environment,
        params string[] arguments)
    {
        await using var process = ChildProcess.Start(BuiltPrograms.Api, arguments, environment, workingDirectory: root.FullName);
        var exitCode = await process.WaitForExitAsync(Patience);
        var token = process.Output.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith("cdp_", StringComparison.Ordinal)) ?? "";
        return (exitCode, process.Output, token);
    }
}
