using CampaignDesk.Core.Data;
using CampaignDesk.Core.Users;

namespace CampaignDesk.Core.Interactions;

/// <summary>
/// The outreach log's writes, one named operation each with its SQL beside it, in the caller's unit of work. Who may
/// write, and what a write does to campaigns and follow-ups, is <see cref="InteractionService"/>'s and
/// <see cref="Outreach.OutreachEffects"/>'s business; reads for pages and exports are <see cref="InteractionQueries"/>.
/// </summary>
public sealed class InteractionStore(TimeProvider time)
{
    /// <summary>Inserts a checked, normalised interaction; its id.</summary>
    public Task<long> InsertAsync(DbSession session, Caller caller, InteractionInput input) =>
        session.InsertAsync("interactions",
            "organisation_id, official_id, campaign_id, channel, direction, occurred_utc, outcome, notes, confidential, logged_by_user_id, logged_by, created_utc",
            "@OrganisationId, @OfficialId, @CampaignId, @Channel, @Direction, @Occurred, @Outcome, @Notes, @Confidential, @UserId, @LoggedBy, @Now", new
            {
                input.OrganisationId,
                input.OfficialId,
                input.CampaignId,
                input.Channel,
                input.Direction,
                Occurred = input.OccurredAt!.Value.UtcDateTime,
                input.Outcome,
                input.Notes,
                input.Confidential,
                caller.UserId,
                LoggedBy = caller.DisplayName,
                Now = time.GetUtcNow().UtcDateTime,
            });

    /// <summary>Corrects what may change of an interaction (never whom it was with, nor for which organisation).</summary>
    public Task<int> CorrectAsync(DbSession session, long id, InteractionInput merged) =>
        session.ExecuteAsync("""
            UPDATE interactions SET campaign_id = @CampaignId, channel = @Channel, direction = @Direction, occurred_utc = @Occurred,
                outcome = @Outcome, notes = @Notes, confidential = @Confidential
            WHERE id = @id
            """, new
        {
            merged.CampaignId,
            merged.Channel,
            merged.Direction,
            Occurred = merged.OccurredAt!.Value.UtcDateTime,
            merged.Outcome,
            merged.Notes,
            merged.Confidential,
            id,
        });

    /// <summary>One interaction as stored, whoever may see it (the service checks).</summary>
    public Task<Interaction?> GetAsync(DbSession session, long id) => InteractionQueries.GetAsync(session, id);
}
