using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Import.Contacts;
using CampaignDesk.Core.Import.Parliament;
using CampaignDesk.Core.Import.Rne;
using CampaignDesk.Core.Observability;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CampaignDesk.Core.Import;

/// <summary>
/// Imports a file of officials whatever it is — an RNE release of any era and type, the Assemblée's or Datan's
/// députés, the Sénat's lists, the Assemblée's acteur files, the administration's directory of mairies — detected from
/// its content. A run is one transaction: it lands whole with its
/// report, or not at all (a failed run is recorded with its error and changes nothing).
/// </summary>
/// <param name="metrics">Counts the rows of each successful run (null where a test builds the service by hand).</param>
/// <param name="settings">How many issues a run keeps (the default where a test builds the service by hand).</param>
public sealed partial class ImportService(Database database, ImportRunStore runs, RneImporter rne, ParliamentImporter parliament,
    TimeProvider time, ILogger<ImportService> logger, CampaignDeskMetrics? metrics = null, IOptions<ImportSettings>? settings = null)
{
    private readonly ActeurImporter _acteurs = new(database, parliament, time);
    private readonly MairieImporter _mairies = new(database, time);

    public const int ReportIssues = ImportRun.DefaultMaxStoredIssues;

    /// <summary>A file with more unreadable rows than this share of its rows is refused whole.</summary>
    public const double MaxUnreadableShare = 0.5;

    /// <summary>How many issues a run keeps; every one is counted.</summary>
    public int MaxStoredIssues { get; } = settings?.Value.MaxStoredIssues ?? ImportRun.DefaultMaxStoredIssues;

    /// <param name="open">Opens the file from its start; called once per pass (hash, detection, import).</param>
    public Task<ImportReport> ImportAsync(Func<Stream> open, string fileName, CancellationToken cancellationToken) =>
        ImportAsync(open, fileName, ImportOptions.Apply, cancellationToken);

    /// <summary>
    /// Imports the file, or with <see cref="ImportOptions.DryRun"/> runs the very same import and rolls it back, so
    /// that what a dry run reports is what the real run then does; only the run itself is recorded.
    /// </summary>
    public async Task<ImportReport> ImportAsync(Func<Stream> open, string fileName, ImportOptions options, CancellationToken cancellationToken)
    {
        var info = Describe(open, fileName);
        var run = new ImportRun(0, MaxStoredIssues);
        // Failures once the run is started (the commit's included) are recorded, after the rollback, in a run of their own.
        var started = false;
        ImportDiff diff;
        string outcome;
        try
        {
            (diff, outcome) = await database.BulkWriteAsync(async session =>
            {
                await database.Dialect.LockAsync(session.Connection, session.Transaction!, ImportReverter.Lock, session.CancellationToken);
                run.Id = await runs.StartAsync(session, info, options.DryRun);
                run.ReleaseDate = info.ReleaseDate;
                started = true;
                var reopened = await ImportFileAsync(session, open, fileName, info, run, options);
                RefuseMostlyUnreadable(run);
                var diff = await runs.DiffAsync(session, run, reopened);
                var outcome = ImportOutcome.Describe(run, options.DryRun);
                if (!options.DryRun)
                {
                    await runs.FinishAsync(session, run, "succeeded", outcome, null);
                }

                return (diff, outcome);
            }, commitWhen: _ => !options.DryRun, cancellationToken);
        }
        catch (Exception ex) when (started && ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Import of {FileName} failed; nothing was changed", fileName);
            run.DiscardChanges();
            return await RecordAsync(info, run, options.DryRun, "failed", ImportOutcome.Failed(ex), $"{ex.GetType().Name}: {ex.Message}",
                cancellationToken);
        }

        if (options.DryRun)
        {
            return await RecordAsync(info, run, true, "dry_run", outcome, null, cancellationToken) with { Diff = diff };
        }

        logger.LogInformation("Imported {FileName} ({FileType}): {Added} mandates added, {Ended} ended, {Held} held back, {Issues} issues",
            fileName, info.FileType, run.MandatesAdded, run.MandatesEnded, run.MandatesHeldBack, run.Issues.Count);
        var unreadable = run.Count(ImportIssueKinds.Unreadable);
        metrics?.ImportRows(info.Source, run.RowsRead - unreadable, unreadable);
        return (await runs.GetAsync(run.Id, MaxStoredIssues, cancellationToken))! with { Diff = diff };
    }

    private async Task<IReadOnlyList<long>> ImportFileAsync(DbSession session, Func<Stream> open, string fileName, ImportFile info, ImportRun run,
        ImportOptions options)
    {
        if (info.Source == "rne")
        {
            using var file = RneFile.Open(open());
            var latest = await runs.LatestReleaseAsync(session, info.FileType);
            return await rne.ImportAsync(session, file, info, run, latest, options.ConfirmEnds);
        }

        await using var stream = open();
        if (info.FileType == ContactFiles.Acteurs)
        {
            await _acteurs.ImportAsync(session, stream, fileName, run);
        }
        else if (info.FileType == ContactFiles.Mairies)
        {
            await _mairies.ImportAsync(session, stream, run);
        }
        else
        {
            await parliament.ImportAsync(session, Enum.Parse<ParliamentSource>(info.FileType), stream, run);
        }

        return [];
    }

    // A file most of whose rows cannot be read is not the file it claims to be: taking its few readable rows would
    // end every mandate the rest should have listed.
    private static void RefuseMostlyUnreadable(ImportRun run)
    {
        var unreadable = run.Count(ImportIssueKinds.Unreadable);
        if (run.RowsRead > 0 && unreadable > run.RowsRead * MaxUnreadableShare)
        {
            throw new InvalidDataException(string.Create(CultureInfo.GetCultureInfo("fr-FR"),
                $"{unreadable:N0} lignes illisibles sur {run.RowsRead:N0} : le fichier est refusé en entier, rien n'a été modifié."));
        }
    }

    /// <summary>Hashes and recognises the file; throws <see cref="InvalidDataException"/> saying why when it is no file of officials.</summary>
    public ImportFile Describe(Func<Stream> open, string fileName)
    {
        string sha256;
        using (var stream = open())
        {
            sha256 = Convert.ToHexStringLower(SHA256.HashData(stream));
        }

        var (release, releaseSource) = ReleaseDate(fileName);

        // RNE first: it recognises its header from the first 64 KB, whereas telling a parliament file loads the whole
        // file into memory, which a file of millions of lines must not cost.
        string rneError;
        try
        {
            using var file = RneFile.Open(open());
            return new ImportFile("rne", file.Type.ToString(), fileName, sha256, file.FormatDescription, release, releaseSource);
        }
        catch (InvalidDataException ex)
        {
            rneError = ex.Message;
        }

        // Contact files next: an archive is told by its first entries, a directory file by its first 64 KB.
        if (ContactFiles.Detect(open) is { } contacts)
        {
            return new ImportFile(contacts.Source, contacts.FileType, fileName, sha256, contacts.Format, release, releaseSource);
        }

        try
        {
            using var stream = open();
            var source = ParliamentReader.Detect(stream);
            var name = source is ParliamentSource.Assemblee ? "assemblee" : source is ParliamentSource.Datan ? "datan" : "senat";
            return new ImportFile(name, source.ToString(), fileName, sha256, $"{source} open data", release, releaseSource);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException(
                $"« {fileName} » n'est ni un fichier du RNE ({rneError.TrimEnd('.')}), ni un fichier de l'Assemblée, de Datan ou du Sénat ({ex.Message.TrimEnd('.')}), "
                + "ni les fiches des acteurs de l'Assemblée, ni l'annuaire des mairies de l'administration. Rien n'a été importé.", ex);
        }
    }

    // A run rolled back (failed, or a dry run) is recorded afterwards, with its counters and first issues.
    private async Task<ImportReport> RecordAsync(ImportFile info, ImportRun run, bool dryRun, string status, string outcome, string? error,
        CancellationToken cancellationToken)
    {
        await database.WriteAsync(async session =>
        {
            run.Id = await runs.StartAsync(session, info, dryRun);
            await runs.FinishAsync(session, run, status, outcome, error);
            return run.Id;
        }, cancellationToken);
        return (await runs.GetAsync(run.Id, MaxStoredIssues, cancellationToken))!;
    }

    private (DateOnly Date, string Source) ReleaseDate(string fileName) =>
        DatedName().Match(fileName) is { Success: true } match
        && DateOnly.TryParseExact(match.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? (date, ImportFile.FromFileName)
            : (DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), ImportFile.FromImportDay);

    [GeneratedRegex(@"(19|20)\d{2}-\d{2}-\d{2}")]
    private static partial Regex DatedName();
}
