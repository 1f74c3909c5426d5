using CampaignDesk.Core.Audit;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Mail;
using CampaignDesk.Core.Users;
using Dapper;
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
public sealed class InvitationService(Database database, UserService users, UserStore store, SignInLinks links, IMailTransport mail,
    IOptions<MailOptions> mailOptions, IOptions<SignInOptions> options, AuditLog audit, TimeProvider time, ILogger<InvitationService> logger)
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

        var issued = await database.TransactAsync(async (connection, transaction) =>
        {
            await links.RevokeAsync(connection, transaction, user.Id, SignInLinks.InvitationKind, null, cancellationToken);
            var inviter = caller.UserId is null ? "L'administration de la coalition" : caller.DisplayName;
            var (id, secret) = await links.IssueAsync(connection, transaction, user.Id, SignInLinks.InvitationKind, caller.UserId, inviter,
                time.GetUtcNow().UtcDateTime + options.Value.InvitationLifetime, cancellationToken);
            var invitation = (await links.PendingInvitationsAsync(connection, transaction, id, cancellationToken))[0];
            var organisations = user.OrganisationIds.Count == 0
                ? []
                : (await connection.QueryAsync<string>(database.Command(
                    $"SELECT name FROM organisations WHERE {database.Dialect.InList("id", "ids")} ORDER BY name",
                    new { ids = user.OrganisationIds.ToArray() }, transaction, cancellationToken))).ToList();
            await audit.RecordAsync(connection, transaction, caller, "create", "invitation", id, null, null, invitation, cancellationToken);
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

        await using var connection = await database.OpenAsync(cancellationToken);
        var pending = await links.PendingInvitationsAsync(connection, null, null, cancellationToken);
        return Outcome<IReadOnlyList<Invitation>>.Ok([.. pending.Where(i => UserRules.MayManage(caller, AsUser(i))).Select(i => ViewFor(caller, i))]);
    }

    /// <summary>Cancels a pending invitation: its link stops working at once.</summary>
    public Task<Outcome<Invitation>> RevokeAsync(Caller caller, long id, CancellationToken cancellationToken) =>
        database.TransactAsync(async (connection, transaction) =>
        {
            var pending = await links.PendingInvitationsAsync(connection, transaction, id, cancellationToken);
            if (pending.Count == 0 || !UserRules.MaySee(caller, AsUser(pending[0])))
            {
                return Outcome<Invitation>.NotFound();
            }

            if (!UserRules.MayManage(caller, AsUser(pending[0])))
            {
                return Outcome<Invitation>.Forbidden(Messages.InvitationRevokeForbidden);
            }

            await links.RevokeAsync(connection, transaction, pending[0].UserId, SignInLinks.InvitationKind, id, cancellationToken);
            await audit.RecordAsync(connection, transaction, caller, "revoke", "invitation", id, null, pending[0], null, cancellationToken);
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
            await database.TransactAsync(async (connection, transaction) =>
                await links.RevokeAsync(connection, transaction, userId, SignInLinks.InvitationKind, linkId, CancellationToken.None), CancellationToken.None);
            throw;
        }
    }

    /// <summary>As for users (<see cref="UserRules.ViewFor"/>): a coordinator sees, of the person's organisations, only those they share.</summary>
    private static Invitation ViewFor(Caller caller, Invitation i) =>
        i with { OrganisationIds = UserRules.ViewFor(caller, AsUser(i)).OrganisationIds };

    private static User AsUser(Invitation i) => new(i.UserId, i.Email, i.DisplayName, i.Role, null, i.OrganisationIds, false, 0, default, default);
}
