using System.Globalization;
using CampaignDesk.Core;
using CampaignDesk.Core.Audit;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Hosting;
using CampaignDesk.Core.Import;
using CampaignDesk.Core.Users;

namespace CampaignDesk.Api.Cli;

/// <summary>Command-line verbs: <c>dotnet run --project src/CampaignDesk.Api -- VERB [options]</c>.</summary>
internal static class Commands
{
    private static readonly Dictionary<string, Func<string[], Task<int>>> Verbs = new(StringComparer.Ordinal)
    {
        ["migrate"] = MigrateAsync,
        ["import"] = ImportAsync,
        ["import-parliament"] = ParliamentCommand.ImportAsync,
        ["create-admin"] = CreateAdminAsync,
        ["backup"] = BackupCommands.BackupAsync,
        ["restore"] = BackupCommands.RestoreAsync,
        ["openapi"] = OpenApiCommand.WriteAsync,
    };

    /// <summary>The command's own flags, which take no value.</summary>
    private static readonly HashSet<string> Flags = new(StringComparer.Ordinal) { "--dry-run", "--confirm-ends" };

    /// <summary>
    /// The verb and its arguments, wherever the host's options stand (<c>--contentRoot X import FILE</c> and
    /// <c>import FILE --contentRoot X</c> alike): the first word that is neither an option (<c>--name value</c>,
    /// <c>--name=value</c>) nor an option's value. Null when there is none: the API is served. An unknown word is an
    /// error, never a server started by mistake.
    /// </summary>
    public static Func<Task<int>>? TryGet(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            var word = args[i];
            if (word.StartsWith('-'))
            {
                // An option's value follows it unless it is written name=value, is a flag, or the next word is an option.
                if (!word.Contains('=') && !Flags.Contains(word) && i + 1 < args.Length && !args[i + 1].StartsWith('-'))
                {
                    i++;
                }

                continue;
            }

            // The verb's arguments first (its positional words), then the host's options that stood before it.
            string[] rest = [.. args[(i + 1)..], .. args[..i]];
            return Verbs.TryGetValue(word, out var verb)
                ? () => verb(rest)
                : () => UnknownAsync(word);
        }

