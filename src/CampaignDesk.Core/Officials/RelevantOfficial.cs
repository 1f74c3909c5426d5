namespace CampaignDesk.Core.Officials;

/// <summary>
/// An élu who matters to an organisation, through one of their mandates, and why; with their current e-mails (their own,
/// then their mairie's) and every current contact point (phones, addresses, sites, with their use and source).
/// </summary>
public sealed record RelevantOfficial(
    long OfficialId,
    string LastName,
    string FirstName,
    string? Sex,
    Mandate Mandate,
    string Reason,
    IReadOnlyList<string> Emails,
    OfficialOutreach? Outreach = null,
    IReadOnlyList<ContactPoint>? Contacts = null);

/// <summary>
/// Where a campaign stands with one official, for an organisation's page: whether anyone (and the organisation
/// itself) contacted them, reached them, got an answer, and their stance. Counts confidential contacts, as coverage
/// does, without saying anything of their content.
/// </summary>
public sealed record OfficialOutreach(long CampaignId, bool Contacted, bool ContactedByOrganisation, bool Reached, bool Responded, string Stance);
