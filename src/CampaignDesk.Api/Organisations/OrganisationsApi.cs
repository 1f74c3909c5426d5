using System.Text.Json;
using CampaignDesk.Api.Hosting;
using CampaignDesk.Api.OpenApi;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Organisations;
using CampaignDesk.Core.Users;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CampaignDesk.Api.Organisations;

public static class OrganisationsApi
{
    public static RouteGroupBuilder MapOrganisations(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/organisations").WithTags("Organisations").RequireAuthorization().WithVersionETags();
        group.MapGet("/", ListAsync).WithSummary("Search organisations by text, type, kind, département or parent federation.");
        group.MapGet("/{id:long}", GetAsync).WithSummary("One organisation; its version is the ETag.");
        group.MapPost("/", CreateAsync).WithSummary("Create a structure or federation (admins).");
        group.MapPatch("/{id:long}", PatchAsync)
            .Accepts<OrganisationInput>("application/merge-patch+json", "application/json").WithIfMatch()
            .WithSummary("Change some fields (JSON merge patch; its coordinators and admins); send If-Match with the ETag to refuse a stale copy.");
        return group;
    }

    private static async Task<Results<Ok<Page<Organisation>>, ProblemHttpResult>> ListAsync(OrganisationStore store, string? q, string? type, string? kind, string? department, long? parent, int page = 1,
        int pageSize = PageRequest.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        var errors = new Errors();
        var paging = new PageRequest(page, pageSize);
        paging.Validate(errors);
        if (type is not null && !OrganisationTypes.KindsByType.ContainsKey(type))
        {
            errors.Add("type", Messages.OrganisationTypeFilter);
        }

        if (kind is not null && !OrganisationTypes.KindsByType.Values.Any(kinds => kinds.Contains(kind)))
        {
            errors.Add("kind", Messages.OrganisationKindUnknown, kind);
        }

        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        var query = new OrganisationQuery(q, type, kind, department?.Trim().ToUpperInvariant(), parent, paging);
        return TypedResults.Ok(await store.SearchAsync(query, cancellationToken));
    }

    private static async Task<Results<Ok<Organisation>, ProblemHttpResult>> GetAsync(long id, OrganisationStore store,
        HttpResponse response, CancellationToken cancellationToken)
    {
        var organisation = await store.GetAsync(id, cancellationToken);
        if (organisation is null)
        {
            return Problems.NotFound("Organisation", id);
        }

        response.Headers.ETag = ETags.Of(organisation.Version);
        return TypedResults.Ok(organisation);
    }

    private static async Task<Results<Created<Organisation>, ProblemHttpResult>> CreateAsync(OrganisationInput input, Caller caller,
        OrganisationService service, HttpResponse response, CancellationToken cancellationToken)
    {
        var outcome = await service.CreateAsync(caller, input.ToFields(), cancellationToken);
        if (!outcome.IsOk)
        {
            return Problem(outcome, 0);
        }

        var created = outcome.Value!;
        response.Headers.ETag = ETags.Of(created.Version);
        return TypedResults.Created($"/api/organisations/{created.Id}", created);
    }

    private static async Task<Results<Ok<Organisation>, ProblemHttpResult>> PatchAsync(long id, JsonElement body, Caller caller,
        OrganisationService service, OrganisationStore store, HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        var errors = new Errors();
        var ifMatch = await ETags.ExpectedVersionAsync(request, errors, async () => (await store.GetAsync(id, cancellationToken))?.Version);
        var patch = OrganisationPatch.Parse(body, errors);
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        var outcome = await service.UpdateAsync(caller, id, patch.ApplyTo, ifMatch, cancellationToken);
        if (!outcome.IsOk)
        {
            return Problem(outcome, id, conditional: ifMatch is not null);
        }

        response.Headers.ETag = ETags.Of(outcome.Value!.Version);
        return TypedResults.Ok(outcome.Value);
    }

    // A name taken is a conflict named on its field; a stale copy answers 412 to If-Match and 409 otherwise, with the current version.
    private static ProblemHttpResult Problem(Outcome<Organisation> outcome, long id, bool conditional = false) => outcome.Status switch
    {
        OutcomeStatus.Conflict when outcome.Errors is not null => TypedResults.Problem(
            new CatalogValidationProblem(outcome.Errors, StatusCodes.Status409Conflict, Messages.OrganisationNameTakenTitle)),
        OutcomeStatus.Stale => Problems.Problem(conditional ? StatusCodes.Status412PreconditionFailed : StatusCodes.Status409Conflict,
            Messages.OrganisationStale, outcome.Detail, new Dictionary<string, object?> { ["currentVersion"] = outcome.Value!.Version }),
        _ => Problems.Of(outcome, "Organisation", id),
    };
}
