using CampaignDesk.Core.Common;

namespace CampaignDesk.Core.Officials;

/// <param name="Active">true: only officials with a mandate in progress (the default); false: only former ones; null: all.</param>
public sealed record OfficialQuery(
    string? Text = null,
    string? Role = null,
    string? DepartmentCode = null,
    string? CommuneInsee = null,
    string? CirconscriptionCode = null,
    string? Group = null,
    bool? Active = true,
    PageRequest? Paging = null)
{
    public PageRequest Paging { get; init; } = Paging ?? PageRequest.First;
}
