namespace CampaignDesk.Core.Parliament;

/// <summary>
/// What a campaign watches in parliament's open data: items of these kinds, since this date, questioning or answered by
/// these ministries (any, when none), whose text holds one of these keywords or phrases (accents and case ignored); by the
/// campaign's targets, or by anyone for context (<see cref="WatchScopes"/>).
/// </summary>
public sealed record CampaignWatch(long Id, long CampaignId, string Name, IReadOnlyList<string> Keywords, IReadOnlyList<string> Ministries,
    IReadOnlyList<string> Kinds, DateOnly? Since, string Scope, string CreatedBy, DateTime CreatedUtc, int Version);

public sealed record WatchInput(string? Name, IReadOnlyList<string>? Keywords, IReadOnlyList<string>? Ministries, IReadOnlyList<string>? Kinds,
    DateOnly? Since, string? Scope);

/// <summary>A vote the campaign marks as meaningful (« vote recommandé »): voting <see cref="Recommendation"/> supports it.</summary>
public sealed record VoteRecommendation(long CampaignId, string VoteUid, string Title, DateOnly StatedOn, string Recommendation, string Url,
    string CreatedBy);

/// <summary>
/// A position a parliament item proposes for an official on a campaign, waiting in the triage queue until a coordinator
/// accepts it with a stance (it becomes a position) or dismisses it (it never comes back).
/// </summary>
/// <param name="Role">author, or the member's vote (pour, contre, abstention).</param>
/// <param name="Highlights">[start, length] of each matched word or phrase in <paramref name="Excerpt"/>.</param>
/// <param name="ExcerptHtml">The excerpt HTML-escaped, the matches in &lt;mark&gt;.</param>
/// <param name="SuggestedStance">For a recommended vote, the stance that follows from the member's vote; null otherwise.</param>
/// <param name="Evidence">The Government's answer to a question, attached as evidence: it is not the official's stance.</param>
public sealed record Proposal(long Id, long CampaignId, string CampaignTitle, long OfficialId, string OfficialName, string Kind, string Role,
    DateOnly StatedOn, string ItemUid, string Title, string Url, string? Status, string? GroupLabel, string Excerpt, IReadOnlyList<int[]> Highlights,
    string ExcerptHtml, string? Matched, string? SuggestedStance, ProposalEvidence? Evidence, string State, long? PositionId, string? DecidedBy);

/// <param name="Ministry">The ministry that answered.</param>
public sealed record ProposalEvidence(string Ministry, DateOnly? AnsweredOn, string Answer);

/// <summary>Accept with a stance (a summary, and the organisation recording it, optional), or <c>dismiss: true</c>.</summary>
public sealed record ProposalDecision(string? Stance, string? Summary, long? OrganisationId, bool? Dismiss);
