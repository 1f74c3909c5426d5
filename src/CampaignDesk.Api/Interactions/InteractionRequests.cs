using CampaignDesk.Api.OpenApi;
using CampaignDesk.Core.Interactions;

namespace CampaignDesk.Api.Interactions;

/// <summary>The body of <c>POST /api/interactions</c>; a <c>PATCH</c> sends the fields that change.</summary>
[SchemaName("InteractionInput")]
public sealed record InteractionRequest(long? OrganisationId, long? OfficialId, long? CampaignId, string? Channel, string? Direction,
    DateTimeOffset? OccurredAt, string? Outcome, string? Notes, bool? Confidential)
{
    public InteractionInput ToInput() => new(OrganisationId, OfficialId, CampaignId, Channel, Direction, OccurredAt, Outcome, Notes, Confidential);
}
