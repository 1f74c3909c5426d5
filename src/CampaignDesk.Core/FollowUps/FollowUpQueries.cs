using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Users;
using Dapper;

namespace CampaignDesk.Core.FollowUps;

/// <summary>
/// The follow-ups' reads and their SQL: one follow-up, a page of those a caller may see, and what scheduling and batches
/// read (a template, a batch's organisation, officials' names). <see cref="FollowUpOutbox"/> keeps the writes.
/// </summary>
internal sealed class FollowUpQueries(Database database)
{
    internal const string Columns = """
        f.id, f.campaign_id, f.organisation_id, f.official_id, f.template_id, f.from_mailbox, f.to_address, f.to_name, f.subject, f.body,
        f.not_before_utc, f.due_utc, f.window_date, f.state, f.attempts, f.last_error, f.provider_message_id, f.sent_utc, f.cancelled_utc,
        f.cancel_reason, f.source, f.source_interaction_id, f.created_by, f.created_utc, f.department_code, f.correlation_id, f.interaction_id, f.batch_id
        """;

    public static Task<FollowUp?> GetAsync(DbSession session, long id) =>
        session.SingleOrDefaultAsync<FollowUp>($"SELECT {Columns} FROM followups f WHERE f.id = @id", new { id });

    /// <summary>Newest due first: the follow-ups of the organisations the caller acts for (every one for an admin).</summary>
    public Task<Page<FollowUp>> SearchAsync(Caller caller, FollowUpQuery query, CancellationToken cancellationToken)
    {
        var visible = caller.OrganisationIds.Where(caller.ActsFor).ToArray();
        var filters = new List<string>();
        var parameters = new DynamicParameters(new
        {
            query.State,
            query.OrganisationId,
            query.CampaignId,
            query.OfficialId,
            query.BatchId,
            query.Paging.Skip,
            query.Paging.Take,
            visible
        });
        if (!caller.IsAdmin)
        {
            filters.Add(visible.Length == 0 ? "1 = 0" : database.Dialect.InList("f.organisation_id", "visible"));
        }

        foreach (var (value, filter) in new (object?, string)[]
        {
            (query.State, "f.state = @State"), (query.OrganisationId, "f.organisation_id = @OrganisationId"),
            (query.CampaignId, "f.campaign_id = @CampaignId"), (query.OfficialId, "f.official_id = @OfficialId"),
            (query.BatchId, "f.batch_id = @BatchId"),
        })
        {
            if (value is not null)
            {
                filters.Add(filter);
            }
        }

        var where = filters.Count == 0 ? "" : "WHERE " + string.Join(" AND ", filters);
        return database.ReadAsync(async session =>
        {
            var total = await session.ScalarAsync<long>($"SELECT COUNT(*) FROM followups f {where}", parameters);
            var items = await session.QueryAsync<FollowUp>(
                $"SELECT {Columns} FROM followups f {where} ORDER BY f.due_utc DESC, f.id DESC {database.Dialect.Paging}", parameters);
            return new Page<FollowUp>(items, total);
        }, cancellationToken);
    }

    /// <summary>The template a follow-up is scheduled from (Id 0 when there is none).</summary>
    public static Task<(long Id, long CampaignId, string Subject, string Body)> TemplateAsync(DbSession session, long templateId) =>
        session.SingleOrDefaultAsync<(long Id, long CampaignId, string Subject, string Body)>(
            "SELECT id, campaign_id, subject, body FROM templates WHERE id = @templateId", new { templateId });

    /// <summary>The organisation a batch was scheduled for; null when there is no such batch.</summary>
    public static Task<long?> BatchOrganisationAsync(DbSession session, long batchId) =>
        session.SingleOrDefaultAsync<long?>("SELECT organisation_id FROM followup_batches WHERE id = @batchId", new { batchId });

    /// <summary>« First Last » of each of <paramref name="ids"/> the directory has.</summary>
    public static async Task<Dictionary<long, string>> OfficialNamesAsync(DbSession session, long[] ids) =>
        (await session.QueryAsync<(long Id, string FirstName, string LastName)>(
            $"SELECT id, first_name, last_name FROM officials WHERE {session.Dialect.InList("id", "ids")}", new { ids }))
        .ToDictionary(o => o.Id, o => $"{o.FirstName} {o.LastName}");
}
