using CampaignDesk.Core.Audit;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Territories;
using CampaignDesk.Core.Users;

namespace CampaignDesk.Core.Organisations;

/// <summary>
/// Creates and changes organisations: field rules, a circonscription the commune lies in, parent links that
/// exist and form no cycle — checked and written in one locked transaction — and optimistic concurrency.
/// </summary>
public sealed class OrganisationService(OrganisationStore store, TerritoryStore territories, AuditLog audit)
{
    public const int MaxParents = 50;
    private const int MaxAttempts = 3;

    /// <summary>Admins create organisations (the coalition's members are its lead's call).</summary>
    public async Task<SaveResult> CreateAsync(Caller caller, OrganisationFields input, CancellationToken cancellationToken)
    {
        if (!caller.IsAdmin)
        {
            return SaveResult.Forbidden(Messages.OrganisationsCreatedByAdmins);
        }

        var errors = new Errors();
        var fields = OrganisationValidator.Normalise(input, errors);
        await CheckCirconscriptionAsync(fields, errors, cancellationToken);
        if (errors.Any)
        {
            return SaveResult.Invalid(errors);
        }

        var (failure, id) = await store.WriteAsync<(SaveResult?, long)>(async writer =>
        {
            await CheckParentsAsync(writer, null, fields, errors);
            if (errors.Any)
            {
                return (SaveResult.Invalid(errors), 0);
            }

            var id = await writer.InsertAsync(fields);
            if (id is null)
            {
                return (SaveResult.NameTaken(fields), 0);
            }

            await writer.AuditAsync(audit, caller, "create", id.Value, null, await writer.GetAsync(id.Value));
            return (null, id.Value);
        }, cancellationToken);
        return failure ?? SaveResult.Saved((await store.GetAsync(id, cancellationToken))!);
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the current fields, for its coordinators and admins. With <paramref name="ifMatchVersion"/> the caller's
    /// copy must still be current; without it a concurrent change is re-read and the patch applied again.
    /// A change that changes nothing keeps the version.
    /// </summary>
    public async Task<SaveResult> UpdateAsync(Caller caller, long id, Func<OrganisationFields, OrganisationFields> change, int? ifMatchVersion,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await store.GetAsync(id, cancellationToken);
            if (current is null)
            {
                return SaveResult.NotFound;
            }

            if (!caller.Coordinates(id))
            {
                return SaveResult.Forbidden(Messages.OrganisationChangedByCoordinators);
            }

            if (ifMatchVersion is not null && ifMatchVersion != current.Version)
            {
                return SaveResult.Stale(current);
            }

            var errors = new Errors();
            var fields = OrganisationValidator.Normalise(change(current.ToFields()), errors);
            if (!caller.IsAdmin && !string.Equals(fields.Mailbox, current.Mailbox, StringComparison.OrdinalIgnoreCase))
            {
                // Follow-ups leave from this mailbox with the coalition's Graph permission: whoever sets it may send as it.
                return SaveResult.Forbidden(Messages.MailboxSetByAdmins);
            }

            await CheckCirconscriptionAsync(fields, errors, cancellationToken);
            if (errors.Any)
            {
                return SaveResult.Invalid(errors);
            }

            if (Same(fields, current.ToFields()))
            {
                return SaveResult.Saved(current);
            }

            var outcome = await store.WriteAsync(async writer =>
            {
                await CheckParentsAsync(writer, current, fields, errors);
                if (errors.Any)
                {
                    return (UpdateOutcome?)null;
                }

                var outcome = await writer.UpdateAsync(id, current.Version, fields);
                if (outcome == UpdateOutcome.Updated)
                {
                    await writer.AuditAsync(audit, caller, "update", id, current, await writer.GetAsync(id));
                }

                return outcome;
            }, cancellationToken);

            switch (outcome)
            {
                case null:
                    return SaveResult.Invalid(errors);
                case UpdateOutcome.Updated:
                    return SaveResult.Saved((await store.GetAsync(id, cancellationToken))!);
                case UpdateOutcome.NameTaken:
                    return SaveResult.NameTaken(fields);
                case UpdateOutcome.VersionMismatch when ifMatchVersion is null && attempt < MaxAttempts:
                    continue;
                default:
                    return SaveResult.Stale((await store.GetAsync(id, cancellationToken))!);
            }
        }
    }

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

    private static async Task CheckParentsAsync(OrganisationStore.Writer writer, Organisation? current, OrganisationFields fields, Errors errors)
    {
        if (current is not null && current.Type == OrganisationTypes.Federation && fields.Type != OrganisationTypes.Federation
            && await writer.HasMembersAsync(current.Id))
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

        var types = await writer.GetTypesAsync(parentIds);
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

        if (current is not null && !errors.Any && (await writer.GetAncestorIdsAsync(parentIds)).Contains(current.Id))
        {
            errors.Add("parentIds", Messages.ParentsCycle);
        }
    }
}
