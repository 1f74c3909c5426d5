using CampaignDesk.Api.Hosting;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Interactions;
using CampaignDesk.Core.Users;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CampaignDesk.Api.Interactions;

public static class InteractionsApi
{
    public static IEndpointRouteBuilder MapInteractions(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/interactions").WithTags("Interactions").RequireAuthorization();
        group.MapGet("/", SearchAsync).WithSummary("The outreach log, newest first; other organisations' confidential notes are left out.");
        group.MapGet("/export.{format}", Export)
            .WithSummary("The outreach log as a download (export.csv or export.xlsx), with the same filters and visibility as the list.");
        group.MapGet("/{id:long}", GetAsync).WithSummary("One interaction; a confidential one exists only for its organisation and admins.");
        group.MapPost("/", LogAsync).WithSummary("Log a contact with an official, for an organisation you act for.");
        group.MapPatch("/{id:long}", UpdateAsync)
            .WithSummary("Correct an interaction (its author or the organisation's coordinators): the fields given change, audited.");
        return routes;
    }

    private static async Task<Results<Ok<Page<Interaction>>, ProblemHttpResult>> SearchAsync(Caller caller, InteractionService interactions,
        long? official, long? organisation, long? campaign, int page = 1, int pageSize = PageRequest.DefaultPageSize,
        CancellationToken cancellationToken = default)
    {
        var errors = new Errors();
        var paging = new PageRequest(page, pageSize);
        paging.Validate(errors);
        return errors.Any
            ? Problems.Invalid(errors)
            : TypedResults.Ok(await interactions.SearchAsync(caller, new InteractionQuery(official, organisation, campaign, paging), cancellationToken));
    }

    private static IResult Export(string format, Caller caller, InteractionService interactions, long? official, long? organisation, long? campaign) =>
        ExportResults.Formats.Contains(format)
            ? ExportResults.File(interactions.Export(caller, new InteractionQuery(official, organisation, campaign, PageRequest.First)), format,
                campaign is null ? "journal-des-contacts" : $"journal-des-contacts-campagne-{campaign}")
            : Problems.Invalid("format", Messages.ExportFormat);

    private static async Task<Results<Ok<Interaction>, ProblemHttpResult>> GetAsync(long id, Caller caller, InteractionService interactions,
        CancellationToken cancellationToken)
        => Problems.OkOr(await interactions.GetAsync(caller, id, cancellationToken), "Interaction", id);

    private static async Task<Results<Ok<Interaction>, ProblemHttpResult>> UpdateAsync(long id, InteractionRequest change, Caller caller,
        InteractionService interactions, CancellationToken cancellationToken)
        => Problems.OkOr(await interactions.UpdateAsync(caller, id, change.ToInput(), cancellationToken), "Interaction", id);

    private static async Task<Results<Created<Interaction>, ProblemHttpResult>> LogAsync(InteractionRequest input, Caller caller,
        InteractionService interactions, CancellationToken cancellationToken)
    {
        var outcome = await interactions.LogAsync(caller, input.ToInput(), cancellationToken);
        return outcome.IsOk ? TypedResults.Created($"/api/interactions/{outcome.Value!.Id}", outcome.Value) : Problems.Of(outcome, "Interaction", 0);
    }
}
