using CampaignDesk.Core.Organisations;

namespace CampaignDesk.Api.Organisations;

/// <summary>The body of <c>POST /api/organisations</c>; a PATCH sends any subset of these fields (JSON merge patch).</summary>
public sealed record OrganisationInput(
    string? Type,
    string? Kind,
    string? Name,
    string? CommuneInsee,
    string? CommuneName,
    string? DepartmentCode,
    string? RegionCode,
    string? Mailbox,
    IReadOnlyList<long>? ParentIds,
    string? CirconscriptionCode = null)
{
    public OrganisationFields ToFields() =>
        new(Type, Kind, Name, CommuneInsee, CommuneName, DepartmentCode, RegionCode, Mailbox, ParentIds, CirconscriptionCode);
}
