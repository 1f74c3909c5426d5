using CampaignDesk.Core.Common;

namespace CampaignDesk.Core.Organisations;

/// <param name="Text">Accent- and case-insensitive, matched anywhere in the name or commune.</param>
/// <param name="ParentId">Only the direct members of this federation or network.</param>
public sealed record OrganisationQuery(
    string? Text = null,
    string? Type = null,
    string? Kind = null,
    string? DepartmentCode = null,
    long? ParentId = null,
    PageRequest? Paging = null)
{
    public PageRequest Paging { get; init; } = Paging ?? PageRequest.First;
}
