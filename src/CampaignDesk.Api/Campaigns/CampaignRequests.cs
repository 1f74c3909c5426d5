using CampaignDesk.Api.OpenApi;
using CampaignDesk.Core.Campaigns;

namespace CampaignDesk.Api.Campaigns;

/// <summary>
/// The body of <c>POST /api/campaigns</c>; a <c>PATCH</c> sends the fields that change. Its targeting and follow-up rule
/// are the values the campaign answers with (<see cref="CampaignTargeting"/>, <see cref="FollowUpRule"/>): one schema for both.
/// </summary>
public sealed record CampaignInput(string? Title, string? Goal, DateOnly? Deadline, string? Status, long[]? OrganisationIds,
    CampaignTargeting? Targeting = null, FollowUpRule? FollowUpRule = null)
{
    public CampaignFields ToFields() => new(Title, Goal, Deadline, Status, OrganisationIds, Targeting, FollowUpRule);
}

/// <summary>The body of <c>PUT /api/campaigns/{id}/scripts/{role}</c>.</summary>
public sealed record CallScriptInput(string? Body);

/// <summary>The body of <c>POST /api/campaigns/{id}/targets/preview</c>: rules not saved yet, and the participants they would use.</summary>
[SchemaName("TargetPreviewInput")]
public sealed record TargetPreviewRequest(CampaignTargeting? Targeting, long[]? OrganisationIds)
{
    public TargetPreviewInput ToInput() => new(Targeting, OrganisationIds);
}
