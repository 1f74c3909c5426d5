using CampaignDesk.Api.Auth;
using CampaignDesk.Api.Hosting;
using CampaignDesk.Core.Audit;
using CampaignDesk.Core.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CampaignDesk.Api.Audit;

public static class AuditApi
{
    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/audit", SearchAsync).WithTags("Audit").RequireAuthorization(Policies.Admin)
            .WithSummary("Every write, newest first: who, when, what, before and after (admins only); ?entity=&entityId=&actor=&organisation=&action=&from=&to= (days in Paris).");
        return routes;
    }

    private static async Task<Results<Ok<Page<AuditEntry>>, ProblemHttpResult>> SearchAsync(AuditLog audit, string? entity, string? entityId,
        long? actor, long? organisation, string? action, DateOnly? from, DateOnly? to, int page = 1, int pageSize = PageRequest.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        var errors = new Errors();
        var paging = new PageRequest(page, pageSize);
        paging.Validate(errors);
        foreach (var (name, value) in new[] { ("entity", entity), ("entityId", entityId), ("action", action) })
        {
            if (value is { Length: > 50 })
            {
                errors.Add(name, Messages.TooLong, 50);
            }
        }

        if (from > to)
        {
            errors.Add("to", Messages.AuditRangeReversed);
        }

        return errors.Any
            ? Problems.Invalid(errors)
            : TypedResults.Ok(await audit.SearchAsync(new AuditQuery(entity, entityId, actor, organisation, paging, action, from, to), cancellationToken));
    }
}
