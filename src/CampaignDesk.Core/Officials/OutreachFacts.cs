using System.Data.Common;
using CampaignDesk.Core.Campaigns;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.FollowUps;
using CampaignDesk.Core.Tasks;
using Dapper;

namespace CampaignDesk.Core.Officials;

/// <summary>
/// What the pages of a structure and of an official need to propose the next action: which officials a campaign targets,
/// and the organisation's own dealings with each (its last contact, follow-ups planned, open tasks, answers to sort, the
/// numbers and addresses the directory has). Read for a list of officials at once.
/// </summary>
internal static class OutreachFacts
{
    public static async Task<HashSet<long>> TargetsAsync(Database database, DbConnection connection, long campaignId, long[] ids,
        CancellationToken cancellationToken)
    {
        var json = await connection.QuerySingleOrDefaultAsync<string?>(database.Command(
            "SELECT targeting_json FROM campaigns WHERE id = @campaignId", new { campaignId }, cancellationToken: cancellationToken));
        var targeting = CampaignTargeting.FromJson(json) ?? CampaignTargeting.Default;
        var parameters = new DynamicParameters(new { CampaignId = campaignId, ids });
        var matched = targeting.MandatesSql(database.Dialect.InList, parameters);
        return (await connection.QueryAsync<long>(database.Command($"""
            SELECT DISTINCT official_id FROM ({matched}) t WHERE {database.Dialect.InList("t.official_id", "ids")}
            """, parameters, cancellationToken: cancellationToken))).ToHashSet();
    }

    public static async Task<Dictionary<long, OwnDealings>> DealingsAsync(Database database, DbConnection connection, long organisationId,
        long campaignId, long[] ids, CancellationToken cancellationToken)
    {
        var args = new { organisationId, campaignId, ids };
        var inIds = (string column) => database.Dialect.InList(column, "ids");
        var last = (await connection.QueryAsync<(long OfficialId, string Outcome, string Channel)>(database.Command($"""
            SELECT official_id, outcome, channel FROM interactions
            WHERE organisation_id = @organisationId AND campaign_id = @campaignId AND {inIds("official_id")}
            ORDER BY occurred_utc DESC, id DESC
            """, args, cancellationToken: cancellationToken))).DistinctBy(r => r.OfficialId).ToDictionary(r => r.OfficialId);
        var followUps = (await connection.QueryAsync<DueRow>(database.Command($"""
            SELECT official_id, MIN(due_utc) AS due FROM followups
            WHERE organisation_id = @organisationId AND campaign_id = @campaignId AND state IN ('{FollowUpStates.Scheduled}', '{FollowUpStates.Claimed}') AND {inIds("official_id")}
            GROUP BY official_id
            """, args, cancellationToken: cancellationToken))).ToDictionary(r => r.OfficialId, r => r.Due);
        var tasks = (await connection.QueryAsync<(long OfficialId, string Due, string Assignee)>(database.Command($"""
            SELECT t.official_id, t.due_date, COALESCE(u.display_name, u.email) FROM tasks t JOIN users u ON u.id = t.assignee_user_id
            WHERE t.organisation_id = @organisationId AND t.state = '{TaskStates.Open}' AND {inIds("t.official_id")}
            ORDER BY t.due_date
            """, args, cancellationToken: cancellationToken))).DistinctBy(r => r.OfficialId).ToDictionary(r => r.OfficialId);
        var triage = (await connection.QueryAsync<long>(database.Command($"""
            SELECT DISTINCT official_id FROM inbound_messages WHERE organisation_id = @organisationId AND triage = 'waiting' AND {inIds("official_id")}
            """, args, cancellationToken: cancellationToken))).ToHashSet();
        var reachable = (await connection.QueryAsync<(long OfficialId, string Kind)>(database.Command($"""
            SELECT DISTINCT official_id, kind FROM contact_points
            WHERE kind IN ('phone', 'email') AND retired_utc IS NULL AND {inIds("official_id")}
            """, args, cancellationToken: cancellationToken))).ToLookup(r => r.OfficialId, r => r.Kind);

        return ids.Distinct().ToDictionary(id => id, id => new OwnDealings(
            last.TryGetValue(id, out var l) ? l.Outcome : null,
            last.TryGetValue(id, out var c) ? c.Channel : null,
            followUps.TryGetValue(id, out var due) ? due : null,
            tasks.TryGetValue(id, out var t) ? IsoDate.Parse(t.Due) : null,
            tasks.TryGetValue(id, out var a) ? a.Assignee : null,
            triage.Contains(id),
            reachable[id].Contains("phone"),
            reachable[id].Contains("email")));
    }

    // A class, not a tuple: Dapper reads a DateTime through the UTC type handler into properties (SQLite returns text).
    private sealed class DueRow
    {
        public long OfficialId { get; init; }
        public DateTime Due { get; init; }
    }
}
