using CampaignDesk.Core.Interactions;

namespace CampaignDesk.Core.Tasks;

/// <summary>Work assigned to a volunteer (a call, a letter, a visit…), closed by the interaction it produced.</summary>
/// <param name="OfficialName">The official's first and last name, so a list of tasks reads without a request per task.</param>
/// <param name="OthersRecently">Only in the answer to creating it: other organisations' recent contacts with the official on the campaign.</param>
public sealed record OutreachTask(long Id, long OrganisationId, long AssigneeUserId, long OfficialId, long? CampaignId, string Kind, DateOnly DueDate,
    string? Instructions, string State, bool Overdue, long? InteractionId, long? CreatedByUserId, int Version, DateTime CreatedUtc, DateTime UpdatedUtc,
    DateTime? ClosedUtc, string OfficialName, string OrganisationName, IReadOnlyList<RecentContact>? OthersRecently = null) : Common.IVersioned
{
    /// <summary>Calls that reached nobody (a message left, unreachable) while the task stayed open.</summary>
    public int Attempts { get; init; }

    public DateTime? LastAttemptUtc { get; init; }

    public string AssigneeName { get; init; } = "";

    /// <summary>For an open task: the date a retry would be due if the next call reaches nobody.</summary>
    public DateOnly? ProposedRetryDate { get; init; }

    /// <summary>The campaign's call script for the official's main mandate (see CallScripts), where the list was asked with scripts.</summary>
    public string? CallScript { get; init; }
}

public sealed record TaskInput(long? AssigneeUserId, long? OfficialId, long? OrganisationId, long? CampaignId, string? Kind, DateOnly? DueDate,
    string? Instructions);

/// <summary><see cref="AssigneeUserId"/> filters on one assignee; <see cref="State"/> is open, overdue, done or cancelled.</summary>
public sealed record TaskQuery(long? AssigneeUserId, string? State, long? OrganisationId, Common.PageRequest Paging);

/// <summary>Completing a task: the interaction it produced, and for a call that reached nobody the new date, or close it all the same.</summary>
public sealed record TaskCompletionInput(long? OrganisationId, long? OfficialId, long? CampaignId, string? Channel, string? Direction,
    DateTimeOffset? OccurredAt, string? Outcome, string? Notes, bool? Confidential, DateOnly? RetryOn, bool? Close)
{
    public InteractionInput Interaction => new(OrganisationId, OfficialId, CampaignId, Channel, Direction, OccurredAt, Outcome, Notes, Confidential);
}

/// <summary>A task's states, as stored (overdue is not stored: an open task past its due date).</summary>
public static class TaskStates
{
    public const string Open = "open";
    public const string Done = "done";
    public const string Cancelled = "cancelled";

    /// <summary>Derived when reading: <see cref="Open"/> and due before today.</summary>
    public const string Overdue = "overdue";

    public static readonly IReadOnlyList<string> Stored = [Open, Done, Cancelled];
}

public static class TaskLists
{
    public static readonly IReadOnlyList<string> Kinds = ["call", "email", "letter", "meeting", "visit"];

    public static readonly IReadOnlyList<string> States = [TaskStates.Open, TaskStates.Overdue, TaskStates.Done, TaskStates.Cancelled];

    public const int MaxInstructionsLength = 10_000;
}
