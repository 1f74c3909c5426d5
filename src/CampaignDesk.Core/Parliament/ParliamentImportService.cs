using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Import;
using CampaignDesk.Core.Import.Contacts;
using Microsoft.Extensions.Logging;

namespace CampaignDesk.Core.Parliament;

/// <summary>
/// Imports the Assemblée's questions, amendments and votes — a JSON file, or a zip of them as the Assemblée publishes
/// them, read one entry at a time. A run is one
/// transaction recorded with its report (<c>import_runs</c>, <c>import_issues</c>, numbered by the item's place in the
/// file): items are kept by the publisher's uid, so a second import of the same file adds nothing and proposes nothing;
/// then every campaign's watch and recommended votes propose the positions the new items hold (<see cref="ProposalMatcher"/>).
/// </summary>
public sealed class ParliamentImportService(Database database, ImportRunStore runs, ProposalMatcher proposals, TimeProvider time,
    ILogger<ParliamentImportService> logger)
{
    public const string FileType = "ParliamentRecords";

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <param name="open">Opens the file from its start; called once to hash it, once to read it.</param>
    public async Task<ImportReport> ImportAsync(Func<Stream> open, string fileName, CancellationToken cancellationToken)
    {
        string sha256;
        await using (var stream = open())
        {
            sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
        }

        var info = new ImportFile("parliament", FileType, fileName, sha256, "Assemblée nationale / Sénat : questions, amendements, scrutins (JSON ; questions du Sénat en CSV)",
            DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), ImportFile.FromImportDay);
        var run = new ImportRun(0);
        var started = false;
        try
        {
            await database.BulkWriteAsync(async session =>
            {
                await session.Dialect.LockAsync(session.Connection, session.Transaction!, ImportReverter.Lock, session.CancellationToken);
                run.Id = await runs.StartAsync(session, info, false);
                started = true;
                var counts = await ReadAsync(session, open, fileName, run);
                var proposed = await proposals.ProposeAsync(session, null);
                var outcome = string.Create(French,
                    $"Import appliqué : {counts.Added:N0} élément(s) parlementaire(s) ajouté(s), {counts.Changed:N0} mis à jour, {counts.Unchanged:N0} inchangé(s) ; "
                    + $"{proposed:N0} position(s) proposée(s) ; {run.Count(ImportIssueKinds.Unreadable):N0} élément(s) illisible(s) sur {run.RowsRead:N0}.");
                await runs.FinishAsync(session, run, "succeeded", outcome, null);
                return true;
            }, commitWhen: _ => true, cancellationToken);
        }
        catch (Exception ex) when (started && ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Parliament import of {FileName} failed; nothing was changed", fileName);
            await database.WriteAsync(async session =>
            {
                run.Id = await runs.StartAsync(session, info, false);
                await runs.FinishAsync(session, run, "failed", ImportOutcome.Failed(ex), $"{ex.GetType().Name}: {ex.Message}");
                return run.Id;
            }, cancellationToken);
        }

        return (await runs.GetAsync(run.Id, ImportRun.DefaultMaxStoredIssues, cancellationToken))!;
    }

    private static async Task<(int Added, int Changed, int Unchanged)> ReadAsync(DbSession session, Func<Stream> open, string fileName, ImportRun run)
    {
        var known = (await session.QueryAsync<(string Source, string Value)>(
            "SELECT source, value FROM official_identifiers WHERE source IN ('assemblee', 'senat')")).Select(k => k.Source + ":" + k.Value).ToHashSet();
        int added = 0, changed = 0, unchanged = 0;
        await using var stream = open();
        await using var copy = stream.CanSeek ? null : await CopyAsync(stream, session.CancellationToken);
        var seekable = copy ?? stream;
        async Task SaveAsync(int number, ParliamentItem item)
        {
            switch (await ParliamentItemStore.SaveAsync(session, item, run.Id))
            {
                case ParliamentItemStore.Saved.Added: added++; break;
                case ParliamentItemStore.Saved.Changed: changed++; break;
                default: unchanged++; break;
            }

            ReportUnknown(run, number, item, known);
        }

        if (SenatQuestionReader.Accepts(fileName))
        {
            // The Sénat's export names each author: found in the directory by matricule, or by name and département.
            var authors = await SenatAuthors.LoadAsync(session);
            foreach (var (number, question, problem) in SenatQuestionReader.Read(seekable))
            {
                session.CancellationToken.ThrowIfCancellationRequested();
                run.RowsRead++;
                if (question is null)
                {
                    run.Report(number, ImportIssueKinds.Unreadable, problem!);
                    continue;
                }

                var (matricule, unmatched) = authors.Resolve(question);
                if (unmatched is not null)
                {
                    run.Report(number, unmatched.Contains("ambigu", StringComparison.Ordinal) ? ImportIssueKinds.Ambiguous : ImportIssueKinds.Unmatched,
                        unmatched);
                }

                await SaveAsync(number, question.ToItem(matricule));
            }

            return (added, changed, unchanged);
        }

        foreach (var (number, name, document, problem) in JsonEntries.Read(seekable, fileName))
        {
            session.CancellationToken.ThrowIfCancellationRequested();
            run.RowsRead++;
            using (document)
            {
                if (document is null)
                {
                    run.Report(number, ImportIssueKinds.Unreadable, problem!);
                    continue;
                }

                ParliamentItem item;
                try
                {
                    item = Read(document.RootElement);
                }
                catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException or KeyNotFoundException or FormatException)
                {
                    run.Report(number, ImportIssueKinds.Unreadable, $"{name} : {ex.Message}");
                    continue;
                }

                await SaveAsync(number, item);
            }
        }

        return (added, changed, unchanged);
    }

    /// <summary>Which reader takes the document, by its root: question, amendement or scrutin.</summary>
    internal static ParliamentItem Read(JsonElement root) =>
        root.ValueKind != JsonValueKind.Object ? throw new InvalidDataException("ni une question, ni un amendement, ni un scrutin")
        : AnQuestionReader.Accepts(root) ? AnQuestionReader.Read(root)
        : AnAmendmentReader.Accepts(root) ? AnAmendmentReader.Read(root)
        : AnVoteReader.Accepts(root) ? AnVoteReader.Read(root)
        : throw new InvalidDataException("ni une question, ni un amendement, ni un scrutin de l'Assemblée");

    // Authors are matched by the publisher's id only: one the directory does not know (a member of a past legislature) is
    // reported, and proposes nothing until an import of the directory names them.
    private static void ReportUnknown(ImportRun run, int number, ParliamentItem item, HashSet<string> known)
    {
        var unknown = item.People.Where(p => p.Role is ParliamentRoles.Author or ParliamentRoles.For or ParliamentRoles.Against or ParliamentRoles.Abstention)
            .Select(p => p.Ref).Distinct().Where(r => !known.Contains(item.Source + ":" + r)).ToList();
        if (unknown.Count == 0)
        {
            return;
        }

        run.Report(number, ImportIssueKinds.Unmatched, item.Kind == ParliamentKinds.Vote
            ? string.Create(French, $"{item.Uid} : {unknown.Count:N0} votant(s) absent(s) de l'annuaire ({string.Join(", ", unknown.Take(5))}{(unknown.Count > 5 ? "…" : "")})")
            : $"{item.Uid} : auteur {unknown[0]} absent de l'annuaire (aucune position proposée pour lui)");
    }

    private static async Task<Stream> CopyAsync(Stream stream, CancellationToken cancellationToken)
    {
        var path = Path.GetTempFileName();
        var copy = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        await stream.CopyToAsync(copy, cancellationToken);
        copy.Position = 0;
        return copy;
    }
}
