using CampaignDesk.Core.Audit;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Import;
using CampaignDesk.Core.Users;

namespace CampaignDesk.Core.Parliament;

/// <summary>
/// The votes a campaign marks as meaningful. Marking one proposes a <c>vote</c> position for each member who voted, with
/// the stance that follows (<see cref="VoteStances"/>); changing the recommendation changes the stance the waiting
/// proposals suggest, never a decided one.
/// </summary>
public sealed class VoteRecommendations(Database database, AuditLog audit, ProposalMatcher matcher, TimeProvider time)
{
    private const string Select = """
        SELECT r.campaign_id, i.uid, i.title, i.stated_on, r.recommendation, i.url, r.created_by
        FROM vote_recommendations r JOIN parliament_items i ON i.id = r.item_id
        """;

    public Task<IReadOnlyList<VoteRecommendation>> ListAsync(long campaignId, CancellationToken cancellationToken) =>
        database.ReadAsync(async session => (IReadOnlyList<VoteRecommendation>)[.. (await session.QueryAsync<Row>(
            $"{Select} WHERE r.campaign_id = @campaignId ORDER BY i.stated_on, i.uid", new { campaignId })).Select(r => r.ToRecommendation())],
            cancellationToken);

    public Task<Outcome<VoteRecommendation>> RecommendAsync(Caller caller, long campaignId, string voteUid, string? recommendation,
        CancellationToken cancellationToken)
    {
        var errors = new Errors();
        var value = errors.OneOf(recommendation?.Trim().ToLowerInvariant(), "recommendation", VoteStances.Recommendations);
        return database.WriteAsync(async session =>
        {
            if (await WatchService.RefusalAsync<VoteRecommendation>(session, caller, campaignId) is { } refused)
            {
                return refused;
            }

            var item = await session.FirstOrDefaultAsync<long?>("SELECT id FROM parliament_items WHERE uid = @voteUid AND kind = 'vote'", new { voteUid });
            if (item is null)
            {
                errors.Add("voteUid", Messages.NoVote, voteUid);
            }

            if (errors.Any)
            {
                return Outcome<VoteRecommendation>.Invalid(errors);
            }

            var parameters = new { campaignId, item, value, by = caller.DisplayName, now = time.GetUtcNow().UtcDateTime };
            var before = await session.FirstOrDefaultAsync<string?>(
                "SELECT recommendation FROM vote_recommendations WHERE campaign_id = @campaignId AND item_id = @item", parameters);
            if (before is null)
            {
                await session.ExecuteAsync("""
                    INSERT INTO vote_recommendations (campaign_id, item_id, recommendation, created_by, created_utc)
                    VALUES (@campaignId, @item, @value, @by, @now)
                    """, parameters);
            }
            else
            {
                await session.ExecuteAsync("""
                    UPDATE vote_recommendations SET recommendation = @value, created_by = @by, created_utc = @now
                    WHERE campaign_id = @campaignId AND item_id = @item
                    """, parameters);
                await session.ExecuteAsync($"""
                    UPDATE position_proposals SET suggested_stance = CASE WHEN role = '{ParliamentRoles.Abstention}' THEN 'neutral'
                        WHEN role = @value THEN 'supports' ELSE 'opposes' END
                    WHERE campaign_id = @campaignId AND item_id = @item AND state = 'waiting'
                    """, parameters);
            }

            await session.Dialect.LockAsync(session.Connection, session.Transaction!, ImportReverter.Lock, session.CancellationToken);
            await matcher.ProposeAsync(session, campaignId);
            var after = (await session.SingleOrDefaultAsync<Row>($"{Select} WHERE r.campaign_id = @campaignId AND r.item_id = @item", parameters))!
                .ToRecommendation();
            await audit.RecordAsync(session, caller, before is null ? "create" : "update", "vote_recommendation", item!.Value, null,
                before is null ? null : new { Recommendation = before }, after);
            return Outcome<VoteRecommendation>.Ok(after);
        }, cancellationToken);
    }

    private sealed class Row
    {
        public long CampaignId { get; init; }
        public string Uid { get; init; } = "";
        public string Title { get; init; } = "";
        public string StatedOn { get; init; } = "";
        public string Recommendation { get; init; } = "";
        public string Url { get; init; } = "";
        public string CreatedBy { get; init; } = "";

        public VoteRecommendation ToRecommendation() => new(CampaignId, Uid, Title, IsoDate.Parse(StatedOn)!.Value, Recommendation, Url, CreatedBy);
    }
}
