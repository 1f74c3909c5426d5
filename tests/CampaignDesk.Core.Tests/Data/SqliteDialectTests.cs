using CampaignDesk.Core.Data;
using CampaignDesk.TestSupport;
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
        var path = ReadOnlyFolder.DatabasePath();

        var error = Assert.ThrowsAsync<DatabaseUnavailableException>(() => new SqliteDialect().PrepareAsync($"Data Source={path}", default));

        Assert.That(error!.Message, Does.Contain(path).And.Contain("writable").And.Contain("Database:ConnectionString"));
    }

}
