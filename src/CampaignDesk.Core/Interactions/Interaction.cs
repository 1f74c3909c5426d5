namespace CampaignDesk.Core.Interactions;

/// <param name="OthersRecently">Only in the answer to logging it: the official's recent contacts on the campaign by other
/// organisations (see <see cref="Coordination"/>), a warning to coordinate, never a refusal.</param>
public sealed record Interaction(long Id, long OrganisationId, long OfficialId, long? CampaignId, string Channel, string Direction,
    DateTime OccurredUtc, string Outcome, string? Notes, bool Confidential, long? LoggedByUserId, string LoggedBy, DateTime CreatedUtc,
    IReadOnlyList<RecentContact>? OthersRecently = null);

/// <summary>A contact with the same official on the same campaign by another organisation, shown to coordinate.</summary>
public sealed record RecentContact(long OrganisationId, string OrganisationName, DateTime OccurredUtc, string Channel, string Outcome);

/// <summary>An interaction to log. Organisation and official may come from a task it completes.</summary>
public sealed record InteractionInput(long? OrganisationId, long? OfficialId, long? CampaignId, string? Channel, string? Direction,
    DateTimeOffset? OccurredAt, string? Outcome, string? Notes, bool? Confidential);

public sealed record InteractionQuery(long? OfficialId, long? OrganisationId, long? CampaignId, Common.PageRequest Paging);

/// <summary>The outcomes of an interaction that code tests for by name (the full list is <see cref="InteractionLists.Outcomes"/>).</summary>
public static class InteractionOutcomes
{
    /// <summary>A message went out (an e-mail, a letter): nobody was reached yet.</summary>
    public const string Sent = "sent";
}

public static class InteractionLists
{
    public static readonly IReadOnlyList<string> Channels = ["email", "letter", "phone", "meeting", "event", "social", "petition_handover"];

    public static readonly IReadOnlyList<string> Directions = ["outbound", "inbound"];

    public static readonly IReadOnlyList<string> Outcomes =
        [InteractionOutcomes.Sent, "left_message", "unreachable", "spoke", "meeting_set", "met", "replied", "declined", "handed_over"];

    /// <summary>Outcomes where nobody was reached: they do not count as a contact made.</summary>
    public static readonly IReadOnlyList<string> NotReached = [InteractionOutcomes.Sent, "left_message", "unreachable"];

    public const int MaxNotesLength = 10_000;
}
