namespace CampaignDesk.Core.Positions;

/// <summary>
/// What an official said or did, with its stance, as a person of the coalition confirmed it. A withdrawn position keeps its
/// row and its history (the audit trail) but counts nowhere: not in coverage, not as the official's stance, not on the timeline.
/// </summary>
public sealed record Position(long Id, long OfficialId, long? CampaignId, string Kind, DateOnly StatedOn, string Stance, string Summary, string? Source,
    long? OrganisationId, long? ConfirmedByUserId, string ConfirmedBy, IReadOnlyList<long> InteractionIds, DateTime CreatedUtc, int Version = 1,
    DateTime? UpdatedUtc = null, DateTime? WithdrawnUtc = null, string? WithdrawnBy = null);

/// <param name="Source">Where it can be checked: a link, or a citation (« JO Débats AN, séance du 3 février 2026 ») when none exists.</param>
public sealed record PositionInput(long? OfficialId, long? CampaignId, string? Kind, DateOnly? StatedOn, string? Stance, string? Summary,
    string? Source, long? OrganisationId, long[]? InteractionIds);

public static class PositionLists
{
    public static readonly IReadOnlyList<string> Kinds =
        ["reply", "meeting", "public_statement", "written_question", "government_question", "amendment", "vote", "cosigned_letter"];

    /// <summary>Kinds that happened in public: their source (Journal officiel, video, press…) is required.</summary>
    public static readonly IReadOnlyList<string> Public =
        ["public_statement", "written_question", "government_question", "amendment", "vote", "cosigned_letter"];

    public static readonly IReadOnlyList<string> Stances = ["supports", "neutral", "opposes", "unknown"];
}
