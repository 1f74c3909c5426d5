using CampaignDesk.Core.Import.Rne;
using CampaignDesk.TestSupport;

namespace CampaignDesk.Core.Tests.Import.Rne;

/// <summary>Finds the fixtures and the shared real files, and reads a file to the end.</summary>
internal static class RneTestFiles
{
    // A fixed "today" keeps the two-digit-year pivot (yy > 27 → 19yy) stable whatever the machine's clock.
    public static readonly ManualTimeProvider Clock = new(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));

    public static string Fixture(string name) =>
        Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "rne", name);

    /// <summary>
    /// A real RNE file under shared/data/rne beside the repository (../shared from the folder holding
    /// CampaignDesk.sln, as in CI); CAMPAIGNDESK_SHARED_DATA points elsewhere. Ignored, visibly, when absent.
    /// </summary>
    public static string SharedRne(string relativePath)
    {
        var path = DataFiles.Find("rne/" + relativePath);
        if (path is null)
        {
            Assert.Ignore($"RNE file {relativePath} not found: the project ships the current releases; others need ../shared beside the clone or CAMPAIGNDESK_SHARED_DATA.");
        }

        return path!;
    }

    public static RneFile Open(string path) => RneFile.Open(File.OpenRead(path), Clock);

    public static RneFile Open(byte[] content) => RneFile.Open(new MemoryStream(content), Clock);

    public static (List<RneRecord> Records, List<RneProblem> Problems) ReadAll(RneFile file)
    {
        var records = new List<RneRecord>();
        var problems = new List<RneProblem>();
        foreach (var (record, problem) in file.Read())
        {
            if (record is not null)
            {
                records.Add(record);
            }

            if (problem is not null)
            {
                problems.Add(problem);
            }
        }

        return (records, problems);
    }

    public static (RneFileType Type, List<RneRecord> Records, List<RneProblem> Problems) ReadAll(string path)
    {
        using var file = Open(path);
        var (records, problems) = ReadAll(file);
        return (file.Type, records, problems);
    }
}
