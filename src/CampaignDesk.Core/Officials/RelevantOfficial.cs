namespace CampaignDesk.Core.Officials;

/// <summary>An élu who matters to an organisation, through one of their mandates, and why.</summary>
public sealed record RelevantOfficial(
    long OfficialId,
    string LastName,
    string FirstName,
    string? Sex,
    Mandate Mandate,
    string Reason,
    IReadOnlyList<string> Emails);
