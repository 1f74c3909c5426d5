namespace CampaignDesk.Core.Officials;

/// <summary>
/// An élu who matters to an organisation, through one of their mandates, and why; with their current e-mails and phones
/// (their own, then their mairie's) and every current contact point (phones, addresses, sites, with their use and source).
/// </summary>
/// <param name="Target">With a campaign: whether the campaign targets this official (targets come first).</param>
/// <param name="Phones">The current phone numbers of <paramref name="Contacts"/>, as stored (E.164 for imported ones).</param>
/// <param name="NextAction">With a campaign, for the organisation's members and admins: what to do next (see <see cref="NextActions"/>).</param>
public sealed record RelevantOfficial(
    long OfficialId,
    string LastName,
    string FirstName,
    string? Sex,
    Mandate Mandate,
    string Reason,
    IReadOnlyList<string> Emails,
    OfficialOutreach? Outreach = null,
    bool? Target = null,
    IReadOnlyList<string>? Phones = null,
    NextAction? NextAction = null,
    IReadOnlyList<ContactPoint>? Contacts = null);

/// <summary>
/// Where a campaign stands with one official, for an organisation's page: whether anyone contacted them, reached them, got
/// an answer, and their stance — national facts, which count confidential contacts as coverage does — and whether the
/// organisation itself contacted them, which counts its confidential contacts only for those who may read them.
/// </summary>
public sealed record OfficialOutreach(long CampaignId, bool Contacted, bool ContactedByOrganisation, bool Reached, bool Responded, string Stance)
{
    /// <summary>
    /// Where it stands, in one word: <c>responded</c> (an answer or a position, as coverage counts it), else
    /// <c>not_contacted</c> (by anyone), <c>contacted_by_others</c> (other structures only), <c>contacted</c> (by the
    /// organisation, nobody reached), <c>reached</c>.
    /// </summary>
    public string Status => Responded ? "responded"
        : !Contacted ? "not_contacted"
        : !ContactedByOrganisation ? "contacted_by_others"
        : Reached ? "reached" : "contacted";
}
