using CampaignDesk.Api.Hosting;
using CampaignDesk.Core.Replies;
using CampaignDesk.Core.Users;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CampaignDesk.Api.Triage;

public static class TriageApi
{
    public static IEndpointRouteBuilder MapTriage(this IEndpointRouteBuilder routes)
    {
        var triage = routes.MapGroup("/api/triage").WithTags("Replies").RequireAuthorization();
        triage.MapGet("/", WaitingAsync)
            .WithSummary("Officials' answers read from the caller's organisations' mailboxes, waiting for a stance (oldest first).");
        triage.MapPost("/{id:long}", DecideAsync)
            .WithSummary("Give an answer its stance and summary ({stance, summary}), or leave it unknown ({dismiss: true}).");
        return routes;
    }

    private static async Task<Ok<IReadOnlyList<TriageItem>>> WaitingAsync(Caller caller, TriageService triage, CancellationToken cancellationToken) =>
        TypedResults.Ok(await triage.WaitingAsync(caller, cancellationToken));

    private static async Task<Results<Ok<TriageItem>, ProblemHttpResult>> DecideAsync(long id, TriageRequest decision, Caller caller,
        TriageService triage, CancellationToken cancellationToken) =>
        Problems.OkOr(await triage.DecideAsync(caller, id, decision.ToDecision(), cancellationToken), "Answer", id);
}
