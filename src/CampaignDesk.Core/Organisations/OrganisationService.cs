using CampaignDesk.Core.Audit;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Territories;
using CampaignDesk.Core.Users;

namespace CampaignDesk.Core.Organisations;

/// <summary>
/// Creates and changes organisations: field rules, a circonscription the commune lies in, parent links that
/// exist and form no cycle — checked and written in one locked transaction — and optimistic concurrency.
/// </summary>
public sealed class OrganisationService(Database database, OrganisationStore store, TerritoryQueries territories, AuditLog audit)
{
    public const int MaxParents = 50;
    private const int MaxAttempts = 3;

    /// <summary>Admins create organisations (the coalition's members are its lead's call).</summary>
    public async Task<Outcome<Organisation>> CreateAsync(Caller caller, OrganisationFields input, CancellationToken cancellationToken)
    {
        if (!caller.IsAdmin)
        {
            return Outcome<Organisation>.Forbidden(Messages.OrganisationsCreatedByAdmins);
        }

        var errors = new Errors();
        var fields = OrganisationValidator.Normalise(input, errors);
        await CheckCirconscriptionAsync(fields, errors, cancellationToken);
        if (errors.Any)
        {
            return Outcome<Organisation>.Invalid(errors);
        }

        return await database.WriteAsync(async session =>
        {
            await store.LockHierarchyAsync(session);
            await CheckParentsAsync(session, null, fields, errors);
            if (errors.Any)
            {
                return Outcome<Organisation>.Invalid(errors);
            }

            if (await store.TryInsertAsync(session, fields) is not { } id)
            {
                return NameTaken(fields);
            }

            var created = (await store.GetAsync(session, id))!;
            await audit.RecordAsync(session, caller, "create", "organisation", id, id, null, created);
            return Outcome<Organisation>.Ok(created);
        }, cancellationToken);
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the current fields, for its coordinators and admins. With <paramref name="ifMatchVersion"/> the caller's
    /// copy must still be current; without it a concurrent change is re-read and the patch applied again.
    /// A change that changes nothing keeps the version. A stale outcome carries the current organisation as its value.
    /// </summary>
    public async Task<Outcome<Organisation>> UpdateAsync(Caller caller, long id, Func<OrganisationFields, OrganisationFields> change, int? ifMatchVersion,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await store.GetAsync(id, cancellationToken);
            if (current is null)
            {
                return Outcome<Organisation>.NotFound();
            }

            if (!caller.Coordinates(id))
            {
                return Outcome<Organisation>.Forbidden(Messages.OrganisationChangedByCoordinators);
            }

            if (ifMatchVersion is not null && ifMatchVersion != current.Version)
            {
                return Stale(current);
            }

            var errors = new Errors();
            var fields = OrganisationValidator.Normalise(change(current.ToFields()), errors);
            if (!caller.IsAdmin && !string.Equals(fields.Mailbox, current.Mailbox, StringComparison.OrdinalIgnoreCase))
            {
                // Follow-ups leave from this mailbox with the coalition's Graph permission: whoever sets it may send as it.
                return Outcome<Organisation>.Forbidden(Messages.MailboxSetByAdmins);
            }

            await CheckCirconscriptionAsync(fields, errors, cancellationToken);
            if (errors.Any)
            {
                return Outcome<Organisation>.Invalid(errors);
            }

            if (Same(fields, current.ToFields()))
            {
                return Outcome<Organisation>.Ok(current);
            }

            var outcome = await database.WriteAsync(session => SaveAsync(session, caller, current, fields, errors), cancellationToken);
            if (outcome.Status != OutcomeStatus.Stale)
            {
                return outcome;
            }

            if (ifMatchVersion is not null || attempt >= MaxAttempts)
            {
                return Stale((await store.GetAsync(id, cancellationToken))!);
            }
        }
    }

