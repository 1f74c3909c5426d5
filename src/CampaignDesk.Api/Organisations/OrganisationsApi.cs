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
        var result = await service.CreateAsync(caller, input.ToFields(), cancellationToken);
        if (result.Status != SaveStatus.Saved)
        {
            return Problem(result, 0);
        }

        response.Headers.ETag = ETags.Of(result.Organisation!.Version);
        return TypedResults.Created($"/api/organisations/{result.Organisation.Id}", result.Organisation);
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

        var result = await service.UpdateAsync(caller, id, patch.ApplyTo, ifMatch, cancellationToken);
        if (result.Status != SaveStatus.Saved)
        {
            return Problem(result, id, conditional: ifMatch is not null);
        }

        response.Headers.ETag = ETags.Of(result.Organisation!.Version);
        return TypedResults.Ok(result.Organisation);
    }

    private static ProblemHttpResult Problem(SaveResult result, long id, bool conditional = false) => result.Status switch
    {
        SaveStatus.NotFound => Problems.NotFound("Organisation", id),
        SaveStatus.Forbidden => Problems.Forbidden(result.Detail),
        SaveStatus.Invalid => Problems.Invalid(result.Errors!),
        SaveStatus.NameTaken => TypedResults.Problem(
            new CatalogValidationProblem(result.Errors!, StatusCodes.Status409Conflict, Messages.OrganisationNameTakenTitle)),
        SaveStatus.Stale => Problems.Problem(conditional ? StatusCodes.Status412PreconditionFailed : StatusCodes.Status409Conflict,
            Messages.OrganisationStale, Messages.OrganisationStaleDetail.With(result.Organisation!.Version),
            new Dictionary<string, object?> { ["currentVersion"] = result.Organisation.Version }),
        _ => throw new InvalidOperationException($"Unexpected save status {result.Status}."),
    };

}
