using CampaignDesk.Core.Import.Parliament;
using CampaignDesk.TestSupport;

namespace CampaignDesk.Core.Tests.Import.Parliament;

/// <summary>Opens test fixtures, and the real open-data files kept beside the repository in ../shared/data.</summary>
internal static class ParliamentFiles
{
    public static Stream Fixture(string name) =>
        File.OpenRead(Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "parliament", name));

    /// <summary>The path of a real file under ../shared/data, or an ignored test when it is not there.</summary>
    public static string Shared(string relativePath)
    {
        var path = DataFiles.Find(relativePath);
        if (path is null)
        {
            Assert.Ignore($"Real data file {relativePath} is absent: the project does not ship it and ../shared/data is not beside the repository.");
        }

        return path!;
    }

    public static List<(ParliamentMember? Member, ParliamentProblem? Problem)> ReadAll(Stream stream)
    {
        using (stream)
        {
            return ParliamentReader.Read(stream).ToList();
        }
    }

    public static List<(ParliamentMember? Member, ParliamentProblem? Problem)> ReadShared(string relativePath) =>
        ReadAll(File.OpenRead(Shared(relativePath)));

    public static List<ParliamentMember> Members(this IEnumerable<(ParliamentMember? Member, ParliamentProblem? Problem)> rows) =>
        rows.Where(row => row.Member is not null).Select(row => row.Member!).ToList();

    public static List<ParliamentProblem> Problems(this IEnumerable<(ParliamentMember? Member, ParliamentProblem? Problem)> rows) =>
        rows.Where(row => row.Problem is not null).Select(row => row.Problem!).ToList();
}
