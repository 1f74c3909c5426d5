using CampaignDesk.Core.Audit;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Mail;
using CampaignDesk.Core.Users;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CampaignDesk.Core.SignIn;

/// <summary>A session just opened by a link: its secret goes into the cookie, once.</summary>
public sealed record StartedSession(string Secret, WebSession Session, Caller Caller);

/// <summary>
/// Signing in by e-mail: « Recevoir un lien de connexion » sends a fresh one-time link to a known, enabled address;
/// using a link opens a browser session; « Mes appareils » lists and ends them.
/// </summary>
public sealed class SignInService(Database database, UserStore users, SignInLinks links, WebSessions sessions, IMailTransport mail,
    IOptions<MailOptions> mailOptions, IOptions<SignInOptions> options, AuditLog audit, TimeProvider time, ILogger<SignInService> logger)
{
    /// <summary>
    /// Sends a link when the address is a user's and the user is enabled; otherwise nothing. Whoever asked is never
    /// told which (the API answers the same either way), and the address is never logged.
    /// </summary>
    public async Task<bool> SendLinkAsync(string email, Uri baseUrl, string? returnTo, CancellationToken cancellationToken)
    {
        var user = UserRules.IsEmail(email.Trim()) ? await users.FindAsync(null, email.Trim(), cancellationToken) : null;
        if (user is null || user.Disabled)
        {
            logger.LogInformation("Sign-in link asked for an address with no enabled user: none sent");
            return false;
        }

        var lifetime = options.Value.LinkLifetime;
        var (id, secret, expires) = await database.WriteAsync(async session =>
        {
            var expires = time.GetUtcNow().UtcDateTime + lifetime;
            var (id, secret) = await links.IssueAsync(session, user.Id, SignInLinks.LinkKind, null, null, expires);
            await audit.RecordAsync(session, Caller.System("sign-in-link"), "create", "sign_in_link", id, null, null,
                new { userId = user.Id, expiresUtc = expires });
            return (id, secret, expires);
        }, cancellationToken);

        var message = SignInMail.SignInLink(mailOptions.Value, id, SignInMail.Link(baseUrl, secret, returnTo), user.DisplayName, user.Email, lifetime,
            expires);
        try
        {
            await mail.SendAsync(message, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Sign-in link {LinkId} for user {UserId} could not be sent; it is revoked", id, user.Id);
            await database.WriteAsync(async session =>
                await links.RevokeAsync(session, user.Id, SignInLinks.LinkKind, id), CancellationToken.None);
            throw;
        }

        logger.LogInformation("Sign-in link {LinkId} sent to user {UserId}", id, user.Id);
        return true;
    }

    /// <summary>Uses a link (once) and opens a session on the device that followed it.</summary>
    public Task<Outcome<StartedSession>> StartSessionAsync(string? link, string device, CancellationToken cancellationToken) =>
        database.WriteAsync(async session =>
        {
            var use = await links.UseAsync(session, link?.Trim() ?? "");
            var user = use.Status == LinkStatus.Valid ? await users.GetAsync(session, use.UserId) : null;
            if (use.Status != LinkStatus.Valid || user is null || user.Disabled)
            {
                return Outcome<StartedSession>.Invalid("link", use.Status switch
                {
                    LinkStatus.Used => Messages.SignInLinkUsed,
                    LinkStatus.Expired => Expired(use.ExpiresUtc!.Value),
                    LinkStatus.Revoked => Messages.SignInLinkRevoked,
                    LinkStatus.Valid => Messages.SignInAccountDisabled,
                    _ => Messages.SignInLinkInvalid,
                });
            }

            var caller = new Caller(user.Id, user.Email, user.Role, user.OrganisationIds.ToHashSet()) { DisplayName = user.DisplayName };
            var (secret, opened) = await sessions.CreateAsync(session, user.Id, device, use.Kind);
            await audit.RecordAsync(session, caller, "create", "web_session", opened.Id, null, null, opened);
            return Outcome<StartedSession>.Ok(new StartedSession(secret, opened, caller));
        }, cancellationToken);

    /// <summary>The caller's open sessions (none for the bootstrap token, which is no user).</summary>
    public async Task<IReadOnlyList<WebSession>> ListSessionsAsync(Caller caller, CancellationToken cancellationToken) =>
        caller.UserId is { } id ? await sessions.ListAsync(id, cancellationToken) : [];

    /// <summary>Ends one of the caller's own sessions: « Déconnecter cet appareil », or signing out (the current one).</summary>
    public Task<Outcome<WebSession>> EndSessionAsync(Caller caller, long sessionId, CancellationToken cancellationToken) =>
        database.WriteAsync(async session =>
        {
            var ended = caller.UserId is { } id ? await sessions.RevokeAsync(session, id, sessionId) : null;
            if (ended is null)
            {
                return Outcome<WebSession>.NotFound();
            }

            await audit.RecordAsync(session, caller, "revoke", "web_session", sessionId, null, ended, null);
            return Outcome<WebSession>.Ok(ended);
        }, cancellationToken);

    /// <summary>Ends every session of a user (a lost phone): the user, an admin, or a coordinator of the volunteer's organisation.</summary>
    public Task<Outcome<int>> EndUserSessionsAsync(Caller caller, long userId, CancellationToken cancellationToken) =>
        database.WriteAsync(async session =>
        {
            var user = await users.GetAsync(session, userId);
            if (user is null || !UserRules.MaySee(caller, user))
            {
                return Outcome<int>.NotFound();
            }

            if (!UserRules.MayManage(caller, user))
            {
                return Outcome<int>.Forbidden(Messages.SessionsEndForbidden);
            }

            var ended = await sessions.EndAllAsync(session, userId);
            if (ended > 0)
            {
                await audit.RecordAsync(session, caller, "revoke", "web_sessions", userId, null, null, new { ended });
            }

            return Outcome<int>.Ok(ended);
        }, cancellationToken);

    /// <summary>« le 5 mars 2026 à 14 h 30 (heure de Paris) »: the day and the time in Paris.</summary>
    private static Message Expired(DateTime utc)
    {
        var paris = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), ParisTime.Zone);
        return Messages.SignInLinkExpired.With(DateOnly.FromDateTime(paris), paris);
    }
}
