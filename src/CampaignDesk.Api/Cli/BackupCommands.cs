using System.Diagnostics;
using System.Globalization;
using CampaignDesk.Core;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Hosting;

namespace CampaignDesk.Api.Cli;

/// <summary><c>backup FILE</c> while the API runs, <c>restore FILE</c> once it is stopped: SQLite only (README, « Backups »).</summary>
internal static class BackupCommands
{
    private const string OtherEngines =
        "backup and restore copy the SQLite database. On PostgreSQL use pg_dump -Fc / pg_restore, on SQL Server BACKUP DATABASE / RESTORE DATABASE (README, « Backups »).";

    public static Task<int> BackupAsync(string[] args) => RunAsync(args, "backup", (database, services, file) =>
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = SqliteBackup.Backup(database.ConnectionString, file);
        var latest = services.GetRequiredService<MigrationRunner>().LatestVersion;
        return outcome.IsOk
            ? Done($"Backed up to {Describe(outcome.Value!)} (this build: {latest}), in " +
                $"{Stopwatch.GetElapsedTime(started).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s.")
            : Failed("No backup written", outcome);
    });

    public static Task<int> RestoreAsync(string[] args) => RunAsync(args, "restore", (database, services, file) =>
    {
        var runner = services.GetRequiredService<MigrationRunner>();
        var outcome = SqliteBackup.Restore(file, database.ConnectionString, runner.LatestVersion, services.GetRequiredService<TimeProvider>());
        if (!outcome.IsOk)
        {
            return Failed("Nothing restored", outcome);
        }

        var (restored, previous) = outcome.Value!;
        var pending = restored.SchemaVersion < runner.LatestVersion ? $"; the next start migrates it to {runner.LatestVersion}" : "";
        return Done($"Restored {Path.GetFullPath(file)} to {Describe(restored)}{pending}. " +
            (previous is null ? "There was no database before." : $"The database it replaced is kept as {previous}."));
    });

    private static async Task<int> RunAsync(string[] args, string verb, Func<Database, IServiceProvider, string, Task<int>> run)
    {
        if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync($"Usage: dotnet run --project src/CampaignDesk.Api -- {verb} FILE");
            return 2;
        }

        var builder = Host.CreateApplicationBuilder(args[1..]);
        builder.Services.AddCampaignDeskCore();
        using var host = builder.Build();
        try
        {
            var database = host.Services.GetRequiredService<Database>();
            if (database.Provider != DatabaseProvider.Sqlite)
            {
                await Console.Error.WriteLineAsync(OtherEngines);
                return 2;
            }

            return await run(database, host.Services, args[0]);
        }
        catch (Exception ex) when (HostRunner.IsStartupProblem(ex) || ex is InvalidOperationException or Microsoft.Data.Sqlite.SqliteException or IOException)
        {
            await Console.Error.WriteLineAsync($"CampaignDesk cannot {verb}: {ex.Message}");
            return 1;
        }
    }

    private static string Describe(SqliteFileReport report) => string.Create(CultureInfo.InvariantCulture,
        $"{report.Path}: {report.Bytes / 1048576.0:0.0} MB, {report.Tables} tables, schema version {report.SchemaVersion}, integrity {report.Integrity}");

    private static Task<int> Done(string message)
    {
        Console.WriteLine(message);
        return Task.FromResult(0);
    }

    private static async Task<int> Failed<T>(string what, Outcome<T> outcome)
    {
        var reasons = outcome.Errors?.SelectMany(e => e.Value).Select(m => m.ToString()) ?? [outcome.Detail?.ToString() ?? outcome.Status.ToString()];
        await Console.Error.WriteLineAsync($"{what}: {string.Join(" ", reasons)}");
        return 1;
    }
}
