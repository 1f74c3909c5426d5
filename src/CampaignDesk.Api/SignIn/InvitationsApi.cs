using CampaignDesk.Api.Hosting;
using CampaignDesk.Core.SignIn;
using CampaignDesk.Core.Users;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CampaignDesk.Api.SignIn;

public sealed record InvitationInput(string? Email, string? DisplayName, string? Role, long[]? OrganisationIds)
{
    public UserFields ToFields() => new(Email, DisplayName, Role, OrganisationIds);
}

public static class InvitationsApi
{
    public static IEndpointRouteBuilder MapInvitations(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/invitations").WithTags("Sign-in").RequireAuthorization();
        group.MapPost("/", InviteAsync)
            .WithSummary("Invite someone by e-mail: creates the user (or reuses them) and sends a one-time link that signs them in.");
        group.MapGet("/", ListAsync).WithSummary("Pending invitations: all for admins, their volunteers' for coordinators.");
        group.MapDelete("/{id:long}", RevokeAsync).WithSummary("Cancel a pending invitation: its link stops working.");
        return routes;
    }

    private static async Task<Results<Created<SentInvitation>, ProblemHttpResult>> InviteAsync(InvitationInput input, Caller caller,
        InvitationService invitations, PublicUrl publicUrl, HttpRequest request, CancellationToken cancellationToken)
    {
        var outcome = await invitations.InviteAsync(caller, input.ToFields(), publicUrl.ForLinks(request), cancellationToken);
        return outcome.IsOk
            ? TypedResults.Created($"/api/invitations/{outcome.Value!.Invitation.Id}", outcome.Value)
            : Problems.Of(outcome, "Invitation", 0);
    }

    private static async Task<Results<Ok<IReadOnlyList<Invitation>>, ProblemHttpResult>> ListAsync(Caller caller, InvitationService invitations,
        CancellationToken cancellationToken) =>
        Problems.OkOr(await invitations.ListAsync(caller, cancellationToken), "Invitation", 0);

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(long id, Caller caller, InvitationService invitations,
        CancellationToken cancellationToken)
    {
        var outcome = await invitations.RevokeAsync(caller, id, cancellationToken);
        return outcome.IsOk ? TypedResults.NoContent() : Problems.Of(outcome, "Invitation", id);
    }
}
