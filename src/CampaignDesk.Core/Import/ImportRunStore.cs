using System.Diagnostics.CodeAnalysis;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using Dapper;

namespace CampaignDesk.Core.Import;

[SuppressMessage("Performance", "CA1822", Justification = "A store's operations are called on its injected instance, whether or not they use its state.")]
public sealed class ImportRunStore(Database database, TimeProvider time)
{
    private const string Columns = """
        id, source, file_type, file_name, sha256, format, release_date, release_date_source, dry_run, status, started_utc, finished_utc,
        rows_read, rows_unreadable, officials_added, mandates_added, mandates_ended, mandates_reopened, mandates_held_back,
        mandates_unchanged, contacts_added, contacts_changed, duplicates, unmatched, outcome, error, reverted_utc, revert_outcome
        """;

    internal async Task<long> StartAsync(DbSession session, ImportFile file, bool dryRun) =>
        await session.Connection.ExecuteScalarAsync<long>(session.Command(database.Dialect.InsertReturningId("import_runs",
            "source, file_type, file_name, sha256, format, release_date, release_date_source, dry_run, status, started_utc, journaled",
            "@Source, @FileType, @FileName, @Sha256, @Format, @ReleaseDate, @ReleaseDateSource, @dryRun, 'running', @Now, @journaled"),
            new
            {
                file.Source,
                file.FileType,
                file.FileName,
                file.Sha256,
                file.Format,
                file.ReleaseDate,
                file.ReleaseDateSource,
                dryRun,
                Now = time.GetUtcNow().UtcDateTime,
                journaled = true,
            }));

    internal async Task FinishAsync(DbSession session, ImportRun run, string status, string? outcome, string? error)
    {
        await session.Connection.ExecuteAsync(session.Command("""
            UPDATE import_runs SET status = @status, finished_utc = @Now, rows_read = @RowsRead, rows_unreadable = @Unreadable,
                officials_added = @OfficialsAdded, mandates_added = @MandatesAdded, mandates_ended = @MandatesEnded,
                mandates_reopened = @MandatesReopened, mandates_held_back = @MandatesHeldBack, mandates_unchanged = @MandatesUnchanged,
                contacts_added = @ContactsAdded, contacts_changed = @ContactsChanged, duplicates = @Duplicates, unmatched = @Unmatched,
                outcome = @outcome, error = @error
            WHERE id = @Id
            """, new
        {
            status,
            outcome = outcome is null ? null : Truncate(outcome),
            error = error is null ? null : Truncate(error),
            Now = time.GetUtcNow().UtcDateTime,
            run.RowsRead,
            Unreadable = run.Count(ImportIssueKinds.Unreadable),
            run.OfficialsAdded,
            run.MandatesAdded,
            run.MandatesEnded,
            run.MandatesReopened,
            run.MandatesHeldBack,
            run.MandatesUnchanged,
            run.ContactsAdded,
            run.ContactsChanged,
            Duplicates = run.Count(ImportIssueKinds.DuplicateSeat),
            Unmatched = run.Count(ImportIssueKinds.Unmatched) + run.Count(ImportIssueKinds.Ambiguous),
            run.Id,
        }));
        await database.Dialect.BulkInsertAsync(session.Connection, session.Transaction!, "import_issues", ["run_id", "line", "kind", "message"],
            run.Issues.Select(i => new object?[] { run.Id, i.Line, i.Kind, Truncate(i.Message) }), session.CancellationToken);
    }

    /// <summary>The newest release of this file type already imported, to tell whether a file is older.</summary>
    internal async Task<string?> LatestReleaseAsync(DbSession session, string fileType) =>
        await session.Connection.ExecuteScalarAsync<string?>(session.Command(
            "SELECT MAX(release_date) FROM import_runs WHERE file_type = @fileType AND status = 'succeeded' AND dry_run = @no",
            new { fileType, no = false }));

    public Task<ImportReport?> GetAsync(long id, int maxIssues, CancellationToken cancellationToken) =>
        database.ReadAsync(async session =>
        {
            var row = await session.SingleOrDefaultAsync<Row>($"SELECT {Columns} FROM import_runs WHERE id = @id", new { id });
            if (row is null)
            {
                return null;
            }

            var issues = await session.QueryAsync<(long? Line, string Kind, string Message)>($"""
                SELECT line, kind, message FROM import_issues WHERE run_id = @id ORDER BY id
                {session.Dialect.Paging}
                """, new { id, Skip = 0, Take = maxIssues });
            return row.ToReport(issues.Select(i => new ImportIssue((int?)i.Line, i.Kind, i.Message)).ToList());
        }, cancellationToken);

