using CampaignDesk.Api.OpenApi;
using CampaignDesk.Core.Positions;

namespace CampaignDesk.Api.Positions;

/// <summary>The body of <c>POST /api/positions</c>; a <c>PATCH</c> sends the fields that change.</summary>
[SchemaName("PositionInput")]
public sealed record PositionRequest(long? OfficialId, long? CampaignId, string? Kind, DateOnly? StatedOn, string? Stance, string? Summary,
    string? Source, long? OrganisationId, long[]? InteractionIds)
{
    public PositionInput ToInput() => new(OfficialId, CampaignId, Kind, StatedOn, Stance, Summary, Source, OrganisationId, InteractionIds);
}
