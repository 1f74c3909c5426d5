namespace CampaignDesk.Core.Replies;

/// <summary>An official's answer read from a mailbox, waiting for someone to say what stance it takes.</summary>
public sealed record TriageItem(long Id, long OrganisationId, string OrganisationName, long OfficialId, string OfficialName, long? CampaignId,
    string Kind, string? From, string? Subject, string? Preview, string? WebLink, DateTime ReceivedUtc, long InteractionId, long PositionId,
    string Triage);

/// <summary>A stance and a summary for the answer's position, or <c>dismiss: true</c> to leave it unknown and out of the queue.</summary>
public sealed record TriageDecision(string? Stance, string? Summary, bool? Dismiss);
