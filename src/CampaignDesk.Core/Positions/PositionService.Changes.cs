using System.Data.Common;
using CampaignDesk.Core.Campaigns;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Outreach;
using CampaignDesk.Core.Users;
using Dapper;

namespace CampaignDesk.Core.Positions;

/// <summary>Corrections and withdrawals, by the position's author, its organisation's coordinators or an admin; audited.</summary>
public sealed partial class PositionService
{
    /// <summary>
    /// Corrects what a position says — kind, date, stance, summary, source, cited interactions — never whose it is, on which
    /// campaign nor for which organisation (that is another position). Fields left out keep their value; the coverage and
    /// the official's stance follow at once.
    /// </summary>
    public Task<Outcome<Position>> UpdateAsync(Caller caller, long id, PositionInput change, CancellationToken cancellationToken) =>
        database.WriteAsync(async session =>
        {
            var current = await CurrentAsync(session, caller, id);
            if (current is null)
            {
                return Outcome<Position>.NotFound();
            }

            if (Refusal(caller, current) is { } refused)
            {
                return refused;
            }

            var errors = new Errors();
            foreach (var (field, changed) in new[]
            {
                ("officialId", change.OfficialId is { } official && official != current.OfficialId),
                ("campaignId", change.CampaignId is { } campaign && campaign != current.CampaignId),
                ("organisationId", change.OrganisationId is { } organisation && organisation != current.OrganisationId),
            })
            {
                if (changed)
                {
                    errors.Add(field, Messages.PositionPartiesImmutable);
                }
            }

            var merged = new PositionInput(current.OfficialId, current.CampaignId, change.Kind ?? current.Kind, change.StatedOn ?? current.StatedOn,
                change.Stance ?? current.Stance, change.Summary ?? current.Summary, change.Source ?? current.Source, current.OrganisationId,
                change.InteractionIds);
            Validate(merged, errors);
            var cited = change.InteractionIds?.Distinct().ToArray() ?? [];
            await CheckCitedAsync(session, caller, current.OfficialId, cited, errors);
            if (errors.Any)
            {
                return Outcome<Position>.Invalid(errors);
            }

            var saved = await session.ExecuteAsync("""
                UPDATE positions SET kind = @Kind, stated_on = @StatedOn, stance = @Stance, summary = @Summary, source = @Source,
                    version = version + 1, updated_utc = @Now
                WHERE id = @Id AND version = @Version AND withdrawn_utc IS NULL
                """, new
            {
                Kind = merged.Kind!.Trim().ToLowerInvariant(),
                StatedOn = IsoDate.Format(merged.StatedOn),
                Stance = merged.Stance!.Trim().ToLowerInvariant(),
                Summary = merged.Summary!.Trim(),
                Source = string.IsNullOrWhiteSpace(merged.Source) ? null : merged.Source.Trim(),
                Now = time.GetUtcNow().UtcDateTime,
                current.Id,
                current.Version,
            });
            if (saved == 0)
            {
                return Outcome<Position>.Conflict(Messages.PositionChangedConcurrently);
            }

            if (change.InteractionIds is not null)
            {
                // Only the links the caller sees are replaced: a confidential interaction of another organisation stays cited.
                var visible = current.InteractionIds.ToArray();
                await session.ExecuteAsync(
                    $"DELETE FROM position_interactions WHERE position_id = @id AND {database.Dialect.InList("interaction_id", "visible")}",
                    new { id, visible });
                await session.ExecuteAsync("INSERT INTO position_interactions (position_id, interaction_id) VALUES (@id, @interactionId)",
                    cited.Select(interactionId => new { id, interactionId }));
            }

            return await SavedAsync(session, caller, current, "update");
        }, cancellationToken);

    /// <summary>
    /// Withdraws a position: it stays, with who withdrew it and when, but no longer counts (coverage, stance, timeline). A
    /// second withdrawal changes nothing.
    /// </summary>
    public Task<Outcome<Position>> WithdrawAsync(Caller caller, long id, CancellationToken cancellationToken) =>
        database.WriteAsync(async session =>
        {
            var current = await CurrentAsync(session, caller, id);
            if (current is null)
            {
                return Outcome<Position>.NotFound();
            }

            if (current.WithdrawnUtc is not null)
            {
                return Refusal(caller, current, allowWithdrawn: true) ?? Outcome<Position>.Ok(current);
            }

            if (Refusal(caller, current) is { } refused)
            {
                return refused;
            }

            var now = time.GetUtcNow().UtcDateTime;
            await session.ExecuteAsync("""
                UPDATE positions SET withdrawn_utc = @now, withdrawn_by_user_id = @UserId, withdrawn_by = @Name, version = version + 1, updated_utc = @now
                WHERE id = @id AND withdrawn_utc IS NULL
                """, new { now, caller.UserId, Name = caller.DisplayName, id });
            return await SavedAsync(session, caller, current, "withdraw");
        }, cancellationToken);

    private static async Task<Position?> CurrentAsync(DbSession session, Caller caller, long id) =>
        (await ReadAsync(session, caller, "p.id = @id", new { id })).SingleOrDefault();

    private async Task<Outcome<Position>> SavedAsync(DbSession session, Caller caller, Position before, string action)
    {
        await effects.ProgressChangedAsync(session, before.CampaignId, before.OfficialId);
        var after = (await CurrentAsync(session, caller, before.Id))!;
        await audit.RecordAsync(session, caller, action, "position", before.Id, before.OrganisationId, before, after);
        return Outcome<Position>.Ok(after);
    }

    /// <summary>
    /// Its author while they still act for its organisation, the organisation's coordinators, and admins may change a
    /// position; a withdrawn one is history and changes no more.
    /// </summary>
    private static Outcome<Position>? Refusal(Caller caller, Position position, bool allowWithdrawn = false)
    {
        var author = caller.UserId is not null && caller.UserId == position.ConfirmedByUserId
            && (position.OrganisationId is not { } organisation || caller.ActsFor(organisation));
        var coordinator = position.OrganisationId is { } own ? caller.Coordinates(own) : caller.IsAdmin;
        if (!author && !coordinator)
        {
            return Outcome<Position>.Forbidden(Messages.PositionCorrectForbidden);
        }

        return position.WithdrawnUtc is not null && !allowWithdrawn ? Outcome<Position>.Conflict(Messages.PositionWithdrawn) : null;
    }
}
