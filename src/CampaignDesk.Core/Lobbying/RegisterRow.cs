namespace CampaignDesk.Core.Lobbying;

/// <summary>
/// One row the counting rule judges: an interaction of the outreach log, or an inbox message that is no person's answer
/// (an automatic reply or a non-delivery report, kept in inbound_messages without an interaction).
/// </summary>
/// <param name="Source"><c>interaction</c>, <c>auto_reply</c> or <c>bounce</c>.</param>
/// <param name="FollowUpId">The follow-up that logged this interaction when it left, if one did.</param>
/// <param name="Bounced">A non-delivery report came back for that follow-up: the e-mail never reached the official.</param>
public sealed record RegisterRow(string Source, long Id, long OrganisationId, string OrganisationName, long OfficialId, string OfficialName,
    long? CampaignId, string? CampaignName, string Channel, string Direction, string Outcome, DateTime OccurredUtc, long? FollowUpId, bool Bounced)
{
    public const string Interaction = "interaction";
    public const string AutoReply = "auto_reply";
    public const string Bounce = "bounce";

    /// <summary>The day of the contact in Paris, the day the register reads.</summary>
    public DateOnly Day => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(OccurredUtc, DateTimeKind.Utc), Common.ParisTime.Zone));
}

/// <summary>
/// Why a row counts or not. <paramref name="Code"/> is stable (API, tests), <paramref name="Reason"/> is the French sentence
/// shown to people; <paramref name="ActionType"/> is the type of action it is for the declaration (null when it does not
/// count); <paramref name="SameActionAs"/> names the row that already counted the meeting this row belongs to.
/// </summary>
public sealed record RegisterVerdict(RegisterRow Row, bool Counts, string Code, string Reason, string? ActionType, RegisterCategory? Category,
    long? SameActionAs = null);
