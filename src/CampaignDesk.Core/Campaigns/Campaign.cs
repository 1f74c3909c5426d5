namespace CampaignDesk.Core.Campaigns;

public sealed record Campaign(long Id, string Title, string? Goal, DateOnly? Deadline, string Status, IReadOnlyList<long> OrganisationIds,
    CampaignTargeting Targeting, int Version, DateTime CreatedUtc, DateTime UpdatedUtc);

/// <summary>A campaign's settable fields; on a change, those given (not null) replace the current ones.</summary>
public sealed record CampaignFields(string? Title, string? Goal, DateOnly? Deadline, string? Status, IReadOnlyList<long>? OrganisationIds,
    CampaignTargeting? Targeting = null);

public static class CampaignStatuses
{
    public const string Draft = "draft";
    public const string Active = "active";
    public const string Closed = "closed";

    public static readonly IReadOnlyList<string> All = [Draft, Active, Closed];
}
