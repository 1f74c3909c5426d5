using System.Data.Common;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using Dapper;

namespace CampaignDesk.Core.Import;

/// <summary>
/// Why a run cannot be reverted (a message of the catalog): it changed nothing, it predates the journal, or a later applied run built
/// on it. Reverting under a later run would undo part of that run too (a mandate it ended brought back, an official
/// it gave an e-mail deleted), so the later one is named, to be reverted first.
/// </summary>
internal sealed class RevertGuard(Database database)
{
    // Every way a later run (id > @Run) can have changed what this run added or changed, as the later run's id.
    private static readonly string LaterRunsOnTheSameRows = $"""
        SELECT m.end_run_id AS run_id FROM mandates m WHERE m.first_run_id = @Run AND m.end_run_id > @Run
        UNION ALL
        SELECT c.run_id FROM import_changes c JOIN mandates m ON m.id = c.entity_id
        WHERE c.entity = '{ImportJournal.Mandate}' AND c.run_id > @Run AND (m.first_run_id = @Run OR c.end_run_id = @Run)
        UNION ALL
        SELECT m.end_run_id FROM import_changes r JOIN mandates m ON m.id = r.entity_id
        WHERE r.run_id = @Run AND r.entity = '{ImportJournal.Mandate}' AND m.end_run_id > @Run
        UNION ALL
        SELECT c.run_id FROM import_changes r JOIN import_changes c ON c.entity = r.entity AND c.entity_id = r.entity_id
        WHERE r.run_id = @Run AND c.run_id > @Run
        UNION ALL
        SELECT c.run_id FROM import_changes c JOIN contact_points p ON p.id = c.entity_id
        WHERE c.entity = '{ImportJournal.ContactPoint}' AND c.run_id > @Run AND p.first_run_id = @Run
        UNION ALL
        SELECT c.run_id FROM import_changes c JOIN commune_contacts p ON p.id = c.entity_id
        WHERE c.entity = '{ImportJournal.CommuneContact}' AND c.run_id > @Run AND p.first_run_id = @Run
        UNION ALL
        SELECT m.first_run_id FROM officials o JOIN mandates m ON m.official_id = o.id WHERE o.first_run_id = @Run AND m.first_run_id > @Run
        UNION ALL
        SELECT p.first_run_id FROM officials o JOIN contact_points p ON p.official_id = o.id WHERE o.first_run_id = @Run AND p.first_run_id > @Run
        UNION ALL
        SELECT i.first_run_id FROM officials o JOIN official_identifiers i ON i.official_id = o.id WHERE o.first_run_id = @Run AND i.first_run_id > @Run
        """;

    public async Task<Message?> RefusalAsync(DbSession session, ImportReverter.RevertedRun run)
    {
        if (run.DryRun || run.Status == "dry_run")
        {
            return Messages.ImportRevertDryRun.With(run.Id);
        }

        if (run.Status != "succeeded")
        {
            return Messages.ImportRevertNotApplied.With(run.Id, run.Status);
        }

        if (!run.Journaled)
        {
            return Messages.ImportRevertNotJournaled.With(run.Id);
        }

        var p = new { Run = run.Id, run.FileType, Skip = 0, Take = 1 };
        var sameType = await session.Connection.QuerySingleOrDefaultAsync<LaterRun>(database.BulkCommand($"""
            SELECT id, file_name, file_type FROM import_runs WHERE file_type = @FileType AND status = 'succeeded' AND id > @Run ORDER BY id DESC
            {database.Dialect.Paging}
            """, p, session.Transaction!, session.CancellationToken));
        if (sameType is not null)
        {
            return Messages.ImportRevertLaterOfType.With(sameType.Id, sameType.FileName, run.FileType);
        }

        var later = await session.Connection.QuerySingleOrDefaultAsync<LaterRun>(database.BulkCommand($"""
            SELECT id, file_name, file_type FROM import_runs
            WHERE status = 'succeeded' AND id = (SELECT MAX(t.run_id) FROM ({LaterRunsOnTheSameRows}) t
                                                 JOIN import_runs l ON l.id = t.run_id WHERE l.status = 'succeeded')
            """, p, session.Transaction!, session.CancellationToken));
        return later is null
            ? null
            : Messages.ImportRevertLaterOnRows.With(later.Id, later.FileName, later.FileType);
    }

    private sealed class LaterRun
    {
        public long Id { get; init; }
        public string FileName { get; init; } = "";
        public string FileType { get; init; } = "";
    }
}
