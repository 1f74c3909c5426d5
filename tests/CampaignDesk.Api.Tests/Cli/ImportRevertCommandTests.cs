using System.Text.RegularExpressions;
using CampaignDesk.Api.Tests.Import;
using CampaignDesk.TestSupport;

namespace CampaignDesk.Api.Tests.Cli;

/// <summary><c>import --revert ID</c>, run as a real process against a database of its own.</summary>
public partial class ImportRevertCommandTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Test]
    public async Task ImportThenRevertTwice_RevertsThenSaysSo_AndAnUnknownRunIsAnError()
    {
        var root = Directory.CreateTempSubdirectory("campaigndesk-revert-");
        try
        {
            var file = Path.Combine(root.FullName, "elus-deputes-dep-2026-02-01.csv");
            await File.WriteAllTextAsync(file, ImportsApiTests.Deputes);

            var import = await RunAsync(root, "import", file);
            var runId = RunId().Match(import.Output).Groups["id"].Value;
            var revert = await RunAsync(root, "import", "--revert", runId);
            var again = await RunAsync(root, "import", "--revert", runId);
            var unknown = await RunAsync(root, "import", "--revert", "424242");

            Assert.Multiple(() =>
            {
                Assert.That((import.ExitCode, runId.Length > 0), Is.EqualTo((0, true)), import.Output);
                Assert.That(revert.ExitCode, Is.Zero, revert.Output);
                Assert.That(revert.Output, Does.Contain($"Import n° {runId} annulé : 1 élu(s) et 1 mandat(s)"));
                Assert.That((again.ExitCode, again.Output.Contains("déjà été annulé", StringComparison.Ordinal)), Is.EqualTo((0, true)), again.Output);
                Assert.That((unknown.ExitCode, unknown.Output.Contains("Aucun import n'a l'identifiant 424242", StringComparison.Ordinal)), Is.EqualTo((1, true)),
                    unknown.Output);
            });
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(DirectoryInfo root, params string[] arguments)
    {
        await using var process = ChildProcess.Start(BuiltPrograms.Api, arguments,
            new Dictionary<string, string> { ["Seed__Officials"] = "false", ["Seed__Campaign"] = "false" }, workingDirectory: root.FullName);
        var exitCode = await process.WaitForExitAsync(Patience);
        return (exitCode, process.Output);
    }

    [GeneratedRegex(@"run (?<id>\d+) succeeded")]
    private static partial Regex RunId();
}
