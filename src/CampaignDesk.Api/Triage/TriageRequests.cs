using CampaignDesk.Api.OpenApi;
using CampaignDesk.Core.Replies;

namespace CampaignDesk.Api.Triage;

/// <summary>The body of <c>POST /api/triage/{id}</c>: a stance and a summary, or dismiss.</summary>
[SchemaName("TriageDecision")]
public sealed record TriageRequest(string? Stance, string? Summary, bool? Dismiss)
{
    public TriageDecision ToDecision() => new(Stance, Summary, Dismiss);
}
