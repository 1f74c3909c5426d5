using CampaignDesk.Core.Data;

namespace CampaignDesk.Core.FollowUps;

/// <summary>
/// The follow-ups waiting to leave, and the transitions between their states (<see cref="FollowUpStates"/>), each a named
/// operation in the caller's unit of work.
/// </summary>
public sealed class FollowUpOutbox(TimeProvider time)
{
    /// <summary>
    /// An answer came (a reply, a position): the scheduled follow-ups to that official on that campaign are cancelled, and
    /// one being sent right now is marked so that it is cancelled rather than retried if this send fails.
    /// </summary>
    public async Task<int> CancelPendingAsync(DbSession session, long? campaignId, long officialId, string reason) =>
        campaignId is null ? 0 : await session.ExecuteAsync($"""
            UPDATE followups SET state = CASE WHEN state = '{FollowUpStates.Scheduled}' THEN '{FollowUpStates.Cancelled}' ELSE state END,
                                 cancelled_utc = CASE WHEN state = '{FollowUpStates.Scheduled}' THEN @nowUtc ELSE cancelled_utc END,
                                 cancel_reason = @reason, updated_utc = @nowUtc
            WHERE official_id = @officialId AND campaign_id = @campaignId AND state IN ('{FollowUpStates.Scheduled}', '{FollowUpStates.Claimed}')
            """, new { officialId, campaignId, reason, nowUtc = time.GetUtcNow().UtcDateTime });
}
