using CampaignDesk.Api.Hosting;
using CampaignDesk.Core.Parliament;
using CampaignDesk.Core.Users;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CampaignDesk.Api.Parliament;

public static class ParliamentEndpoints
{
    public static IEndpointRouteBuilder MapParliament(this IEndpointRouteBuilder routes)
    {
        var campaigns = routes.MapGroup("/api/campaigns/{campaignId:long}").WithTags("Parliament watch").RequireAuthorization();
        campaigns.MapGet("/watches", ListWatchesAsync).WithName("ListWatches")
            .WithSummary("The campaign's watches over the Assemblée's questions and amendments.");
        campaigns.MapPost("/watches", CreateWatchAsync).WithName("CreateWatch")
            .WithSummary("Add a watch (keywords, ministries, kinds, start date, scope); what the imported items hold is proposed at once.");
        campaigns.MapPut("/watches/{id:long}", UpdateWatchAsync).WithName("UpdateWatch")
            .WithSummary("Change a watch ({version} from the last read); proposals already made stay as they are.");
        campaigns.MapDelete("/watches/{id:long}", DeleteWatchAsync).WithName("DeleteWatch")
            .WithSummary("Stop a watch; its proposals stay (accepted ones are positions, dismissed ones never come back).");
        campaigns.MapGet("/recommended-votes", ListVotesAsync).WithName("ListRecommendedVotes")
            .WithSummary("The votes the campaign marks as meaningful, with the way to vote.");
        campaigns.MapPut("/recommended-votes/{voteUid}", RecommendAsync).WithName("RecommendVote")
            .WithSummary("Mark an imported vote (« VTANR5L17V1000 ») as recommended pour or contre: each member who voted is proposed a vote position.");
        routes.MapGet("/api/parliament/votes", SearchVotesAsync).WithTags("Parliament watch").RequireAuthorization().WithName("SearchVotes")
            .WithSummary("Imported public votes, newest first, found by words of their title or by uid (?q=, ?page=, 20 a page): the ones to recommend.");
        var triage = routes.MapGroup("/api/triage/proposals").WithTags("Replies").RequireAuthorization();
        triage.MapGet("/", ListProposalsAsync).WithName("ListProposals")
            .WithSummary("Positions proposed by parliament items, waiting for a coordinator (?campaignId=, ?state=waiting|accepted|dismissed).");
        triage.MapPost("/{id:long}", DecideAsync).WithName("DecideProposal")
            .WithSummary("Accept a proposal with a stance ({stance, summary?, organisationId?}): it becomes a position; or dismiss it ({dismiss: true}).");
        return routes;
    }

    private static async Task<Ok<IReadOnlyList<CampaignWatch>>> ListWatchesAsync(long campaignId, WatchService watches, CancellationToken cancellationToken) =>
        TypedResults.Ok(await watches.ListAsync(campaignId, cancellationToken));

    private static async Task<Results<Created<CampaignWatch>, ProblemHttpResult>> CreateWatchAsync(long campaignId, WatchRequest input, Caller caller,
        WatchService watches, CancellationToken cancellationToken)
    {
        var outcome = await watches.CreateAsync(caller, campaignId, input.ToInput(), cancellationToken);
        return outcome.IsOk
            ? TypedResults.Created($"/api/campaigns/{campaignId}/watches/{outcome.Value!.Id}", outcome.Value)
            : Problems.Of(outcome, "Campaign", campaignId);
    }

    private static async Task<Results<Ok<CampaignWatch>, ProblemHttpResult>> UpdateWatchAsync(long campaignId, long id, WatchRequest input, Caller caller,
        WatchService watches, CancellationToken cancellationToken) =>
        Problems.OkOr(await watches.UpdateAsync(caller, campaignId, id, input.Version, input.ToInput(), cancellationToken), "Watch", id);

    private static async Task<Results<Ok<CampaignWatch>, ProblemHttpResult>> DeleteWatchAsync(long campaignId, long id, Caller caller, WatchService watches,
        CancellationToken cancellationToken) =>
        Problems.OkOr(await watches.DeleteAsync(caller, campaignId, id, cancellationToken), "Watch", id);

    private static async Task<Ok<IReadOnlyList<VoteRecommendation>>> ListVotesAsync(long campaignId, VoteRecommendations votes,
        CancellationToken cancellationToken) => TypedResults.Ok(await votes.ListAsync(campaignId, cancellationToken));

    private static async Task<Results<Ok<VoteRecommendation>, ProblemHttpResult>> RecommendAsync(long campaignId, string voteUid,
        VoteRecommendationRequest input, Caller caller, VoteRecommendations votes, CancellationToken cancellationToken) =>
        Problems.OkOr(await votes.RecommendAsync(caller, campaignId, voteUid, input.Recommendation, cancellationToken), "Campaign", campaignId);

    private static async Task<Ok<ImportedVotePage>> SearchVotesAsync(string? q, int? page, ParliamentVotes votes, CancellationToken cancellationToken) =>
        TypedResults.Ok(await votes.SearchAsync(q, page, cancellationToken));

    private static async Task<Ok<IReadOnlyList<Proposal>>> ListProposalsAsync(long? campaignId, string? state, Caller caller, ProposalService proposals,
        CancellationToken cancellationToken) => TypedResults.Ok(await proposals.ListAsync(caller, campaignId, state, cancellationToken));

    private static async Task<Results<Ok<Proposal>, ProblemHttpResult>> DecideAsync(long id, ProposalRequest input, Caller caller, ProposalService proposals,
        CancellationToken cancellationToken) =>
        Problems.OkOr(await proposals.DecideAsync(caller, id, input.ToInput(), cancellationToken), "Proposal", id);
}