        return null;
    }

    private static async Task<int> UnknownAsync(string word)
    {
        await Console.Error.WriteLineAsync(
            $"Unknown command '{word}'. Commands: {string.Join(", ", Verbs.Keys)}; without one, CampaignDesk serves the API.");
        return 2;
    }

    /// <summary>
    /// Imports each file (RNE, Assemblée, Datan, Sénat, the Assemblée's acteur files as a zip or a folder, the directory of
    /// mairies) as one run and prints its report; exit 1 if any failed.
    /// <c>--dry-run</c> reports what each would change and changes nothing; <c>--confirm-ends</c> lets a file that
    /// does not look complete end the mandates it misses. The flags come before the files.
    /// </summary>
    private static async Task<int> ImportAsync(string[] args)
    {
        if (args.FirstOrDefault() == "--revert")
        {
            return await RevertAsync(args);
        }

        var flags = args.TakeWhile(a => a is "--dry-run" or "--confirm-ends").ToList();
        var options = new ImportOptions(DryRun: flags.Contains("--dry-run"), ConfirmEnds: flags.Contains("--confirm-ends"));
        var files = args.Skip(flags.Count).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (files.Count == 0)
        {
            await Console.Error.WriteLineAsync(
                "Usage: dotnet run --project src/CampaignDesk.Api -- import [--dry-run] [--confirm-ends] FILE... | import --revert RUN_ID");
            return 2;
        }

        return await ImportFiles.RunAsync(args[(flags.Count + files.Count)..], files, async (services, open, name) =>
        {
            var report = await services.GetRequiredService<ImportService>().ImportAsync(open, name, options, CancellationToken.None);
            await services.GetRequiredService<AuditLog>().RecordAsync(Caller.System("command-line"), "import", "import_run", report.Id,
                null, null, report with { Issues = [] }, CancellationToken.None);
            return report;
        });
    }

    /// <summary>
    /// <c>import --revert ID</c>: reverts an applied import run and prints what it did; exit 1 when the run is unknown
    /// or cannot be reverted (the reason is printed), 0 when it is reverted or already was.
    /// </summary>
    private static async Task<int> RevertAsync(string[] args)
    {
        if (args.Length < 2 || !long.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var runId))
        {
            await Console.Error.WriteLineAsync("Usage: dotnet run --project src/CampaignDesk.Api -- import --revert RUN_ID");
            return 2;
        }

        var builder = Host.CreateApplicationBuilder(args[2..]);
        builder.Services.AddCampaignDeskCore();
        using var host = builder.Build();
        try
        {
            await host.Services.GetRequiredService<DatabaseStartup>().RunAsync(CancellationToken.None);
            var outcome = await host.Services.GetRequiredService<ImportReverter>().RevertAsync(runId, Caller.System("command-line"), CancellationToken.None);
            if (!outcome.IsOk)
            {
                // Like the report it prints, the reason is in French, for the coalition's coordinators who run it.
                var reason = outcome.Status == OutcomeStatus.NotFound ? Messages.ImportNotFound.With(runId) : outcome.Detail!;
                await Console.Error.WriteLineAsync(reason.In(Language.French));
                return 1;
            }

            Console.WriteLine(outcome.Value!.Outcome);
            return 0;
        }
        catch (Exception ex) when (HostRunner.IsStartupProblem(ex))
        {
            await Console.Error.WriteLineAsync($"CampaignDesk cannot revert the import: {ex.Message}");
            return 1;
        }
    }

    /// <summary>Creates an admin user (or makes an existing user admin) and prints a new API token for them, once.</summary>
    private static async Task<int> CreateAdminAsync(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync("Usage: dotnet run --project src/CampaignDesk.Api -- create-admin EMAIL");
            return 2;
        }

        var builder = Host.CreateApplicationBuilder(args[1..]);
        builder.Services.AddCampaignDeskCore();
        using var host = builder.Build();
        try
        {
            await host.Services.GetRequiredService<DatabaseStartup>().RunAsync(CancellationToken.None);
            var outcome = await host.Services.GetRequiredService<UserService>().CreateAdminAsync(args[0], CancellationToken.None);
            if (!outcome.IsOk)
            {
                var reasons = outcome.Errors?.SelectMany(e => e.Value).Select(m => m.ToString()) ?? [outcome.Detail?.ToString() ?? outcome.Status.ToString()];
                await Console.Error.WriteLineAsync($"No admin created: {string.Join(" ", reasons)}");
                return 1;
            }

            var token = outcome.Value!;
            Console.WriteLine($"Admin {args[0]}: API token (shown once; it expires on {token.Info.ExpiresUtc:yyyy-MM-dd}):");
            Console.WriteLine(token.Token);
            return 0;
        }
        catch (Exception ex) when (HostRunner.IsStartupProblem(ex))
        {
            await Console.Error.WriteLineAsync($"CampaignDesk cannot create the admin: {ex.Message}");
            return 1;
        }
    }

    /// <summary>Applies pending migrations and exits, for deployments that set Database:MigrateOnStart=false.</summary>
    private static async Task<int> MigrateAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Services.AddCampaignDeskCore();
        using var host = builder.Build();
        try
        {
            var runner = host.Services.GetRequiredService<MigrationRunner>();
            var applied = await runner.MigrateAsync();
            Console.WriteLine($"Database at schema version {runner.LatestVersion} ({applied} migration(s) applied).");
            return 0;
        }
        catch (Exception ex) when (HostRunner.IsStartupProblem(ex))
        {
            await Console.Error.WriteLineAsync($"CampaignDesk cannot migrate: {ex.Message}");
            return 1;
        }
    }
}
