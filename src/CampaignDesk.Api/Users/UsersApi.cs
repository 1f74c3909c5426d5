using System.Security.Claims;
using CampaignDesk.Api.Auth;
using CampaignDesk.Api.Hosting;
using CampaignDesk.Api.OpenApi;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Users;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CampaignDesk.Api.Users;

public sealed record UserInput(string? Email, string? DisplayName, string? Role, long[]? OrganisationIds, string? EntraObjectId = null,
    bool? Disabled = null)
{
    public UserFields ToFields() => new(Email, DisplayName, Role, OrganisationIds, EntraObjectId, Disabled);
}

public sealed record TokenInput(string? Name, int? ExpiresInDays);

/// <summary>The caller as the API sees them: a user, or the bootstrap admin (no user id).</summary>
/// <summary>The caller: <see cref="Name"/> is the e-mail (what the audit records), <see cref="DisplayName"/> what pages greet.
/// <see cref="Session"/>: when signed in with a browser session, its id and the anti-CSRF token its writes carry.</summary>
public sealed record CurrentUser(long? Id, string Name, string DisplayName, string Role, IReadOnlyList<long> OrganisationIds,
    CurrentSession? Session = null);

public sealed record CurrentSession(long Id, string CsrfToken);

public sealed record CalendarFeed(string Url, AccessToken Token);

public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsers(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/me", async (Caller caller, ClaimsPrincipal principal, UserStore users, CancellationToken cancellationToken) =>
            {
                var user = caller.UserId is { } id ? await users.GetAsync(id, cancellationToken) : null;
                var session = SessionAuthenticationHandler.Of(principal) is { } s ? new CurrentSession(s.Id, s.CsrfToken) : null;
                return TypedResults.Ok(new CurrentUser(caller.UserId, caller.Name, user?.DisplayName ?? caller.Name, caller.Role,
                    [.. caller.OrganisationIds.Order()], session));
            })
            .WithTags("Users").WithSummary("Who the token belongs to: role and organisations.").RequireAuthorization();

        var group = routes.MapGroup("/api/users").WithTags("Users").RequireAuthorization().WithVersionETags();
        group.MapGet("/", SearchAsync).WithSummary("Users: all for admins, those of their organisations for coordinators.");
        group.MapGet("/{id:long}", GetAsync).WithSummary("One user (admins, the user, coordinators of their organisations).");
        group.MapPost("/", CreateAsync).WithSummary("Create a user; coordinators create volunteers of their organisations.");
        group.MapPatch("/{id:long}", UpdateAsync).WithIfMatch().WithSummary("Change a user's name, role, organisations, Entra id or disabled flag.");
        group.MapGet("/{id:long}/tokens", ListTokensAsync).WithSummary("A user's API tokens (never the tokens themselves).");
        group.MapPost("/{id:long}/tokens", IssueTokenAsync).WithSummary("Issue an API token: shown once in the response, stored hashed.");
        group.MapDelete("/{id:long}/tokens/{tokenId:long}", RevokeTokenAsync).WithSummary("Revoke a token; it stops working at once.");
        group.MapPost("/{id:long}/calendar", RenewCalendarAsync)
            .WithSummary("A new secret iCalendar feed address of the user's tasks (shown once); the previous address stops working.");
        group.MapDelete("/{id:long}/calendar", RevokeCalendarAsync).WithSummary("Turn the user's calendar feed off.");
        return routes;
    }

    private static async Task<Results<Ok<Page<User>>, ProblemHttpResult>> SearchAsync(Caller caller, UserService users, string? q, string? role,
        long? organisation, int page = 1, int pageSize = PageRequest.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        var errors = new Errors();
        var paging = new PageRequest(page, pageSize);
        paging.Validate(errors);
        if (role is not null && !UserRoles.All.Contains(role))
        {
            errors.Add("role", Messages.UserRoleInvalid, UserRoles.All);
        }

        if (q is { Length: > 200 })
        {
            errors.Add("q", Messages.SearchTooLong);
        }

        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        var outcome = await users.SearchAsync(caller, new UserQuery(q, role, organisation, paging), cancellationToken);
        return Problems.OkOr(outcome, "User", 0);
    }

    private static async Task<Results<Ok<User>, ProblemHttpResult>> GetAsync(long id, Caller caller, UserService users,
        CancellationToken cancellationToken) =>
        Problems.OkOr(await users.GetAsync(caller, id, cancellationToken), "User", id);

    private static async Task<Results<Created<User>, ProblemHttpResult>> CreateAsync(UserInput input, Caller caller, UserService users,
        CancellationToken cancellationToken)
    {
        var outcome = await users.CreateAsync(caller, input.ToFields(), cancellationToken);
        return outcome.IsOk ? TypedResults.Created($"/api/users/{outcome.Value!.Id}", outcome.Value) : Problems.Of(outcome, "User", 0);
    }

    private static async Task<Results<Ok<User>, ProblemHttpResult>> UpdateAsync(long id, UserInput input, Caller caller, UserService users,
        HttpRequest request, CancellationToken cancellationToken)
    {
        var errors = new Errors();
        var ifMatch = await ETags.ExpectedVersionAsync(request, errors,
            async () => (await users.GetAsync(caller, id, cancellationToken)).Value?.Version);
        return errors.Any
            ? Problems.Invalid(errors)
            : Problems.OkOr(await users.UpdateAsync(caller, id, input.ToFields(), ifMatch, cancellationToken), "User", id);
    }

    private static async Task<Results<Ok<IReadOnlyList<AccessToken>>, ProblemHttpResult>> ListTokensAsync(long id, Caller caller, UserService users,
        CancellationToken cancellationToken) =>
        Problems.OkOr(await users.ListTokensAsync(caller, id, cancellationToken), "User", id);

    private static async Task<Results<Created<IssuedToken>, ProblemHttpResult>> IssueTokenAsync(long id, TokenInput? input, Caller caller,
        UserService users, CancellationToken cancellationToken)
    {
        var outcome = await users.IssueTokenAsync(caller, id, input?.Name, input?.ExpiresInDays, cancellationToken);
        return outcome.IsOk ? TypedResults.Created($"/api/users/{id}/tokens", outcome.Value) : Problems.Of(outcome, "User", id);
    }

    private static async Task<Results<Ok<AccessToken>, ProblemHttpResult>> RevokeTokenAsync(long id, long tokenId, Caller caller, UserService users,
        CancellationToken cancellationToken) =>
        Problems.OkOr(await users.RevokeTokenAsync(caller, id, tokenId, cancellationToken), "User", id);

    private static async Task<Results<Created<CalendarFeed>, ProblemHttpResult>> RenewCalendarAsync(long id, Caller caller, UserService users,
        HttpRequest request, PublicUrl publicUrl, CancellationToken cancellationToken)
    {
        var outcome = await users.RenewCalendarAsync(caller, id, cancellationToken);
        if (!outcome.IsOk)
        {
            return Problems.Of(outcome, "User", id);
        }

        var url = $"{publicUrl.For(request)}/calendar/{outcome.Value!.Token}.ics";
        return TypedResults.Created(url, new CalendarFeed(url, outcome.Value.Info));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeCalendarAsync(long id, Caller caller, UserService users,
        CancellationToken cancellationToken)
    {
        var outcome = await users.RevokeCalendarAsync(caller, id, cancellationToken);
        return outcome.IsOk ? TypedResults.NoContent() : Problems.Of(outcome, "User", id);
    }

}
