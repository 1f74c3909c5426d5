using CampaignDesk.Core.Common;

namespace CampaignDesk.Core.Organisations;

/// <summary>Creates and changes organisations: field rules, parent links that exist and form no cycle, concurrency.</summary>
public sealed class OrganisationService(OrganisationStore store)
{
    private const int MaxAttempts = 3;

    public async Task<SaveResult> CreateAsync(OrganisationFields input, CancellationToken cancellationToken)
    {
        var errors = new Errors();
        var fields = OrganisationValidator.Normalise(input, errors);
        await CheckParentsAsync(null, fields, errors, cancellationToken);
        if (errors.Any)
        {
            return SaveResult.Invalid(errors);
        }

        var id = await store.InsertAsync(fields, cancellationToken);
        return id is null
            ? SaveResult.NameTaken(fields)
            : SaveResult.Saved((await store.GetAsync(id.Value, cancellationToken))!);
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the current fields. With <paramref name="ifMatchVersion"/> the caller's
    /// copy must still be current; without it a concurrent change is re-read and the patch applied again.
    /// </summary>
    public async Task<SaveResult> UpdateAsync(long id, Func<OrganisationFields, OrganisationFields> change, int? ifMatchVersion,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await store.GetAsync(id, cancellationToken);
            if (current is null)
            {
                return SaveResult.NotFound;
            }

            if (ifMatchVersion is not null && ifMatchVersion != current.Version)
            {
                return SaveResult.Stale(current);
            }

            var errors = new Errors();
            var fields = OrganisationValidator.Normalise(change(current.ToFields()), errors);
            await CheckParentsAsync(id, fields, errors, cancellationToken);
            if (errors.Any)
            {
                return SaveResult.Invalid(errors);
            }

            switch (await store.UpdateAsync(id, current.Version, fields, cancellationToken))
            {
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

    private async Task CheckParentsAsync(long? id, OrganisationFields fields, Errors errors, CancellationToken cancellationToken)
    {
        var parentIds = fields.ParentIds ?? [];
        if (parentIds.Count == 0 || errors.Any)
        {
            return;
        }

        if (id is not null && parentIds.Contains(id.Value))
        {
            errors.Add("parentIds", "An organisation cannot be its own parent.");
            return;
        }

        var types = await store.GetTypesAsync(parentIds, cancellationToken);
        foreach (var parentId in parentIds)
        {
            if (!types.TryGetValue(parentId, out var type))
            {
                errors.Add("parentIds", $"Organisation {parentId} does not exist.");
            }
            else if (type != OrganisationTypes.Federation)
            {
                errors.Add("parentIds", $"Organisation {parentId} is a {type}: only federations and networks have members.");
            }
        }

        if (id is not null && !errors.Any && (await store.GetAncestorIdsAsync(parentIds, cancellationToken)).Contains(id.Value))
        {
            errors.Add("parentIds", "These parents would make a cycle: the organisation is already above one of them.");
        }
    }
}
