using System.Net;
using System.Net.Http.Json;
using CampaignDesk.TestSupport;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CampaignDesk.Api.Tests.Outages;

/// <summary>SIGTERM, as a service manager stops the API: the requests under way finish, then the process exits 0.</summary>
public class ShutdownTests
{
    [Test]
    public async Task Sigterm_WhileAWriteWaitsForTheDatabase_LetsItFinishAndExitsZero()
    {
        var folder = Directory.CreateTempSubdirectory("campaigndesk-stop-");
        var connectionString = $"Data Source={Path.Combine(folder.FullName, "campaigndesk.db")}";
        try
        {
            await using var api = await ApiProcess.StartAsync(new Dictionary<string, string>
            {
                ["Database__ConnectionString"] = connectionString,
                ["Database__CommandTimeoutSeconds"] = "30",
                ["Seed__Officials"] = "false",
                ["Seed__Campaign"] = "false",
            });
            Task<HttpResponseMessage> pending;
            bool exitedWhileInFlight;
            // Another program holds the write lock, so the request is still under way when the signal comes.
            await using (var holder = new SqliteConnection(connectionString + ";Pooling=False"))
            {
                await holder.OpenAsync();
                await holder.ExecuteAsync("BEGIN EXCLUSIVE");
                pending = api.Http.PostAsJsonAsync("/api/organisations",
                    new { type = "structure", kind = "msp", name = "MSP arrivée pendant l'arrêt", communeInsee = "38421" });
                await Task.Delay(TimeSpan.FromSeconds(1.5));
                Assert.That(pending.IsCompleted, Is.False, "the write waits for the lock");
                api.Process.Terminate();
                await Task.Delay(TimeSpan.FromSeconds(1));
                exitedWhileInFlight = api.Process.HasExited;
                await holder.ExecuteAsync("COMMIT");
            }

            using var response = await pending;
            var exitCode = await api.Process.WaitForExitAsync(TimeSpan.FromSeconds(30));
            await using var check = new SqliteConnection(connectionString + ";Pooling=False");
            var stored = await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM organisations WHERE name = 'MSP arrivée pendant l''arrêt'");

            Assert.Multiple(() =>
            {
                Assert.That(exitedWhileInFlight, Is.False, "the process waits for the request under way");
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), api.Process.Output);
                Assert.That(stored, Is.EqualTo(1), "what was acknowledged is stored");
                Assert.That(exitCode, Is.Zero, api.Process.Output);
            });
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }
}
