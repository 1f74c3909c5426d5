using CampaignDesk.Core.Common;

namespace CampaignDesk.Core.Tasks;

/// <summary>A task as read from SQL, with its official's, organisation's and assignee's names.</summary>
internal sealed class TaskRow
{
    public long Id { get; init; }
    public long OrganisationId { get; init; }
    public long AssigneeUserId { get; init; }
    public long OfficialId { get; init; }
    public long? CampaignId { get; init; }
    public string Kind { get; init; } = "";
    public string DueDate { get; init; } = "";
    public string? Instructions { get; init; }
    public string State { get; init; } = "";
    public long? InteractionId { get; init; }
    public long? CreatedByUserId { get; init; }
    public int Version { get; init; }
    public DateTime CreatedUtc { get; init; }
    public DateTime UpdatedUtc { get; init; }
    public DateTime? ClosedUtc { get; init; }
    public string OfficialFirstName { get; init; } = "";
    public string OfficialLastName { get; init; } = "";
    public string OrganisationName { get; init; } = "";
    public int Attempts { get; init; }
    public DateTime? LastAttemptUtc { get; init; }
    public string AssigneeName { get; init; } = "";

    public OutreachTask ToTask(DateOnly today)
    {
        var due = IsoDate.Parse(DueDate)!.Value;
        return new OutreachTask(Id, OrganisationId, AssigneeUserId, OfficialId, CampaignId, Kind, due, Instructions, State,
            State == TaskStates.Open && due < today, InteractionId, CreatedByUserId, Version, CreatedUtc, UpdatedUtc, ClosedUtc,
            $"{OfficialFirstName} {OfficialLastName}", OrganisationName)
        {
            Attempts = Attempts,
            LastAttemptUtc = LastAttemptUtc,
            AssigneeName = AssigneeName,
            ProposedRetryDate = State == TaskStates.Open ? TaskService.ProposedRetry(today) : null,
        };
    }
}
