using CampaignDesk.Api.Hosting;
using CampaignDesk.Core.Campaigns;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Officials;
using CampaignDesk.Core.Organisations;
using CampaignDesk.Core.Territories;
using CampaignDesk.Core.Users;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CampaignDesk.Api.Officials;

public static class OfficialsApi
{
    public static IEndpointRouteBuilder MapOfficials(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/officials").WithTags("Officials").RequireAuthorization();
        group.MapGet("/", SearchAsync)
            .WithSummary("Search élus: q ignores accents and case; role, department, commune, circonscription and group filter one same mandate.");
        group.MapGet("/{id:long}", GetAsync).WithSummary("One élu: mandates (ended ones too), contacts with their sources, identifiers.");
        group.MapGet("/{id:long}/actions", ActionsAsync)
            .WithSummary("What the caller may do about this élu for an organisation and a running campaign: rights, assignees, templates, the next action.");
        routes.MapGet("/api/organisations/{id:long}/actions", OrganisationActionsAsync).WithTags("Organisations").RequireAuthorization()
            .WithSummary("What the caller may do for this organisation's élus on a running campaign: rights, assignees, templates.");
        routes.MapGet("/api/organisations/{id:long}/officials", ForOrganisationAsync).WithTags("Organisations").RequireAuthorization()
            .WithSummary("The élus that matter to this organisation, each with the reason; with campaign=, where that campaign stands with each.");
        return routes;
    }

    private static async Task<Results<Ok<Page<OfficialSummary>>, ProblemHttpResult>> SearchAsync(OfficialQueries store, string? q, string? role,
        string? department, string? commune, string? circonscription, string? group, bool? active, int page = 1,
        int pageSize = PageRequest.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        var errors = new Errors();
        var paging = new PageRequest(page, pageSize);
        paging.Validate(errors);
        if (role is not null && !Roles.All.Contains(role))
        {
            errors.Add("role", Messages.RoleUnknown, role, Roles.All);
        }

        if (circonscription is not null && !CirconscriptionCode.IsValid(circonscription.ToUpperInvariant()))
        {
            errors.Add("circonscription", Messages.CirconscriptionFilter);
        }

        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        var query = new OfficialQuery(q, role, department?.Trim().ToUpperInvariant(), commune?.Trim().ToUpperInvariant(),
            circonscription?.ToUpperInvariant(), group, active ?? true, paging);
        return TypedResults.Ok(await store.SearchAsync(query, cancellationToken));
    }

    private static async Task<Results<Ok<Official>, ProblemHttpResult>> GetAsync(long id, OfficialQueries store, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) is { } official
            ? TypedResults.Ok(official)
            : Problems.NotFound("Official", id);

    private static async Task<Results<Ok<OfficialActionsView>, ProblemHttpResult>> ActionsAsync(long id, long? organisation, long? campaign,
        Caller caller, OfficialActions actions, CancellationToken cancellationToken) =>
        Problems.OkOr(await actions.ForAsync(caller, id, organisation, campaign, cancellationToken), "Official", id);

    private static async Task<Results<Ok<OfficialActionsView>, ProblemHttpResult>> OrganisationActionsAsync(long id, long? campaign, Caller caller,
        OfficialActions actions, CancellationToken cancellationToken) =>
        Problems.OkOr(await actions.ForAsync(caller, null, id, campaign, cancellationToken), "Organisation", id);

    private static async Task<Results<Ok<IReadOnlyList<RelevantOfficial>>, ProblemHttpResult>> ForOrganisationAsync(long id,
        long? campaign, Caller caller, OrganisationStore organisations, OrganisationOfficials officials, CampaignService campaigns,
        CancellationToken cancellationToken)
    {
        var organisation = await organisations.GetAsync(id, cancellationToken);
        if (organisation is null)
        {
            return Problems.NotFound("Organisation", id);
        }

        if (campaign is { } campaignId && await campaigns.GetAsync(campaignId, cancellationToken) is null)
        {
            return Problems.Invalid("campaign", Messages.NoCampaign, campaignId);
        }

        return TypedResults.Ok(await officials.ForAsync(organisation, campaign, caller, cancellationToken));
    }
}
