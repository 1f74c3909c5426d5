using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Officials;
using CampaignDesk.Core.Organisations;
using CampaignDesk.Core.Users;

namespace CampaignDesk.Core.Tasks;

/// <summary>
/// The same task for several officials in one go, shared out in turn among the volunteers named: all of them are
/// assigned, in one transaction, or none (the first refusal is the answer).
/// </summary>
public sealed class TaskBatches(Database database, TaskService tasks, OrganisationStore organisations, OrganisationOfficials officials)
{
    public const int MaxOfficials = 300;

    public async Task<Outcome<IReadOnlyList<OutreachTask>>> CreateAsync(Caller caller, TaskBatchInput input, CancellationToken cancellationToken)
    {
        var errors = new Errors();
        var assignees = input.AssigneeUserIds?.Distinct().ToArray() ?? [];
        if (assignees.Length == 0)
        {
            errors.Add("assigneeUserIds", Messages.TaskBatchAssigneesRequired);
        }

        long[] ids = [];
        if (input.Selection is not null)
        {
            if (input.Selection != FollowUps.FollowUpBatches.UncontactedTargets || input.CampaignId is null || input.OrganisationId is null)
            {
                errors.Add("selection", Messages.TaskBatchSelectionInvalid, FollowUps.FollowUpBatches.UncontactedTargets);
            }
            else if (await organisations.GetAsync(input.OrganisationId.Value, cancellationToken) is { } organisation)
            {
                ids = [.. (await officials.ForAsync(organisation, input.CampaignId, cancellationToken))
                    .Where(o => o.Target == true && o.Outreach is { Contacted: false }).Select(o => o.OfficialId).Distinct().Take(MaxOfficials)];
            }
        }
        else
        {
            ids = input.OfficialIds?.Distinct().ToArray() ?? [];
        }

        if (ids.Length is 0 or > MaxOfficials && !errors.Any)
        {
            errors.Add("officialIds", Messages.BatchOfficialsCount, MaxOfficials);
        }

        if (errors.Any)
        {
            return Outcome<IReadOnlyList<OutreachTask>>.Invalid(errors);
        }

        var inputs = ids.Select((id, i) => new TaskInput(assignees[i % assignees.Length], id, input.OrganisationId, input.CampaignId, input.Kind,
            input.DueDate, input.Instructions)).ToList();
        foreach (var one in inputs)
        {
            if (tasks.Precheck(caller, one, out _) is { } refused)
            {
                return refused.As<IReadOnlyList<OutreachTask>>();
            }
        }

        return await database.WriteAsync(async session =>
        {
            var created = new List<OutreachTask>();
            foreach (var one in inputs)
            {
                tasks.Precheck(caller, one, out var kind);
                var outcome = await tasks.InsertAsync(session, caller, one, kind!);
                if (!outcome.IsOk)
                {
                    return outcome.As<IReadOnlyList<OutreachTask>>();
                }

                created.Add(outcome.Value! with { OthersRecently = null });
            }

            return Outcome<IReadOnlyList<OutreachTask>>.Ok(created);
        }, cancellationToken);
    }
}

/// <summary>One task (kind, due date, instructions) for each official, shared out among <see cref="AssigneeUserIds"/> in turn.</summary>
public sealed record TaskBatchInput(IReadOnlyList<long>? AssigneeUserIds, long? OrganisationId, long? CampaignId, IReadOnlyList<long>? OfficialIds,
    string? Selection, string? Kind, DateOnly? DueDate, string? Instructions);
