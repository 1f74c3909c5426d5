using CampaignDesk.Core.Data;
using CampaignDesk.Core.Interactions;
using Dapper;

namespace CampaignDesk.Core.Campaigns;

/// <summary>
/// Keeps <c>campaign_progress</c> and <c>campaign_contacts</c> (see migrations 0008 and 0017) in step with the outreach log and the
/// positions: every write that touches an official on a campaign recomputes that official's rows from the source
/// tables, in the writer's transaction, so the summary is never ahead of or behind what was committed.
/// </summary>
/// <remarks>
/// Recomputing (rather than adding to counters) keeps corrections right: an interaction moved to another campaign or
/// whose outcome changes from replied to sent leaves no trace. A named lock per campaign and official serialises two
/// writers on the same pair, so on PostgreSQL and SQL Server the second one reads the first one's committed rows.
/// </remarks>
public sealed class CampaignProgress
{
    private static readonly string NotReached = string.Join(", ", InteractionLists.NotReached.Select(o => $"'{o}'"));

    /// <summary>Recomputes one official's rows on one campaign (none when the write has no campaign).</summary>
    public async Task RefreshAsync(DbSession session, long? campaignId, long officialId)
    {
        if (campaignId is null)
        {
            return;
        }

        await session.Dialect.LockAsync(session.Connection, session.Transaction!, $"campaign-progress:{campaignId}:{officialId}", session.CancellationToken);
        await session.ExecuteAsync(Sql("campaign_id = @CampaignId AND official_id = @OfficialId"),
            new { CampaignId = campaignId, OfficialId = officialId, Shared = false });
    }

    /// <summary>Recomputes a whole campaign in a write of its own (after a bulk load that bypassed the services, as the benchmark does).</summary>
    public Task<int> RebuildAsync(Database database, long campaignId, CancellationToken cancellationToken) =>
        database.BulkWriteAsync(session => session.Connection.ExecuteAsync(database.BulkCommand(Sql("campaign_id = @CampaignId"),
            new { CampaignId = campaignId, Shared = false }, session.Transaction!, cancellationToken)), _ => true, cancellationToken);

    private static string Sql(string filter) => $"""
        DELETE FROM campaign_contacts WHERE {filter};
        INSERT INTO campaign_contacts (campaign_id, organisation_id, official_id, last_contact_utc, last_shared_contact_utc)
        SELECT campaign_id, organisation_id, official_id, MAX(occurred_utc), MAX(CASE WHEN confidential = @Shared THEN occurred_utc END)
        FROM interactions WHERE {filter}
        GROUP BY campaign_id, organisation_id, official_id;
        DELETE FROM campaign_progress WHERE {filter};
        INSERT INTO campaign_progress (campaign_id, official_id, last_contact_utc, last_shared_contact_utc, reached, replied, stance)
        SELECT k.campaign_id, k.official_id, a.last_contact_utc, a.last_shared_contact_utc, COALESCE(a.reached, 0), COALESCE(a.replied, 0), NULL
        FROM (SELECT campaign_id, official_id FROM interactions WHERE {filter}
              UNION SELECT campaign_id, official_id FROM positions WHERE {filter} AND withdrawn_utc IS NULL) k
        LEFT JOIN (SELECT campaign_id, official_id, MAX(occurred_utc) AS last_contact_utc,
                          MAX(CASE WHEN confidential = @Shared THEN occurred_utc END) AS last_shared_contact_utc,
                          MAX(CASE WHEN outcome NOT IN ({NotReached}) THEN 1 ELSE 0 END) AS reached,
                          MAX(CASE WHEN {AnswerRule.Sql()} THEN 1 ELSE 0 END) AS replied
                   FROM interactions WHERE {filter} GROUP BY campaign_id, official_id) a
               ON a.campaign_id = k.campaign_id AND a.official_id = k.official_id;
        UPDATE campaign_progress SET stance =
            (SELECT p.stance FROM positions p
             WHERE p.campaign_id = campaign_progress.campaign_id AND p.official_id = campaign_progress.official_id AND p.withdrawn_utc IS NULL
               AND NOT EXISTS (SELECT 1 FROM positions q WHERE q.campaign_id = p.campaign_id AND q.official_id = p.official_id AND q.withdrawn_utc IS NULL
                                 AND (q.stated_on > p.stated_on OR (q.stated_on = p.stated_on AND q.id > p.id))))
        WHERE {filter};
        """;
}
