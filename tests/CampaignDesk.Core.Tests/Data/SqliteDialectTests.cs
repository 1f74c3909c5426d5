using CampaignDesk.Core.Data;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CampaignDesk.Core.Tests.Data;

public class SqliteDialectTests
{
    [Test]
    public async Task Prepare_NewFile_TurnsOnWal()
    {
        var folder = Directory.CreateTempSubdirectory("campaigndesk-wal-");
        var connectionString = $"Data Source={Path.Combine(folder.FullName, "sub", "x.db")}";

        await new SqliteDialect().PrepareAsync(connectionString, default);

        await using var connection = new SqliteConnection(connectionString);
        Assert.That(await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"), Is.EqualTo("wal"));
        SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }

    [Test]
    public void Prepare_FolderThatCannotBeWritten_FailsWithAClearMessage()
    {
        var path = UnwritablePath();

        var error = Assert.ThrowsAsync<DatabaseUnavailableException>(() => new SqliteDialect().PrepareAsync($"Data Source={path}", default));

        Assert.That(error!.Message, Does.Contain(path).And.Contain("writable").And.Contain("Database:ConnectionString"));
    }

    /// <summary>
    /// A read-only folder. Root ignores permission bits, so as root use a folder under /proc, which nobody can
    /// create files in.
    /// </summary>
    internal static string UnwritablePath()
    {
        if (Environment.UserName == "root" || !OperatingSystem.IsLinux())
        {
            return "/proc/campaigndesk-readonly/campaigndesk.db";
        }

        var folder = Directory.CreateTempSubdirectory("campaigndesk-ro-");
        File.SetUnixFileMode(folder.FullName, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        return Path.Combine(folder.FullName, "campaigndesk.db");
    }
}
