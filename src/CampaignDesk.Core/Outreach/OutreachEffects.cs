using CampaignDesk.Core.Campaigns;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.FollowUps;

namespace CampaignDesk.Core.Outreach;

/// <summary>
/// What a change to the outreach log does beyond its own row, in the same unit of work: the campaign's progress for that
/// official is recomputed, and an answer (a reply, a position) cancels the follow-ups still waiting for that official on
/// that campaign. Interactions, positions, the triage of replies and the sent-mail path all come through here.
/// </summary>
public sealed class OutreachEffects(CampaignProgress progress, FollowUpOutbox outbox)
{
    /// <summary>An interaction was logged or corrected; <paramref name="answered"/> when it records an answer (<c>AnswerRule</c>).</summary>
    public async Task ContactChangedAsync(DbSession session, long? campaignId, long officialId, bool answered)
    {
        await progress.RefreshAsync(session, campaignId, officialId);
        if (answered)
        {
            await outbox.CancelPendingAsync(session, campaignId, officialId, "reply");
        }
    }

    /// <summary>A position was recorded: it counts in the campaign's progress and, being an answer, stops the follow-ups.</summary>
    public async Task PositionRecordedAsync(DbSession session, long? campaignId, long officialId)
    {
        await progress.RefreshAsync(session, campaignId, officialId);
        await outbox.CancelPendingAsync(session, campaignId, officialId, "position");
    }

    /// <summary>A position or a triaged reply changed what the campaign's progress shows, without a new answer.</summary>
    public Task ProgressChangedAsync(DbSession session, long? campaignId, long officialId) => progress.RefreshAsync(session, campaignId, officialId);
}
