using CampaignDesk.Core.Audit;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Outreach;
using CampaignDesk.Core.Positions;
using CampaignDesk.Core.Users;

namespace CampaignDesk.Core.Replies;

/// <summary>
/// The answers waiting for a stance. A mailbox's messages are its organisation's: its members and the admins see
/// and decide them; to anyone else they do not exist.
/// </summary>
public sealed class TriageService(Database database, AuditLog audit, OutreachEffects effects, TimeProvider time)
{
    public const int MaxItems = 500;

    private readonly TriageStore _store = new(time);

    /// <summary>Oldest first: the queue is worked from its end.</summary>
    public async Task<IReadOnlyList<TriageItem>> WaitingAsync(Caller caller, CancellationToken cancellationToken)
    {
        var visible = caller.OrganisationIds.Where(caller.ActsFor).ToArray();
        if (!caller.IsAdmin && visible.Length == 0)
        {
            return [];
        }

        return await database.ReadAsync(session => TriageStore.WaitingAsync(session, caller.IsAdmin ? null : visible, MaxItems), cancellationToken);
    }

    public Task<Outcome<TriageItem>> DecideAsync(Caller caller, long id, TriageDecision decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var errors = new Errors();
        var dismiss = decision.Dismiss == true;
        var stance = dismiss ? null : errors.OneOf(decision.Stance, "stance", PositionLists.Stances);
        var summary = decision.Summary?.Trim();
        if (!dismiss && summary is not { Length: > 0 and <= 4000 })
        {
            errors.Add("summary", Messages.TriageSummaryInvalid);
        }

        return database.WriteAsync(async session =>
        {
            var item = await TriageStore.GetAsync(session, id);
            if (item is null || !caller.ActsFor(item.OrganisationId))
            {
                return Outcome<TriageItem>.NotFound();
            }

            if (errors.Any)
            {
                return Outcome<TriageItem>.Invalid(errors);
            }

            if (!await _store.MarkTriagedAsync(session, caller, id, dismiss))
            {
                return Outcome<TriageItem>.Conflict(Messages.AlreadyTriaged);
            }

            if (!dismiss)
            {
                var before = await _store.ConfirmStanceAsync(session, caller, item.PositionId, stance!, summary!);
                await effects.ProgressChangedAsync(session, item.CampaignId, item.OfficialId);
                await audit.RecordAsync(session, caller, "update", "position", item.PositionId, item.OrganisationId,
                    new { before.Stance, before.Summary, before.ConfirmedBy }, new { Stance = stance, Summary = summary, ConfirmedBy = caller.DisplayName });
            }

            return Outcome<TriageItem>.Ok((await TriageStore.GetAsync(session, id))!);
        }, cancellationToken);
    }
}
