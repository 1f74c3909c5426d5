namespace CampaignDesk.Core.Campaigns;

public sealed record Campaign(long Id, string Title, string? Goal, DateOnly? Deadline, string Status, IReadOnlyList<long> OrganisationIds,
    CampaignTargeting Targeting, int Version, DateTime CreatedUtc, DateTime UpdatedUtc, FollowUpRule? FollowUpRule = null) : Common.IVersioned;

/// <summary>
/// The campaign's automatic follow-up: an outbound contact without any answer after <paramref name="AfterWorkingDays"/>
/// working days gets the template <paramref name="TemplateId"/>, from the organisation's mailbox. Off when absent;
/// a change with <c>afterWorkingDays</c> 0 turns it off.
/// </summary>
public sealed record FollowUpRule(int AfterWorkingDays, long? TemplateId);

/// <summary>A campaign's settable fields; on a change, those given (not null) replace the current ones.</summary>
public sealed record CampaignFields(string? Title, string? Goal, DateOnly? Deadline, string? Status, IReadOnlyList<long>? OrganisationIds,
    CampaignTargeting? Targeting = null, FollowUpRule? FollowUpRule = null);

/// <summary>
/// A campaign's life: prepared (draft), running (active), over (ended: set by hand, or an active campaign whose deadline
/// has passed, in Paris), put away (archived: kept for the record, out of the lists of what runs).
/// </summary>
public static class CampaignStatuses
{
    public const string Draft = "draft";
    public const string Active = "active";
    public const string Ended = "ended";
    public const string Archived = "archived";

    public static readonly IReadOnlyList<string> All = [Draft, Active, Ended, Archived];

    /// <summary>The status as stored, the earlier name of ended ("closed") read as ended; null for an unknown one.</summary>
    public static string? Normalise(string? status) => status?.Trim().ToLowerInvariant() switch
    {
        "closed" => Ended,
        { } known when All.Contains(known) => known,
        _ => null,
    };

    /// <summary>
    /// The status in SQL of campaign alias <paramref name="c"/>: archived when it has an archive time; ended when stored so
    /// (under its stored name, closed) or when active with a deadline (an ISO date) before the parameter <c>@today</c>.
    /// </summary>
    public static string Sql(string c) =>
        $"CASE WHEN {c}.archived_utc IS NOT NULL THEN 'archived' WHEN {c}.status = 'closed' THEN 'ended' " +
        $"WHEN {c}.status = 'active' AND {c}.deadline < @today THEN 'ended' ELSE {c}.status END";

    /// <summary>
    /// How a normalised status is stored: the CHECK of migration 0006 knows ended as closed, and archived is a time (the
    /// stored status then keeps how the campaign stood, <paramref name="previous"/>'s for a campaign archived again).
    /// </summary>
    public static StoredStatus Store(string status, StoredStatus? previous, DateTime now) => status switch
    {
        Ended => new() { Status = "closed" },
        Archived => new() { Status = previous?.Status ?? "closed", ArchivedUtc = previous?.ArchivedUtc ?? now },
        _ => new() { Status = status },
    };

    /// <summary>A stored status read back, without the deadline's effect (which only <see cref="Sql"/> applies).</summary>
    public static string? Read(StoredStatus stored) => stored.ArchivedUtc is null ? Normalise(stored.Status) : Archived;
}

/// <summary>A campaign's status as its columns hold it (read by Dapper, hence properties).</summary>
public sealed record StoredStatus
{
    public string Status { get; init; } = "";

    public DateTime? ArchivedUtc { get; init; }
}
