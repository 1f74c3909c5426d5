namespace CampaignDesk.Core.Campaigns;

public sealed record Campaign(long Id, string Title, string? Goal, DateOnly? Deadline, string Status, IReadOnlyList<long> OrganisationIds,
    CampaignTargeting Targeting, int Version, DateTime CreatedUtc, DateTime UpdatedUtc, FollowUpRule? FollowUpRule = null);

/// <summary>
/// The campaign's automatic follow-up: an outbound contact without any answer after <paramref name="AfterWorkingDays"/>
/// working days gets the template <paramref name="TemplateId"/>, from the organisation's mailbox. Off when absent;
/// a change with <c>afterWorkingDays</c> 0 turns it off.
/// </summary>
public sealed record FollowUpRule(int AfterWorkingDays, long? TemplateId);

/// <summary>A campaign's settable fields; on a change, those given (not null) replace the current ones.</summary>
public sealed record CampaignFields(string? Title, string? Goal, DateOnly? Deadline, string? Status, IReadOnlyList<long>? OrganisationIds,
    CampaignTargeting? Targeting = null, FollowUpRule? FollowUpRule = null);

public static class CampaignStatuses
{
    public const string Draft = "draft";
    public const string Active = "active";
    public const string Closed = "closed";

    public static readonly IReadOnlyList<string> All = [Draft, Active, Closed];
}
