using System.Data.Common;
using CampaignDesk.Core.Data;
using Dapper;

namespace CampaignDesk.Core.Import;

/// <summary>
/// The change journal of import runs (<c>import_changes</c>). Before a run changes a row it did not add, the row's
/// revertible columns are copied there with the run's id, so that <see cref="ImportReverter"/> puts them back; the
/// rows a run adds need no entry, they carry its id (<c>first_run_id</c>).
/// </summary>
internal sealed class ImportJournal(Database database)
{
    public const string Mandate = "mandate";
    public const string ContactPoint = "contact_point";
    public const string CommuneContact = "commune_contact";

    /// <summary>Journals the mandates about to change.</summary>
    /// <param name="condition">Constant SQL over the columns of <c>mandates</c>, never user input.</param>
    /// <param name="parameters">The parameters <paramref name="condition"/> uses.</param>
    public Task<int> MandatesAsync(DbSession session, long runId, string action, string condition, object parameters) =>
        session.Connection.ExecuteAsync(database.BulkCommand($"""
            INSERT INTO import_changes (run_id, entity, entity_id, action, end_date, end_run_id, group_code, group_label)
            SELECT @JournalRun, '{Mandate}', id, @JournalAction, end_date, end_run_id, group_code, group_label
            FROM mandates WHERE ({condition}) AND COALESCE(first_run_id, 0) <> @JournalRun
            """, With(parameters, runId, action), session.Transaction!, session.CancellationToken));

    /// <summary>
    /// The columns of a contact point (<c>contact_points</c>, <c>commune_contacts</c>) an import may change: all are
    /// journalled, so a revert puts back a value's retirement, its run and its description as they were.
    /// </summary>
    public const string ContactColumns =
        "last_seen_utc, retired_utc, retired_run_id, source_date, contact_use, label, street, postal_code, city, latitude, longitude";

    /// <summary>Journals the contact points of <paramref name="table"/> about to change, as <paramref name="entity"/>.</summary>
    /// <param name="table">contact_points or commune_contacts, and <paramref name="entity"/> its entity, constants never from input.</param>
    /// <param name="condition">Constant SQL over the columns of <paramref name="table"/>, never user input.</param>
    public Task<int> ContactsAsync(DbSession session, long runId, string table, string entity, string action, string condition, object parameters) =>
        session.Connection.ExecuteAsync(database.BulkCommand($"""
            INSERT INTO import_changes (run_id, entity, entity_id, action, {ContactColumns})
            SELECT @JournalRun, '{entity}', id, @JournalAction, {ContactColumns}
            FROM {table} WHERE ({condition}) AND COALESCE(first_run_id, 0) <> @JournalRun
            """, With(parameters, runId, action), session.Transaction!, session.CancellationToken));

    private static DynamicParameters With(object parameters, long runId, string action)
    {
        var all = new DynamicParameters(parameters);
        all.Add("JournalRun", runId);
        all.Add("JournalAction", action);
        return all;
    }
}
