using CampaignDesk.Core.Data;
using CampaignDesk.Core.Users;
using Dapper;
using Microsoft.Extensions.Options;

namespace CampaignDesk.Core.Interactions;

public sealed class CoordinationOptions
{
    public const string SectionName = "Coordination";

    /// <summary>How far back other organisations' contacts with the same official are shown when logging or planning one.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromDays(7);
}

/// <summary>
/// So twenty structures do not write to the same député the same week while others stay untouched: logging or planning
/// a contact returns the other organisations' recent contacts with that official on the campaign. A warning, never a
/// refusal; other organisations' confidential contacts are left out (their existence is theirs to share).
/// </summary>
public sealed class Coordination(IOptions<CoordinationOptions> options, TimeProvider time)
{
    private const int Max = 20;

    internal async Task<IReadOnlyList<RecentContact>> OthersRecentlyAsync(DbSession session, Caller caller, long officialId, long organisationId,
        long? campaignId)
    {
        if (campaignId is null)
        {
            return [];
        }

        var rows = await session.QueryAsync<Row>($"""
            SELECT i.organisation_id, g.name AS organisation_name, i.occurred_utc, i.channel, i.outcome, i.confidential
            FROM interactions i JOIN organisations g ON g.id = i.organisation_id
            WHERE i.official_id = @officialId AND i.campaign_id = @campaignId AND i.organisation_id <> @organisationId AND i.occurred_utc >= @Since
            ORDER BY i.occurred_utc DESC {session.Dialect.Paging}
            """, new { officialId, campaignId, organisationId, Since = time.GetUtcNow().UtcDateTime - options.Value.Window, Skip = 0, Take = Max * 2 });
        return rows.Where(r => caller.MaySee(r.OrganisationId, r.Confidential)).Take(Max)
            .Select(r => new RecentContact(r.OrganisationId, r.OrganisationName, r.OccurredUtc, r.Channel, r.Outcome)).ToList();
    }

    private sealed class Row
    {
        public long OrganisationId { get; init; }
        public string OrganisationName { get; init; } = "";
        public DateTime OccurredUtc { get; init; }
        public string Channel { get; init; } = "";
        public string Outcome { get; init; } = "";
        public bool Confidential { get; init; }
    }
}
