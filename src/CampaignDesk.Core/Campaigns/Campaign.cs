namespace CampaignDesk.Core.Campaigns;

public sealed record Campaign(long Id, string Title, string? Goal, DateOnly? Deadline, string Status, IReadOnlyList<long> OrganisationIds, int Version,
    DateTime CreatedUtc, DateTime UpdatedUtc);

public sealed record CampaignFields(string? Title, string? Goal, DateOnly? Deadline, string? Status, IReadOnlyList<long>? OrganisationIds);

public static class CampaignStatuses
{
    public const string Draft = "draft";
    public const string Active = "active";
    public const string Closed = "closed";

    public static readonly IReadOnlyList<string> All = [Draft, Active, Closed];
}
