using CampaignDesk.Api.OpenApi;
using CampaignDesk.Core.Interactions;
using CampaignDesk.Core.Tasks;

namespace CampaignDesk.Api.Tasks;

/// <summary>The body of <c>POST /api/tasks</c>.</summary>
[SchemaName("TaskInput")]
public sealed record TaskRequest(long? AssigneeUserId, long? OfficialId, long? OrganisationId, long? CampaignId, string? Kind, DateOnly? DueDate,
    string? Instructions)
{
    public TaskInput ToInput() => new(AssigneeUserId, OfficialId, OrganisationId, CampaignId, Kind, DueDate, Instructions);
}

/// <summary>The body of <c>POST /api/tasks/batch</c>.</summary>
[SchemaName("TaskBatchInput")]
public sealed record TaskBatchRequest(IReadOnlyList<long>? AssigneeUserIds, long? OrganisationId, long? CampaignId, IReadOnlyList<long>? OfficialIds,
    string? Selection, string? Kind, DateOnly? DueDate, string? Instructions)
{
    public TaskBatchInput ToInput() => new(AssigneeUserIds, OrganisationId, CampaignId, OfficialIds, Selection, Kind, DueDate, Instructions);
}

/// <summary>The body of <c>POST /api/tasks/{id}/complete</c>: the interaction it produced, and a new date or close.</summary>
[SchemaName("TaskCompletionInput")]
public sealed record TaskCompletionRequest(long? OrganisationId, long? OfficialId, long? CampaignId, string? Channel, string? Direction,
    DateTimeOffset? OccurredAt, string? Outcome, string? Notes, bool? Confidential, DateOnly? RetryOn, bool? Close)
{
    public InteractionInput ToInteraction() => new(OrganisationId, OfficialId, CampaignId, Channel, Direction, OccurredAt, Outcome, Notes, Confidential);
}
