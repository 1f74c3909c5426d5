using CampaignDesk.Core.Data;
using CampaignDesk.TestSupport;
using Dapper;

namespace CampaignDesk.Worker.Tests;

/// <summary>The worker run alone, as a real process, against a database the API would share.</summary>
public class WorkerProcessTests
{
    [Test]
    public async Task Worker_RunsItsJobsAgainstTheDatabaseAndStopsCleanlyOnSigterm()
    {
        await using var db = await (await TestDatabase.CreateAsync(DatabaseProvider.Sqlite)).MigratedAsync();
        var environment = new Dictionary<string, string>(db.Environment) { ["Worker__HeartbeatInterval"] = "00:00:01" };
        await using var worker = ChildProcess.Start(BuiltPrograms.Worker, [], environment);

        var beats = await WaitForHeartbeatsAsync(db, worker);
        worker.Terminate();
        var exitCode = await worker.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.That(beats, Is.EqualTo(1), worker.Output);
        Assert.That(exitCode, Is.Zero, worker.Output);
    }

    [Test]
    public async Task Worker_OnADatabaseNotMigrated_SaysWhatToRunAndExits_LeavingItUntouched()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var worker = ChildProcess.Start(BuiltPrograms.Worker, [], db.Environment);

        var exitCode = await worker.WaitForExitAsync(TimeSpan.FromSeconds(30));
        var schema = await new MigrationRunner(db.Database).GetStatusAsync();

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(1), worker.Output);
            Assert.That(worker.Output, Does.Contain("-- migrate").And.Contain("Worker:MigrateOnStart"));
            Assert.That(schema.CurrentVersion, Is.Zero, "the worker migrated");
        });
    }

    [Test]
    public async Task Worker_MigrateOnStart_MigratesAFreshDatabase()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var environment = new Dictionary<string, string>(db.Environment) { ["Worker__HeartbeatInterval"] = "00:00:01", ["Worker__MigrateOnStart"] = "true" };
        await using var worker = ChildProcess.Start(BuiltPrograms.Worker, [], environment);

        await WaitForHeartbeatsAsync(db, worker);
        worker.Terminate();
        await worker.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.That((await new MigrationRunner(db.Database).GetStatusAsync()).IsCurrent, Is.True, worker.Output);
    }

    [Test]
    public async Task Worker_UnknownProvider_ExitsWithAClearMessage()
    {
        await using var worker = ChildProcess.Start(BuiltPrograms.Worker, [], new Dictionary<string, string> { ["Database__Provider"] = "MySql" });

        var exitCode = await worker.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.That(exitCode, Is.EqualTo(1), worker.Output);
        Assert.That(worker.Output, Does.Contain("Database:Provider 'MySql' is not supported"));
    }

    private static async Task<int> WaitForHeartbeatsAsync(TestDatabase db, ChildProcess worker)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !worker.HasExited)
        {
            try
            {
                await using var connection = await db.Database.OpenAsync(default);
                var rows = await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM worker_heartbeats");
                if (rows > 0)
                {
                    return rows;
                }
            }
            catch (Microsoft.Data.Sqlite.SqliteException)
            {
                // the worker has not created the schema yet
            }

            await Task.Delay(200);
        }

        return 0;
    }
}
