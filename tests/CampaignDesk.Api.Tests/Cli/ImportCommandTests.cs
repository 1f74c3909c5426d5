using System.IO.Compression;
using CampaignDesk.TestSupport;

namespace CampaignDesk.Api.Tests.Cli;

/// <summary>The import command of the built API, run as a process: a folder of the Assemblée's acteur files is one run.</summary>
public class ImportCommandTests
{
    [Test]
    public async Task Import_AFolderOfActeurFiles_IsOneRunOfThem_ReportedLikeTheZip()
    {
        var root = Directory.CreateTempSubdirectory("campaigndesk-import-");
        var folder = Directory.CreateDirectory(Path.Combine(root.FullName, "acteurs-2025-11-18"));
        using (var zip = ZipFile.OpenRead(DataFiles.ShippedFile("contacts/assemblee-acteurs-l17-2025-11-18.zip")))
        {
            foreach (var uid in new[] { "PA1008", "PA794008" })
            {
                zip.GetEntry($"json/acteur/{uid}.json")!.ExtractToFile(Path.Combine(folder.FullName, $"{uid}.json"));
            }
        }

        await using var process = ChildProcess.Start(BuiltPrograms.Api, ["import", "--dry-run", folder.FullName], new Dictionary<string, string>
        {
            ["Seed__Officials"] = "false",
            ["Seed__Campaign"] = "false",
        }, workingDirectory: root.FullName);
        var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(120));

        Assert.That(exitCode, Is.Zero, process.Output);
        Assert.That(process.Output, Does.Contain("acteurs-2025-11-18.zip: AssembleeActeurs").And.Contain("release 2025-11-18")
            .And.Contain("run 1 dry_run").And.Contain("rows read 2, unreadable 0, duplicates 0, unmatched 2"));
        root.Delete(recursive: true);
    }
}