    // Stale here means another write changed the row since it was read: nothing was written.
    private async Task<Outcome<Organisation>> SaveAsync(DbSession session, Caller caller, Organisation current, OrganisationFields fields, Errors errors)
    {
        await store.LockHierarchyAsync(session);
        await CheckParentsAsync(session, current, fields, errors);
        if (errors.Any)
        {
            return Outcome<Organisation>.Invalid(errors);
        }

        switch (await store.UpdateAsync(session, current.Id, current.Version, fields))
        {
            case UpdateOutcome.NameTaken:
                return NameTaken(fields);
            case UpdateOutcome.VersionMismatch:
                return Outcome<Organisation>.Stale(Messages.OrganisationStaleDetail.With(current.Version));
            default:
                var saved = (await store.GetAsync(session, current.Id))!;
                await audit.RecordAsync(session, caller, "update", "organisation", current.Id, current.Id, current, saved);
                return Outcome<Organisation>.Ok(saved);
        }
    }

    /// <summary>The name is taken in that commune: a conflict, named on the field.</summary>
    private static Outcome<Organisation> NameTaken(OrganisationFields fields) => new(OutcomeStatus.Conflict, null, new Dictionary<string, Message[]>
    {
        ["name"] = [fields.CommuneInsee is null
            ? Messages.OrganisationNameTaken.With(fields.Name)
            : Messages.OrganisationNameTakenInCommune.With(fields.Name, fields.CommuneInsee)],
    });

    /// <summary>The caller's copy is not the current one; the value is the current one, whose version the API answers.</summary>
    private static Outcome<Organisation> Stale(Organisation current) =>
        new(OutcomeStatus.Stale, current, Detail: Messages.OrganisationStaleDetail.With(current.Version));

    private static bool Same(OrganisationFields a, OrganisationFields b) =>
        a with { ParentIds = null } == b with { ParentIds = null }
        && (a.ParentIds ?? []).Order().SequenceEqual((b.ParentIds ?? []).Order());

    // A circonscription must be one of those the commune lies in.
    private async Task CheckCirconscriptionAsync(OrganisationFields fields, Errors errors, CancellationToken cancellationToken)
    {
        if (fields.CirconscriptionCode is null || fields.CommuneInsee is null || errors.Any)
        {
            return;
        }

        var candidates = await territories.GetCirconscriptionsAsync(fields.CommuneInsee, cancellationToken);
        if (!candidates.Any(c => c.Code == fields.CirconscriptionCode))
        {
            errors.Add("circonscriptionCode", candidates.Count == 0
                ? Messages.CirconscriptionNoneKnown.With(fields.CommuneInsee)
                : Messages.CirconscriptionNotOfCommune.With(fields.CommuneInsee, candidates.Select(c => c.Code).ToArray(), fields.CirconscriptionCode));
        }
    }

    private async Task CheckParentsAsync(DbSession session, Organisation? current, OrganisationFields fields, Errors errors)
    {
        if (current is not null && current.Type == OrganisationTypes.Federation && fields.Type != OrganisationTypes.Federation
            && await store.HasMembersAsync(session, current.Id))
        {
            errors.Add("type", Messages.FederationHasMembers);
        }

        var parentIds = fields.ParentIds ?? [];
        if (parentIds.Count == 0)
        {
            return;
        }

        if (parentIds.Count > MaxParents)
        {
            errors.Add("parentIds", Messages.ParentsTooMany, MaxParents);
            return;
        }

        if (current is not null && parentIds.Contains(current.Id))
        {
            errors.Add("parentIds", Messages.ParentIsSelf);
            return;
        }

        var types = await store.GetTypesAsync(session, parentIds);
        foreach (var parentId in parentIds)
        {
            if (!types.TryGetValue(parentId, out var type))
            {
                errors.Add("parentIds", Messages.ParentUnknown, parentId);
            }
            else if (type != OrganisationTypes.Federation)
            {
                errors.Add("parentIds", Messages.ParentNotFederation, parentId, type);
            }
        }

        if (current is not null && !errors.Any && (await store.GetAncestorIdsAsync(session, parentIds)).Contains(current.Id))
        {
            errors.Add("parentIds", Messages.ParentsCycle);
        }
    }
}
