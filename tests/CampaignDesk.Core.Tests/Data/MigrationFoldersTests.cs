using CampaignDesk.Core.Data;

namespace CampaignDesk.Core.Tests.Data;

public class MigrationFoldersTests
{
    [Test]
    public void EveryEngine_ListsTheSameVersionsAndNames()
    {
        var byEngine = TestDatabaseFolders.All.ToDictionary(folder => folder, folder =>
            Migration.LoadEmbedded(folder).Select(m => $"{m.Version:D4}_{m.Name}").ToList());

        Assert.Multiple(() =>
        {
            Assert.That(byEngine["sqlite"], Is.Not.Empty);
            Assert.That(byEngine["postgres"], Is.EqualTo(byEngine["sqlite"]), "sql/postgres differs from sql/sqlite");
            Assert.That(byEngine["sqlserver"], Is.EqualTo(byEngine["sqlite"]), "sql/sqlserver differs from sql/sqlite");
        });
    }

    [Test]
    public void EmbeddedScripts_MatchTheFilesInTheRepository()
    {
        var root = RepositoryRoot();
        foreach (var folder in TestDatabaseFolders.All)
        {
            var files = Directory.GetFiles(Path.Combine(root, "sql", folder), "*.sql").Select(Path.GetFileName).Order().ToList();
            var embedded = Migration.LoadEmbedded(folder).Select(m => $"{m.Version:D4}_{m.Name}.sql").ToList();
            Assert.That(embedded, Is.EqualTo(files), $"sql/{folder}");
        }
    }

    [Test]
    public void Versions_AreContiguousFromOne()
    {
        var versions = Migration.LoadEmbedded("sqlite").Select(m => m.Version).ToList();

        Assert.That(versions, Is.EqualTo(Enumerable.Range(1, versions.Count)));
    }

    [TestCase("0001_organisations.sql", 1, "organisations")]
    [TestCase("0042_add_index.sql", 42, "add_index")]
    public void Parse_WellFormedName_ReadsVersionAndName(string file, int version, string name)
    {
        var migration = Migration.Parse(file, "SELECT 1");

        Assert.That((migration.Version, migration.Name), Is.EqualTo((version, name)));
    }

    [TestCase("1_organisations.sql")]
    [TestCase("0001-organisations.sql")]
    [TestCase("0001_Organisations.sql")]
    public void Parse_MalformedName_Throws(string file) =>
        Assert.That(() => Migration.Parse(file, ""), Throws.InvalidOperationException.With.Message.Contains("NNNN_description.sql"));

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CampaignDesk.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("CampaignDesk.sln not found above the test folder.");
    }

    private static class TestDatabaseFolders
    {
        public static readonly string[] All = ["sqlite", "postgres", "sqlserver"];
    }
}
