using CampaignDesk.Api.OpenApi;
using CampaignDesk.Core.Parliament;

namespace CampaignDesk.Api.Parliament;

/// <summary>The body of <c>POST/PUT /api/campaigns/{id}/watches</c>: what the campaign watches in parliament's open data.</summary>
/// <param name="Keywords">Words or phrases, accents and case ignored; « centre* » takes any ending.</param>
/// <param name="Kinds">written_question, government_question, oral_question, amendment; none for all.</param>
/// <param name="Scope">targets (the campaign's targets, the default) or anyone (for context).</param>
[SchemaName("WatchInput")]
public sealed record WatchRequest(string? Name, string[]? Keywords, string[]? Ministries, string[]? Kinds, DateOnly? Since, string? Scope, int? Version)
{
    public WatchInput ToInput() => new(Name, Keywords, Ministries, Kinds, Since, Scope);
}

/// <summary>The body of <c>PUT /api/campaigns/{id}/recommended-votes/{voteUid}</c>: pour or contre.</summary>
[SchemaName("VoteRecommendationInput")]
public sealed record VoteRecommendationRequest(string? Recommendation);

/// <summary>The body of <c>POST /api/triage/proposals/{id}</c>: a stance (and optionally a summary and the organisation), or dismiss.</summary>
[SchemaName("ProposalDecision")]
public sealed record ProposalRequest(string? Stance, string? Summary, long? OrganisationId, bool? Dismiss)
{
    public ProposalDecision ToInput() => new(Stance, Summary, OrganisationId, Dismiss);
}
