using System.Data.Common;
using CampaignDesk.Core.Audit;
using CampaignDesk.Core.Campaigns;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Observability;
using CampaignDesk.Core.Outreach;
using CampaignDesk.Core.Users;
using Dapper;

namespace CampaignDesk.Core.Interactions;

/// <summary>
/// The outreach log. Anyone acting for an organisation logs its contacts; a confidential interaction is seen only
/// by its organisation's members and admins — to everyone else it does not exist (a 404, not a 403).
/// </summary>
/// <param name="metrics">Counts what is logged (null where a test builds the service by hand).</param>
public sealed class InteractionService(Database database, InteractionStore store, AuditLog audit, Coordination coordination, CampaignRules rules,
    OutreachEffects effects, TimeProvider time,
    CampaignDeskMetrics? metrics = null)
{
    private readonly InteractionQueries _queries = new(database);

    public async Task<Outcome<Interaction>> LogAsync(Caller caller, InteractionInput input, CancellationToken cancellationToken) =>
        await database.WriteAsync(session => LogAsync(session, caller, input), cancellationToken);

    /// <summary>Validates and logs in the caller's unit of work (a task's completion, a sent follow-up log their interaction this way).</summary>
    internal async Task<Outcome<Interaction>> LogAsync(DbSession session, Caller caller, InteractionInput input)
    {
        var errors = new Errors();
        input = Normalise(input, errors);
        if (errors.Any)
        {
            return Outcome<Interaction>.Invalid(errors);
        }

        if (!caller.ActsFor(input.OrganisationId!.Value))
        {
            return Outcome<Interaction>.Forbidden(Messages.InteractionMembersOnly);
        }

        await session.RequireRowAsync("officials", input.OfficialId, "officialId", errors);
        await session.RequireRowAsync("organisations", input.OrganisationId, "organisationId", errors);
        await session.RequireRowAsync("campaigns", input.CampaignId, "campaignId", errors);
        if (!errors.Any)
        {
            await rules.RequireParticipantAsync(session, input.CampaignId, input.OrganisationId, errors);
        }

        if (errors.Any)
        {
            return Outcome<Interaction>.Invalid(errors);
        }

        var id = await store.InsertAsync(session, caller, input);
        await effects.ContactChangedAsync(session, input.CampaignId, input.OfficialId!.Value, AnswerRule.Came(input.Direction, input.Outcome));

        var interaction = (await store.GetAsync(session, id))!;
        await audit.RecordAsync(session, caller, "create", "interaction", id, interaction.OrganisationId, null, interaction);
        var others = await coordination.OthersRecentlyAsync(session, caller, interaction.OfficialId, interaction.OrganisationId,
            interaction.CampaignId);
        metrics?.InteractionLogged(interaction.Channel, interaction.Direction);
        return Outcome<Interaction>.Ok(interaction with { OthersRecently = others });
    }

    /// <summary>
    /// Corrects an interaction: its channel, direction, time, outcome, notes, campaign or confidentiality — not whom it
    /// was with nor for which organisation (that is another interaction). Its author while they still act for the
    /// organisation, the organisation's coordinators and admins may; the change is audited with before and after.
    /// </summary>
    public Task<Outcome<Interaction>> UpdateAsync(Caller caller, long id, InteractionInput change, CancellationToken cancellationToken) =>
        database.WriteAsync(async session =>
        {
            var current = await store.GetAsync(session, id);
            if (current is null || !caller.MaySee(current.OrganisationId, current.Confidential))
            {
                return Outcome<Interaction>.NotFound();
            }

            var author = caller.UserId is not null && caller.UserId == current.LoggedByUserId && caller.ActsFor(current.OrganisationId);
            if (!author && !caller.Coordinates(current.OrganisationId))
            {
                return Outcome<Interaction>.Forbidden(Messages.InteractionCorrectForbidden);
            }

            var errors = new Errors();
            if ((change.OrganisationId ?? current.OrganisationId) != current.OrganisationId || (change.OfficialId ?? current.OfficialId) != current.OfficialId)
            {
                errors.Add(change.OfficialId is null ? "organisationId" : "officialId", Messages.InteractionPartiesImmutable);
            }

            var merged = Normalise(new InteractionInput(current.OrganisationId, current.OfficialId, change.CampaignId ?? current.CampaignId,
                change.Channel ?? current.Channel, change.Direction ?? current.Direction, change.OccurredAt ?? new DateTimeOffset(current.OccurredUtc, TimeSpan.Zero),
                change.Outcome ?? current.Outcome, change.Notes ?? current.Notes, change.Confidential ?? current.Confidential), errors);
            await session.RequireRowAsync("campaigns", merged.CampaignId, "campaignId", errors);
            if (!errors.Any)
            {
                await rules.RequireParticipantAsync(session, merged.CampaignId, current.OrganisationId, errors);
            }

            if (errors.Any)
            {
                return Outcome<Interaction>.Invalid(errors);
            }

            await store.CorrectAsync(session, id, merged);
            // Logged as sent, corrected to replied when the answer came: the follow-ups stop then too.
            await effects.ContactChangedAsync(session, merged.CampaignId, current.OfficialId, AnswerRule.Came(merged.Direction, merged.Outcome));
            if (current.CampaignId != merged.CampaignId)
            {
                await effects.ProgressChangedAsync(session, current.CampaignId, current.OfficialId);
            }

            var updated = (await store.GetAsync(session, id))!;
            if (updated != current)
            {
                await audit.RecordAsync(session, caller, "update", "interaction", id, current.OrganisationId, current, updated);
            }

            return Outcome<Interaction>.Ok(updated);
        }, cancellationToken);

    public Task<Outcome<Interaction>> GetAsync(Caller caller, long id, CancellationToken cancellationToken) =>
        _queries.GetAsync(caller, id, cancellationToken);

    /// <summary>Newest first, with the confidential interactions of other organisations left out.</summary>
    public Task<Page<Interaction>> SearchAsync(Caller caller, InteractionQuery query, CancellationToken cancellationToken) =>
        _queries.SearchAsync(caller, query, cancellationToken);

    /// <summary>The outreach log as rows to export (see <see cref="InteractionQueries.Export"/>).</summary>
    public Exports.ExportTable Export(Caller caller, InteractionQuery query) => _queries.Export(caller, query);

    /// <summary>The input with every rule checked, lists in lower case, defaults filled in (outbound, now, shared).</summary>
    private InteractionInput Normalise(InteractionInput input, Errors errors)
    {
        var channel = errors.OneOf(input.Channel, "channel", InteractionLists.Channels);
        var outcome = errors.OneOf(input.Outcome, "outcome", InteractionLists.Outcomes);
        var direction = errors.OneOf(input.Direction ?? "outbound", "direction", InteractionLists.Directions);
        if (input.OrganisationId is null)
        {
            errors.Add("organisationId", Messages.InteractionOrganisationRequired);
        }

        if (input.OfficialId is null)
        {
            errors.Add("officialId", Messages.InteractionOfficialRequired);
        }

        var now = time.GetUtcNow();
        var occurred = input.OccurredAt ?? now;
        if (occurred > now.AddMinutes(5) || occurred.Year < 2000)
        {
            errors.Add("occurredAt", Messages.OccurredAtInvalid);
        }

        if (input.Notes is { Length: > InteractionLists.MaxNotesLength })
        {
            errors.Add("notes", Messages.NotesTooLong, InteractionLists.MaxNotesLength);
        }

        return input with
        {
            Channel = channel,
            Outcome = outcome,
            Direction = direction,
            OccurredAt = occurred,
            Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim(),
            Confidential = input.Confidential ?? false,
        };
    }
}
