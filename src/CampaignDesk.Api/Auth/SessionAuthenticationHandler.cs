using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using CampaignDesk.Core.SignIn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CampaignDesk.Api.Auth;

/// <summary>
/// Authenticates the browser session cookie that a sign-in link opened, as the same user with the same rules as a
/// token. A request with an <c>Authorization</c> header never comes here (the header wins). A session that ended has
/// its cookies cleared in the 401; one in use has them renewed with its end.
/// </summary>
internal sealed class SessionAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, WebSessions sessions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Session";

    /// <summary>The session's id, so « Mes appareils » can say which one is this device.</summary>
    public const string SessionIdClaim = "campaigndesk:session";

    /// <summary>The anti-CSRF token the writes of this session must carry (derived from its secret).</summary>
    public const string CsrfClaim = "campaigndesk:csrf";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (SessionCookies.Read(Request) is not { } secret)
        {
            return AuthenticateResult.NoResult();
        }

        var check = await sessions.CheckAsync(secret, Context.RequestAborted);
        if (check.Status != SessionStatus.Valid)
        {
            return AuthenticateResult.Fail(check.Status switch
            {
                SessionStatus.Expired => "The browser session has expired.",
                SessionStatus.Revoked => "The browser session was ended.",
                SessionStatus.UserDisabled => "The user is disabled.",
                _ => "The browser session is not valid.",
            });
        }

        var csrf = SignInSecrets.CsrfToken(secret);
        if (check.RenewedUntilUtc is { } until)
        {
            SessionCookies.Write(Context, secret, csrf, until);
        }

        var id = check.Caller!.UserId!.Value.ToString(CultureInfo.InvariantCulture);
        var principal = CallerClaims.ToPrincipal(check.Caller, "user:" + id, SchemeName);
        ((ClaimsIdentity)principal.Identity!).AddClaims([
            new Claim(SessionIdClaim, check.SessionId.ToString(CultureInfo.InvariantCulture)),
            new Claim(CsrfClaim, csrf),
        ]);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        if (failure is not null)
        {
            SessionCookies.Clear(Context);
        }

        Response.Headers.WWWAuthenticate = failure is null ? "Bearer" : $"Bearer error=\"invalid_token\", error_description=\"{failure}\"";
        Response.StatusCode = StatusCodes.Status401Unauthorized;
    }

    /// <summary>The session behind this principal, when it signed in with one: its id and its anti-CSRF token.</summary>
    public static (long Id, string CsrfToken)? Of(ClaimsPrincipal principal) =>
        principal.FindFirstValue(SessionIdClaim) is { } id && principal.FindFirstValue(CsrfClaim) is { } csrf
            ? (long.Parse(id, CultureInfo.InvariantCulture), csrf)
            : null;
}