    /// <summary>Runs newest first, without their issues.</summary>
    public async Task<IReadOnlyList<ImportReport>> ListAsync(int skip, int take, CancellationToken cancellationToken)
    {
        var rows = await database.ReadAsync(session => session.QueryAsync<Row>($"""
            SELECT {Columns} FROM import_runs ORDER BY id DESC
            {session.Dialect.Paging}
            """, new { Skip = skip, Take = take }), cancellationToken);
        return [.. rows.Select(r => r.ToReport([]))];
    }

    /// <summary>The first mandates and contacts this run touched, read inside its transaction (before a dry run rolls back).</summary>
    internal async Task<ImportDiff> DiffAsync(DbSession session, ImportRun run, IReadOnlyList<long> reopened)
    {
        var paging = database.Dialect.Paging;
        async Task<IReadOnlyList<ImportChange>> Mandates(string condition, long id = 0) =>
        [
            .. (await session.Connection.QueryAsync<(string LastName, string FirstName, string SeatKey)>(session.Command($"""
                SELECT o.last_name, o.first_name, m.seat_key FROM mandates m JOIN officials o ON o.id = m.official_id
                WHERE {condition} ORDER BY m.id
                {paging}
                """, new { Run = run.Id, Skip = 0, Take = ImportDiff.SampleSize, id })))
                .Select(m => new ImportChange(m.LastName, m.FirstName, m.SeatKey)),
        ];

        // One look-up per sampled id: Dapper passes a list to Npgsql as one array, which "IN" does not take.
        var reopenedSample = new List<ImportChange>();
        foreach (var id in reopened.Take(ImportDiff.SampleSize))
        {
            reopenedSample.AddRange(await Mandates("m.id = @id", id));
        }

        var contacts = await session.Connection.QueryAsync<(string LastName, string FirstName, string Kind, string Value)>(session.Command($"""
            SELECT o.last_name, o.first_name, c.kind, c.value
            FROM contact_points c JOIN officials o ON o.id = c.official_id
            WHERE c.first_run_id = @Run ORDER BY c.id
            {paging}
            """, new { Run = run.Id, Skip = 0, Take = ImportDiff.SampleSize }));
        // A mairie's contact points are the commune's: named by the commune.
        var mairies = await session.Connection.QueryAsync<(string Name, string Kind, string Value)>(session.Command($"""
            SELECT COALESCE(n.name, c.commune_insee), c.kind, c.value
            FROM commune_contacts c LEFT JOIN communes n ON n.insee = c.commune_insee
            WHERE c.first_run_id = @Run ORDER BY c.id
            {paging}
            """, new { Run = run.Id, Skip = 0, Take = ImportDiff.SampleSize }));
        return new ImportDiff(await Mandates("m.first_run_id = @Run"), await Mandates("m.end_run_id = @Run"),
            reopenedSample,
            [
                .. contacts.Select(c => new ImportChange(c.LastName, c.FirstName, $"{c.Kind}: {c.Value}"))
                    .Concat(mairies.Select(c => new ImportChange(c.Name, "", $"mairie {c.Kind}: {c.Value}"))).Take(ImportDiff.SampleSize),
            ]);
    }

    private static string Truncate(string message) => message.Length <= 1000 ? message : message[..997] + "...";

    private sealed class Row
    {
        public long Id { get; init; }
        public string Source { get; init; } = "";
        public string FileType { get; init; } = "";
        public string FileName { get; init; } = "";
        public string Sha256 { get; init; } = "";
        public string Format { get; init; } = "";
        public string? ReleaseDate { get; init; }
        public string? ReleaseDateSource { get; init; }
        public bool DryRun { get; init; }
        public string Status { get; init; } = "";
        public DateTime StartedUtc { get; init; }
        public DateTime? FinishedUtc { get; init; }
        public int RowsRead { get; init; }
        public int RowsUnreadable { get; init; }
        public int OfficialsAdded { get; init; }
        public int MandatesAdded { get; init; }
        public int MandatesEnded { get; init; }
        public int MandatesReopened { get; init; }
        public int MandatesHeldBack { get; init; }
        public int MandatesUnchanged { get; init; }
        public int ContactsAdded { get; init; }
        public int ContactsChanged { get; init; }
        public int Duplicates { get; init; }
        public int Unmatched { get; init; }
        public string? Outcome { get; init; }
        public string? Error { get; init; }
        public DateTime? RevertedUtc { get; init; }
        public string? RevertOutcome { get; init; }

        public ImportReport ToReport(IReadOnlyList<ImportIssue> issues) => new(Id, Source, FileType, FileName, Sha256, Format, IsoDate.Parse(ReleaseDate),
            ReleaseDateSource, DryRun, Status, StartedUtc, FinishedUtc, RowsRead, RowsUnreadable, OfficialsAdded, MandatesAdded, MandatesEnded,
            MandatesReopened, MandatesHeldBack, MandatesUnchanged, ContactsAdded, ContactsChanged, Duplicates, Unmatched, Outcome, Error, RevertedUtc,
            RevertOutcome, issues);
    }
}
