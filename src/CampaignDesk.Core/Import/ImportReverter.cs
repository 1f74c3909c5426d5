using System.Data.Common;
using CampaignDesk.Core.Audit;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Users;
using Dapper;
using Microsoft.Extensions.Logging;

namespace CampaignDesk.Core.Import;

/// <summary>
/// Reverts an applied import run in one transaction: the officials, mandates, contact points (officials' and mairies')
/// and identifiers it added are deleted, the mandates it ended are current again, and the rows it changed (contact points
/// it saw again, retired, revived or re-described included) get back the values its journal kept
/// (<see cref="ImportJournal"/>). Only a run no later applied run built on can be reverted (<see cref="RevertGuard"/>).
/// Reverting a reverted run changes nothing and says so.
/// </summary>
/// <remarks>
/// An official the run added is deleted, not marked: the directory is then as it was before the run, row for row. One
/// that others' records now name (an interaction, a task, a position, a follow-up…) is kept instead, without the run's
/// mandates: deleting it would take their history with it, and a foreign key forbids it anyway.
/// </remarks>
public sealed class ImportReverter(Database database, AuditLog audit, TimeProvider time, ILogger<ImportReverter> logger)
{
    /// <summary>Taken by imports and reverts alike, so that one never runs under the other.</summary>
    public const string Lock = "campaigndesk_imports";

    /// <summary>
    /// The tables outside the directory whose rows name an official: an official a run added is deleted by its revert
    /// only when none of them names it (a test checks that the list holds every foreign key to officials).
    /// </summary>
    internal static readonly string[] OfficialReferences =
        ["interactions", "tasks", "positions", "campaign_progress", "campaign_contacts", "followups", "inbound_messages", "position_proposals"];

    private static readonly string[] DirectoryReferences = ["mandates", "contact_points", "official_identifiers"];

    private static readonly (string Table, string Entity)[] ContactTables =
        [("contact_points", ImportJournal.ContactPoint), ("commune_contacts", ImportJournal.CommuneContact)];

    private readonly RevertGuard _guard = new(database);

    public Task<Outcome<RevertReport>> RevertAsync(long runId, Caller caller, CancellationToken cancellationToken) =>
        database.WriteAsync(async session =>
        {
            await database.Dialect.LockAsync(session.Connection, session.Transaction!, Lock, session.CancellationToken);
            var run = await session.SingleOrDefaultAsync<RevertedRun>(
                "SELECT id, file_name, file_type, dry_run, status, journaled, reverted_utc FROM import_runs WHERE id = @runId", new { runId });
            if (run is null)
            {
                return Outcome<RevertReport>.NotFound();
            }

            if (run.Status == "reverted")
            {
                var on = TimeZoneInfo.ConvertTimeFromUtc(run.RevertedUtc!.Value, ParisTime.Zone);
                return Outcome<RevertReport>.Ok(new RevertReport(run.Id, true, run.RevertedUtc.Value, 0, 0, 0, 0, 0, 0, 0, 0,
                    Messages.ImportAlreadyReverted.With(run.Id, DateOnly.FromDateTime(on), on).In(Language.French)));
            }

            if (await _guard.RefusalAsync(session, run) is { } refusal)
            {
                return Outcome<RevertReport>.Conflict(refusal);
            }

            var report = await ApplyAsync(session, run.Id);
            await audit.RecordAsync(session, caller, "import_revert", "import_run", run.Id, null, null, report);
            logger.LogInformation("Reverted import run {RunId} ({FileType}): {Officials} officials and {Mandates} mandates deleted, {Reopened} reopened",
                run.Id, run.FileType, report.OfficialsDeleted, report.MandatesDeleted, report.MandatesReopened);
            return Outcome<RevertReport>.Ok(report);
        }, cancellationToken);

    private async Task<RevertReport> ApplyAsync(DbSession session, long runId)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var p = new { Run = runId, Now = now };
        Task<int> Execute(string sql) => session.Connection.ExecuteAsync(database.BulkCommand(sql, p, session.Transaction!, session.CancellationToken));

        // Rows the run changed get the values of their first change in the run: their state before it. A mairie's contact
        // points (commune_contacts) are contact points too, and counted with the officials'.
        var (contactsRestored, contactsDeleted) = (0, 0);
        foreach (var (table, entity) in ContactTables)
        {
            var set = string.Join(", ", ImportJournal.ContactColumns.Split(", ").Select(column => $"{column} = ({Before(column, entity, table)})"));
            contactsRestored += await Execute($"""
                UPDATE {table} SET {set}
                WHERE id IN (SELECT entity_id FROM import_changes WHERE run_id = @Run AND entity = '{entity}')
                """);
            contactsDeleted += await Execute($"DELETE FROM {table} WHERE first_run_id = @Run");
        }

