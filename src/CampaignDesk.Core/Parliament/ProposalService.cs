using System.Globalization;
using System.Text.Json;
using CampaignDesk.Core.Audit;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Positions;
using CampaignDesk.Core.Users;

namespace CampaignDesk.Core.Parliament;

/// <summary>
/// The proposed positions in the triage queue. The members of the organisations taking part in a campaign (and admins) see
/// its proposals; a coordinator of one of them (or an admin) accepts one with a stance — it is recorded as an ordinary
/// position, for their organisation, and counts in coverage — or dismisses it, and it never comes back. Nothing becomes a
/// stance by itself.
/// </summary>
public sealed class ProposalService(Database database, AuditLog audit, PositionService positions, TimeProvider time)
{
    public const int MaxItems = 500;

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>Oldest statement first, at most <see cref="MaxItems"/>; waiting ones unless <paramref name="state"/> says otherwise.</summary>
    public async Task<IReadOnlyList<Proposal>> ListAsync(Caller caller, long? campaignId, string? state, CancellationToken cancellationToken)
    {
        var visible = caller.IsAdmin ? null : caller.OrganisationIds.Where(caller.ActsFor).ToArray();
        if (visible is { Length: 0 })
        {
            return [];
        }

        return await database.ReadAsync(session => ProposalQueries.ListAsync(session, visible, campaignId, state ?? "waiting", MaxItems), cancellationToken);
    }

    public Task<Outcome<Proposal>> DecideAsync(Caller caller, long id, ProposalDecision decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var dismiss = decision.Dismiss == true;
        return database.WriteAsync(async session =>
        {
            var proposal = await ProposalQueries.GetAsync(session, id);
            var participants = proposal is null ? [] : await session.QueryAsync<long>(
                "SELECT organisation_id FROM campaign_organisations WHERE campaign_id = @CampaignId", new { proposal.CampaignId });
            if (proposal is null || (!caller.IsAdmin && !participants.Any(caller.ActsFor)))
            {
                return Outcome<Proposal>.NotFound();
            }

            var coordinated = participants.Where(caller.Coordinates).ToList();
            if (!caller.IsAdmin && coordinated.Count == 0)
            {
                return Outcome<Proposal>.Forbidden(Messages.ProposalForbidden);
            }

            if (proposal.State != "waiting")
            {
                return Outcome<Proposal>.Conflict(Messages.ProposalAlreadyDecided);
            }

            long? positionId = null;
            if (!dismiss)
            {
                var stance = decision.Stance ?? proposal.SuggestedStance;
                if (stance is null)
                {
                    return Outcome<Proposal>.Invalid("stance", Messages.ProposalStanceRequired);
                }

                var organisation = decision.OrganisationId ?? (caller.IsAdmin ? null : coordinated[0]);
                var recorded = await positions.RecordAsync(session, caller, new PositionInput(proposal.OfficialId, proposal.CampaignId,
                    ParliamentKinds.PositionKind(proposal.Kind), proposal.StatedOn, stance,
                    string.IsNullOrWhiteSpace(decision.Summary) ? Summary(proposal) : decision.Summary, proposal.Url, organisation, null));
                if (!recorded.IsOk)
                {
                    return recorded.As<Proposal>();
                }

                positionId = recorded.Value!.Id;
            }

            if (!await ProposalQueries.MarkDecidedAsync(session, caller, id, dismiss ? "dismissed" : "accepted", positionId,
                time.GetUtcNow().UtcDateTime))
            {
                return Outcome<Proposal>.Conflict(Messages.ProposalAlreadyDecided);
            }

            var after = (await ProposalQueries.GetAsync(session, id))!;
            await audit.RecordAsync(session, caller, dismiss ? "dismiss" : "accept", "position_proposal", id, decision.OrganisationId,
                new { proposal.State }, new { after.State, after.PositionId });
            return Outcome<Proposal>.Ok(after);
        }, cancellationToken);
    }

    /// <summary>What the position says when the coordinator writes no summary: the item, its date and its outcome.</summary>
    internal static string Summary(Proposal proposal)
    {
        var what = proposal.Kind switch
        {
            ParliamentKinds.Vote => $"A voté « {proposal.Role} » au {Lower(proposal.Title)}",
            ParliamentKinds.Amendment => $"{proposal.Title}",
            ParliamentKinds.WrittenQuestion => $"Question écrite : {proposal.Title}",
            ParliamentKinds.GovernmentQuestion => $"Question au Gouvernement : {proposal.Title}",
            _ => $"Question orale sans débat : {proposal.Title}",
        };
        var text = string.Create(French, $"{what} ({proposal.StatedOn:d MMMM yyyy}{(proposal.Status is null ? "" : ", " + proposal.Status)}).");
        return text.Length <= 4000 ? text : text[..3999] + "…";
    }

    private static string Lower(string title) => title.Length == 0 ? title : char.ToLowerInvariant(title[0]) + title[1..];

    internal static IReadOnlyList<int[]> Highlights(string json) => JsonSerializer.Deserialize<int[][]>(json) ?? [];
}
