using CampaignDesk.Api.Hosting;
using CampaignDesk.Core.Officials;
using CampaignDesk.Core.Positions;
using CampaignDesk.Core.Users;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CampaignDesk.Api.Positions;

public static class PositionsApi
{
    public static IEndpointRouteBuilder MapPositions(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/positions").WithTags("Positions").RequireAuthorization();
        group.MapPost("/", RecordAsync).WithSummary("Record what an official said or did: kind, date, stance, summary, source (required when public).");
        group.MapGet("/{id:long}", GetAsync).WithSummary("One position, with the interactions it cites (a withdrawn one says when and by whom).");
        group.MapPatch("/{id:long}", UpdateAsync)
            .WithSummary("Correct a position (its author, or its organisation's coordinators): the fields given change, audited; coverage follows.");
        group.MapDelete("/{id:long}", WithdrawAsync)
            .WithSummary("Withdraw a position (its author, or its organisation's coordinators): kept with its history, it counts no more.");
        routes.MapGet("/api/officials/{id:long}/timeline", TimelineAsync).WithTags("Officials").RequireAuthorization()
            .WithSummary("Interactions and positions of one official, newest first, with the organisations involved.");
        return routes;
    }

    private static async Task<Results<Created<Position>, ProblemHttpResult>> RecordAsync(PositionRequest input, Caller caller, PositionService positions,
        CancellationToken cancellationToken)
    {
        var outcome = await positions.RecordAsync(caller, input.ToInput(), cancellationToken);
        return outcome.IsOk ? TypedResults.Created($"/api/positions/{outcome.Value!.Id}", outcome.Value) : Problems.Of(outcome, "Position", 0);
    }

    private static async Task<Results<Ok<Position>, ProblemHttpResult>> GetAsync(long id, Caller caller, PositionService positions,
        CancellationToken cancellationToken) =>
        await positions.GetAsync(caller, id, cancellationToken) is { } position ? TypedResults.Ok(position) : Problems.NotFound("Position", id);

    private static async Task<Results<Ok<Position>, ProblemHttpResult>> UpdateAsync(long id, PositionRequest change, Caller caller,
        PositionService positions, CancellationToken cancellationToken) =>
        Problems.OkOr(await positions.UpdateAsync(caller, id, change.ToInput(), cancellationToken), "Position", id);

    private static async Task<Results<Ok<Position>, ProblemHttpResult>> WithdrawAsync(long id, Caller caller, PositionService positions,
        CancellationToken cancellationToken) =>
        Problems.OkOr(await positions.WithdrawAsync(caller, id, cancellationToken), "Position", id);

    private static async Task<Results<Ok<IReadOnlyList<TimelineEntry>>, ProblemHttpResult>> TimelineAsync(long id, Caller caller, Timeline timeline,
        CancellationToken cancellationToken) =>
        await timeline.ForAsync(caller, id, cancellationToken) is { } entries ? TypedResults.Ok(entries) : Problems.NotFound("Official", id);
}
