using CampaignDesk.Api.OpenApi;
using CampaignDesk.Core.FollowUps;

namespace CampaignDesk.Api.FollowUps;

/// <summary>The body of <c>POST /api/templates</c> and <c>PATCH /api/templates/{id}</c>.</summary>
[SchemaName("TemplateFields")]
public sealed record TemplateRequest(long? CampaignId, string? Name, string? Subject, string? Body)
{
    public TemplateFields ToFields() => new(CampaignId, Name, Subject, Body);
}

/// <summary>The body of <c>POST /api/templates/{id}/preview</c>: for which official, from which organisation.</summary>
[SchemaName("PreviewInput")]
public sealed record TemplatePreviewRequest(long? OfficialId, long? OrganisationId)
{
    public PreviewInput ToInput() => new(OfficialId, OrganisationId);
}

/// <summary>The body of <c>POST /api/followups</c>: a template, or a subject and a body, and a not-before time.</summary>
[SchemaName("FollowUpInput")]
public sealed record FollowUpRequest(long? OfficialId, long? OrganisationId, long? CampaignId, long? TemplateId, string? Subject, string? Body,
    DateTimeOffset? NotBefore)
{
    public FollowUpInput ToInput() => new(OfficialId, OrganisationId, CampaignId, TemplateId, Subject, Body, NotBefore);
}

/// <summary>The body of <c>POST /api/followups/batch</c>.</summary>
[SchemaName("FollowUpBatchInput")]
public sealed record FollowUpBatchRequest(long? OrganisationId, long? CampaignId, long? TemplateId, string? Subject, string? Body,
    DateTimeOffset? NotBefore, IReadOnlyList<long>? OfficialIds, string? Selection, bool? DryRun)
{
    public FollowUpBatchInput ToInput() => new(OrganisationId, CampaignId, TemplateId, Subject, Body, NotBefore, OfficialIds, Selection, DryRun);
}