        var identifiersDeleted = await Execute("DELETE FROM official_identifiers WHERE first_run_id = @Run");

        // A mandate was current when the run ended it (only current mandates are ended).
        var reopened = await Execute("UPDATE mandates SET end_date = NULL, end_run_id = NULL WHERE end_run_id = @Run");
        var restored = await Execute($"""
            UPDATE mandates SET end_date = ({Before("end_date", ImportJournal.Mandate, "mandates")}),
                                end_run_id = ({Before("end_run_id", ImportJournal.Mandate, "mandates")}),
                                group_code = ({Before("group_code", ImportJournal.Mandate, "mandates")}),
                                group_label = ({Before("group_label", ImportJournal.Mandate, "mandates")})
            WHERE id IN (SELECT entity_id FROM import_changes WHERE run_id = @Run AND entity = '{ImportJournal.Mandate}')
            """);
        var mandatesDeleted = await Execute("DELETE FROM mandates WHERE first_run_id = @Run");

        var unreferenced = string.Join("\n  AND ", DirectoryReferences.Concat(OfficialReferences)
            .Select(table => database.Dialect.NotReferenced("officials.id", table, "official_id")));
        var officialsDeleted = await Execute($"DELETE FROM officials WHERE first_run_id = @Run\n  AND {unreferenced}");
        var kept = await session.Connection.ExecuteScalarAsync<int>(database.BulkCommand(
            "SELECT COUNT(*) FROM officials WHERE first_run_id = @Run", p, session.Transaction!, session.CancellationToken));

        var report = new RevertReport(runId, false, now, officialsDeleted, kept, mandatesDeleted, reopened, restored, contactsDeleted, contactsRestored,
            identifiersDeleted, Describe(runId, officialsDeleted, kept, mandatesDeleted, reopened, restored, contactsDeleted, contactsRestored, identifiersDeleted));
        await session.Connection.ExecuteAsync(session.Command(
            "UPDATE import_runs SET status = 'reverted', reverted_utc = @Now, revert_outcome = @Outcome WHERE id = @Run",
            new { Run = runId, Now = now, report.Outcome }));
        return report;
    }

    // The value of a column in the first journal entry the run wrote for the row being updated.
    private static string Before(string column, string entity, string table) => $"""
        SELECT c.{column} FROM import_changes c
        WHERE c.id = (SELECT MIN(f.id) FROM import_changes f WHERE f.run_id = @Run AND f.entity = '{entity}' AND f.entity_id = {table}.id)
        """;

    // Only what the revert did: a run that ended 569 mandates reads as such, not as a list of zeros.
    private static string Describe(long runId, int officialsDeleted, int kept, int mandatesDeleted, int reopened, int restored, int contactsDeleted,
        int contactsRestored, int identifiersDeleted)
    {
        var done = new List<string>();
        void Add(bool happened, FormattableString text)
        {
            if (happened)
            {
                done.Add(ImportOutcome.Format(text));
            }
        }

        Add(officialsDeleted + mandatesDeleted > 0, $"{officialsDeleted:N0} élu(s) et {mandatesDeleted:N0} mandat(s) qu'il avait ajoutés sont retirés");
        Add(reopened > 0, $"{reopened:N0} mandat(s) qu'il avait clos sont de nouveau en cours");
        Add(restored > 0, $"{restored:N0} mandat(s) qu'il avait rouverts ou changés de groupe sont remis comme avant");
        Add(contactsDeleted + identifiersDeleted > 0, $"{contactsDeleted:N0} contact(s) et {identifiersDeleted:N0} identifiant(s) qu'il avait ajoutés sont retirés");
        Add(contactsRestored > 0, $"{contactsRestored:N0} contact(s) qu'il avait revus, retirés, rétablis ou modifiés sont remis comme avant");
        Add(kept > 0, $"{kept:N0} élu(s) qu'il avait ajoutés sont conservés, sans ses mandats : des interactions, tâches, positions ou relances les concernent");
        return ImportOutcome.Format($"Import n° {runId} annulé : ") + (done.Count == 0 ? "il n'avait rien changé." : string.Join(" ; ", done) + ".");
    }

    internal sealed class RevertedRun
    {
        public long Id { get; init; }
        public string FileName { get; init; } = "";
        public string FileType { get; init; } = "";
        public bool DryRun { get; init; }
        public string Status { get; init; } = "";
        public bool Journaled { get; init; }
        public DateTime? RevertedUtc { get; init; }
    }
}
