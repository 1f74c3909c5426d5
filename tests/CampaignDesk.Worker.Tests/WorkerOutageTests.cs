using System.Diagnostics;
using CampaignDesk.Core.Data;
using CampaignDesk.TestSupport;
using Dapper;

namespace CampaignDesk.Worker.Tests;

/// <summary>The worker process while its PostgreSQL is stopped and started again (a private cluster). ~15 s.</summary>
public class WorkerOutageTests
{
    [Test]
    public async Task Worker_PostgresStoppedAndRestarted_WarnsAtEachIntervalWithoutCrashingAndResumes()
    {
        await using var server = await ThrowawayPostgres.StartAsync();
        var database = new Database(DatabaseProvider.Postgres, server.ConnectionString + ";Pooling=false");
        await using var worker = ChildProcess.Start(BuiltPrograms.Worker, [], new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["Database__ConnectionString"] = server.ConnectionString,
            ["Worker__HeartbeatInterval"] = "00:00:01",
            ["Worker__MigrateOnStart"] = "true", // a fresh server
            ["FollowUps__Dispatch__Interval"] = "00:00:01",
        });
        // The first beat comes after the worker migrated and seeded the directory: on a loaded machine that alone took over 30 s.
        await WaitForAsync(async () => await LastBeatAsync(database) is not null, "a first heartbeat", worker, TimeSpan.FromSeconds(120));

        await server.StopAsync();
        var outage = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(4));
        // One log entry a line (a JSON line carries the text twice: the message and its template).
        var warnings = worker.Output.Split('\n').Count(line => line.Contains("could not use the database", StringComparison.Ordinal));
        var outageSeconds = outage.Elapsed.TotalSeconds;
        await server.StartAgainAsync();
        var restarted = DateTime.UtcNow;
        await WaitForAsync(async () => await LastBeatAsync(database) > restarted, "a heartbeat after the restart", worker, TimeSpan.FromSeconds(30));
        worker.Terminate();
        var exitCode = await worker.WaitForExitAsync(TimeSpan.FromSeconds(30));

        TestContext.Out.WriteLine($"{warnings} warnings in {outageSeconds:0.0} s of outage");
        Assert.Multiple(() =>
        {
            Assert.That(warnings, Is.InRange(2, 4 * outageSeconds), "a warning per job run, one run per interval: no spinning");
            Assert.That(worker.Output, Does.Contain("Job worker-heartbeat could not use the database (Connection refused)"));
            Assert.That(worker.Output, Does.Not.Contain("fail:").And.Not.Contain("crit:"), "an outage is not a crash");
            Assert.That(exitCode, Is.Zero, worker.Output);
        });
    }

    private static async Task<DateTime?> LastBeatAsync(Database database)
    {
        try
        {
            await using var connection = await database.OpenAsync(default);
            return await connection.QuerySingleOrDefaultAsync<DateTime?>("SELECT MAX(last_seen_utc) FROM worker_heartbeats");
        }
        catch (Npgsql.NpgsqlException)
        {
            return null; // the schema is not there yet
        }
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, string what, ChildProcess worker, TimeSpan within)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            if (deadline.Elapsed > within || worker.HasExited)
            {
                Assert.Fail($"{what}: not within {within.TotalSeconds:0} s.\n{worker.Output}");
            }

            await Task.Delay(100);
        }
    }
}
