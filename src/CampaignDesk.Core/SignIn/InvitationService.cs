using CampaignDesk.Core.Audit;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Mail;
using CampaignDesk.Core.Organisations;
using CampaignDesk.Core.Users;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CampaignDesk.Core.SignIn;

/// <summary>An invitation just sent, and whether it created the user.</summary>
public sealed record SentInvitation(Invitation Invitation, bool UserCreated);

/// <summary>
/// Invitations: an admin (anyone) or a coordinator (volunteers of their organisations, as for creating users) has
/// CampaignDesk e-mail someone a one-time link that signs them in. The user is created, or the existing one reused
/// when the invitation asks nothing they do not already have; a new invitation replaces the person's pending one.
/// Since the link signs in as the user, it may be sent only by whoever could issue them a token.
/// </summary>
public sealed class InvitationService(Database database, UserService users, UserStore store, OrganisationStore organisationStore, SignInLinks links,
    IMailTransport mail, IOptions<MailOptions> mailOptions, IOptions<SignInOptions> options, AuditLog audit, TimeProvider time, ILogger<InvitationService> logger)
{
    public async Task<Outcome<SentInvitation>> InviteAsync(Caller caller, UserFields input, Uri baseUrl, CancellationToken cancellationToken)
    {
        if (!caller.CoordinatesAny)
        {
            return Outcome<SentInvitation>.Forbidden(Messages.InvitationsForbidden);
        }

        var email = input.Email?.Trim();
        if (email is null || !UserRules.IsEmail(email))
        {
            return Outcome<SentInvitation>.Invalid("email", Messages.EmailInvalid);
        }

        var created = false;
        var user = await store.FindAsync(null, email, cancellationToken);
        if (user is null)
        {
            var creation = await users.CreateAsync(caller, input with { Email = email }, cancellationToken);
            created = creation.IsOk;
            user = creation.IsOk ? creation.Value : await store.FindAsync(null, email, cancellationToken);
            if (user is null || (!creation.IsOk && creation.Status != OutcomeStatus.Conflict))
            {
                return creation.As<SentInvitation>();
            }
        }

        if (!created && Refusal(caller, user, input) is { } refusal)
        {
            return refusal;
        }

        var issued = await database.WriteAsync(async session =>
        {
            await links.RevokeAsync(session, user.Id, SignInLinks.InvitationKind, null);
            var inviter = caller.UserId is null ? "L'administration de la coalition" : caller.DisplayName;
            var (id, secret) = await links.IssueAsync(session, user.Id, SignInLinks.InvitationKind, caller.UserId, inviter,
                time.GetUtcNow().UtcDateTime + options.Value.InvitationLifetime);
            var invitation = (await links.PendingInvitationsAsync(session, id))[0];
            var organisations = await organisationStore.GetNamesAsync(session, user.OrganisationIds);
            await audit.RecordAsync(session, caller, "create", "invitation", id, null, null, invitation);
            return (Invitation: invitation, Secret: secret, Inviter: inviter, Organisations: organisations);
        }, cancellationToken);

        var url = SignInMail.Link(baseUrl, issued.Secret, SignInMail.InvitationLanding(user.Role));
        var message = SignInMail.Invitation(mailOptions.Value, issued.Invitation.Id, url, baseUrl, issued.Inviter, user.DisplayName, user.Email,
            user.Role, issued.Organisations, issued.Invitation.ExpiresUtc);
        await SendOrRevokeAsync(message, user.Id, issued.Invitation.Id, cancellationToken);
        logger.LogInformation("Invitation {InvitationId} sent to user {UserId}", issued.Invitation.Id, user.Id);
        return Outcome<SentInvitation>.Ok(new SentInvitation(ViewFor(caller, issued.Invitation), created));
    }

    /// <summary>Pending invitations of the people the caller manages: everyone's for admins, their volunteers' for coordinators.</summary>
    public async Task<Outcome<IReadOnlyList<Invitation>>> ListAsync(Caller caller, CancellationToken cancellationToken)
    {
        if (!caller.CoordinatesAny)
        {
            return Outcome<IReadOnlyList<Invitation>>.Forbidden(Messages.InvitationsListForbidden);
        }

        var pending = await database.ReadAsync(session => links.PendingInvitationsAsync(session, null), cancellationToken);
        return Outcome<IReadOnlyList<Invitation>>.Ok([.. pending.Where(i => UserRules.MayManage(caller, AsUser(i))).Select(i => ViewFor(caller, i))]);
    }

    /// <summary>Cancels a pending invitation: its link stops working at once.</summary>
    public Task<Outcome<Invitation>> RevokeAsync(Caller caller, long id, CancellationToken cancellationToken) =>
        database.WriteAsync(async session =>
        {
            var pending = await links.PendingInvitationsAsync(session, id);
            if (pending.Count == 0 || !UserRules.MaySee(caller, AsUser(pending[0])))
            {
                return Outcome<Invitation>.NotFound();
            }

            if (!UserRules.MayManage(caller, AsUser(pending[0])))
            {
                return Outcome<Invitation>.Forbidden(Messages.InvitationRevokeForbidden);
            }

            await links.RevokeAsync(session, pending[0].UserId, SignInLinks.InvitationKind, id);
            await audit.RecordAsync(session, caller, "revoke", "invitation", id, null, pending[0], null);
            return Outcome<Invitation>.Ok(ViewFor(caller, pending[0]));
        }, cancellationToken);

    /// <summary>Why an existing user may not be invited by this caller, or with these role and organisations; null when they may.</summary>
    private static Outcome<SentInvitation>? Refusal(Caller caller, User user, UserFields input)
    {
        if (!UserRules.MaySee(caller, user))
        {
            return Outcome<SentInvitation>.Conflict(Messages.AddressNotForCoordinators);
        }

        var role = input.Role?.Trim().ToLowerInvariant();
        if ((role is not null && role != user.Role) || (input.OrganisationIds ?? []).Any(o => !user.OrganisationIds.Contains(o)))
        {
            return Outcome<SentInvitation>.Conflict(Messages.InvitationAccountDiffers.With(user.Id));
        }

        if (!UserRules.MayControlAccess(caller, user))
        {
            return Outcome<SentInvitation>.Forbidden(Messages.InvitationIssueForbidden);
        }

        return user.Disabled
            ? Outcome<SentInvitation>.Conflict(Messages.InvitationUserDisabled.With(user.Id))
            : null;
    }

    /// <summary>A link that never reached its person is revoked, so the pending list shows only invitations that left.</summary>
    private async Task SendOrRevokeAsync(OutgoingMail message, long userId, long linkId, CancellationToken cancellationToken)
    {
        try
        {
            await mail.SendAsync(message, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Invitation {InvitationId} could not be sent; its link is revoked", linkId);
            await database.WriteAsync(async session =>
                await links.RevokeAsync(session, userId, SignInLinks.InvitationKind, linkId), CancellationToken.None);
            throw;
        }
    }

    /// <summary>As for users (<see cref="UserRules.ViewFor"/>): a coordinator sees, of the person's organisations, only those they share.</summary>
    private static Invitation ViewFor(Caller caller, Invitation i) =>
        i with { OrganisationIds = UserRules.ViewFor(caller, AsUser(i)).OrganisationIds };

    private static User AsUser(Invitation i) => new(i.UserId, i.Email, i.DisplayName, i.Role, null, i.OrganisationIds, false, 0, default, default);
}
