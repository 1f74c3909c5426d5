namespace CampaignDesk.Core.Tasks;

/// <summary>Work assigned to a volunteer (a call, a letter, a visit…), closed by the interaction it produced.</summary>
/// <param name="OfficialName">The official's first and last name, so a list of tasks reads without a request per task.</param>
/// <param name="OthersRecently">Only in the answer to creating it: other organisations' recent contacts with the official on the campaign.</param>
public sealed record OutreachTask(long Id, long OrganisationId, long AssigneeUserId, long OfficialId, long? CampaignId, string Kind, DateOnly DueDate,
    string? Instructions, string State, bool Overdue, long? InteractionId, long? CreatedByUserId, int Version, DateTime CreatedUtc, DateTime UpdatedUtc,
    DateTime? ClosedUtc, string OfficialName, string OrganisationName, IReadOnlyList<Interactions.RecentContact>? OthersRecently = null) : Common.IVersioned;

public sealed record TaskInput(long? AssigneeUserId, long? OfficialId, long? OrganisationId, long? CampaignId, string? Kind, DateOnly? DueDate,
    string? Instructions);

/// <summary><see cref="AssigneeUserId"/> filters on one assignee; <see cref="State"/> is open, overdue, done or cancelled.</summary>
public sealed record TaskQuery(long? AssigneeUserId, string? State, long? OrganisationId, Common.PageRequest Paging);

public static class TaskLists
{
    public static readonly IReadOnlyList<string> Kinds = ["call", "email", "letter", "meeting", "visit"];

    public static readonly IReadOnlyList<string> States = ["open", "overdue", "done", "cancelled"];

    public const int MaxInstructionsLength = 10_000;
}
