namespace CampaignDesk.Core.Officials;

/// <summary>An élu who matters to an organisation, through one of their mandates, and why.</summary>
public sealed record RelevantOfficial(
    long OfficialId,
    string LastName,
    string FirstName,
    string? Sex,
    Mandate Mandate,
    string Reason,
    IReadOnlyList<string> Emails,
    OfficialOutreach? Outreach = null);

/// <summary>
/// Where a campaign stands with one official, for an organisation's page: whether anyone contacted them, reached them, got
/// an answer, and their stance — national facts, which count confidential contacts as coverage does — and whether the
/// organisation itself contacted them, which counts its confidential contacts only for those who may read them.
/// </summary>
public sealed record OfficialOutreach(long CampaignId, bool Contacted, bool ContactedByOrganisation, bool Reached, bool Responded, string Stance);
