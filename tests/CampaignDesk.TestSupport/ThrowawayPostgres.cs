using System.Diagnostics;
using NUnit.Framework;

namespace CampaignDesk.TestSupport;

/// <summary>
/// A private PostgreSQL 15 cluster in a temporary folder, for tests that stop and start the server (outages): never the
/// shared one of CAMPAIGNDESK_TEST_POSTGRES. Made as <c>.ci/run</c> makes its own (initdb, pg_ctl as user postgres when
/// run as root); the test is ignored, with the reason, when the binaries are not installed. ~3 s to create.
/// </summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    private const string Bin = "/usr/lib/postgresql/15/bin";

    private readonly string _folder;

    private ThrowawayPostgres(string folder, int port) => (_folder, Port) = (folder, port);

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Timeout=5";

    private string Data => Path.Combine(_folder, "data");

    public static async Task<ThrowawayPostgres> StartAsync()
    {
        if (!File.Exists(Path.Combine(Bin, "initdb")))
        {
            Assert.Ignore($"PostgreSQL 15 is not installed ({Bin}/initdb is missing): the outage tests need a server they may stop.");
        }

        var folder = Directory.CreateTempSubdirectory("campaigndesk-pg-").FullName;
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", ["postgres", folder]);
        }

        var server = new ThrowawayPostgres(folder, BuiltPrograms.FreePort());
        await PgAsync($"{Bin}/initdb -D {server.Data} -U postgres -A trust --no-sync");
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>A fast shutdown, as an operator or a failover does: sessions are ended, clients see their connections drop.</summary>
    public Task StopAsync() => PgAsync($"{Bin}/pg_ctl -D {Data} stop -m fast -w");

    public Task StartAgainAsync() =>
        PgAsync($"{Bin}/pg_ctl -D {Data} -o '-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off' -l {_folder}/log -w start");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await PgAsync($"{Bin}/pg_ctl -D {Data} stop -m immediate -w");
        }
        catch (InvalidOperationException)
        {
            // already stopped
        }

        Directory.Delete(_folder, recursive: true);
    }

    private static Task PgAsync(string command) => Environment.UserName == "root" ? RunAsync("su", ["postgres", "-c", command]) : RunAsync("sh", ["-c", command]);

    private static async Task RunAsync(string file, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', info.ArgumentList)} exited with {process.ExitCode}: {await output}{await error}");
        }
    }
}
