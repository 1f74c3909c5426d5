using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Import.Parliament;
using CampaignDesk.Core.Import.Rne;
using CampaignDesk.Core.Observability;
using Microsoft.Extensions.Logging;

namespace CampaignDesk.Core.Import;

/// <summary>
/// Imports a file of officials whatever it is — an RNE release of any era and type, the Assemblée's or Datan's
/// députés, the Sénat's lists — detected from its content. A run is one transaction: it lands whole with its
/// report, or not at all (a failed run is recorded with its error and changes nothing).
/// </summary>
/// <param name="metrics">Counts the rows of each successful run (null where a test builds the service by hand).</param>
public sealed partial class ImportService(Database database, ImportRunStore runs, RneImporter rne, ParliamentImporter parliament,
    TimeProvider time, ILogger<ImportService> logger, CampaignDeskMetrics? metrics = null)
{
    public const int ReportIssues = 1000;

    /// <param name="open">Opens the file from its start; called once per pass (hash, detection, import).</param>
    public async Task<ImportReport> ImportAsync(Func<Stream> open, string fileName, CancellationToken cancellationToken)
    {
        var info = Describe(open, fileName);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var run = await runs.StartAsync(connection, transaction, info, cancellationToken);
        await using var tuned = await database.Dialect.TuneForBulkAsync(connection, cancellationToken);
        try
        {
            if (info.Source == "rne")
            {
                using var file = RneFile.Open(open());
                var latest = await runs.LatestReleaseAsync(connection, transaction, info.FileType, cancellationToken);
                await rne.ImportAsync(connection, transaction, file, info, run, latest, cancellationToken);
            }
            else
            {
                await using var stream = open();
                await parliament.ImportAsync(connection, transaction, Enum.Parse<ParliamentSource>(info.FileType), stream, run, cancellationToken);
            }

            await runs.FinishAsync(connection, transaction, run, "succeeded", null, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            logger.LogError(ex, "Import of {FileName} failed; nothing was changed", fileName);
            return await RecordFailureAsync(info, ex, cancellationToken);
        }

        logger.LogInformation("Imported {FileName} ({FileType}): {Added} mandates added, {Ended} ended, {Issues} issues",
            fileName, info.FileType, run.MandatesAdded, run.MandatesEnded, run.Issues.Count);
        var unreadable = run.Count(ImportIssueKinds.Unreadable);
        metrics?.ImportRows(info.Source, run.RowsRead - unreadable, unreadable);
        return (await runs.GetAsync(run.Id, ReportIssues, cancellationToken))!;
    }

    /// <summary>Hashes and recognises the file; throws <see cref="InvalidDataException"/> saying why when it is no file of officials.</summary>
    public ImportFile Describe(Func<Stream> open, string fileName)
    {
        string sha256;
        using (var stream = open())
        {
            sha256 = Convert.ToHexStringLower(SHA256.HashData(stream));
        }

        var release = ReleaseDate(fileName);
        string parliamentError;
        try
        {
            using var stream = open();
            var source = ParliamentReader.Detect(stream);
            var name = source is ParliamentSource.Assemblee ? "assemblee" : source is ParliamentSource.Datan ? "datan" : "senat";
            return new ImportFile(name, source.ToString(), fileName, sha256, $"{source} open data", release);
        }
        catch (InvalidDataException ex)
        {
            parliamentError = ex.Message;
        }

        try
        {
            using var file = RneFile.Open(open());
            return new ImportFile("rne", file.Type.ToString(), fileName, sha256, file.FormatDescription, release);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException(
                $"'{fileName}' is neither an RNE file ({ex.Message.TrimEnd('.')}) nor an Assemblée, Datan or Sénat file ({parliamentError.TrimEnd('.')}). Nothing was imported.", ex);
        }
    }

    private async Task<ImportReport> RecordFailureAsync(ImportFile info, Exception error, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var run = await runs.StartAsync(connection, transaction, info, cancellationToken);
        await runs.FinishAsync(connection, transaction, run, "failed", $"{error.GetType().Name}: {error.Message}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (await runs.GetAsync(run.Id, ReportIssues, cancellationToken))!;
    }

    private DateOnly ReleaseDate(string fileName) =>
        DatedName().Match(fileName) is { Success: true } match
        && DateOnly.TryParseExact(match.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    [GeneratedRegex(@"(19|20)\d{2}-\d{2}-\d{2}")]
    private static partial Regex DatedName();
}
