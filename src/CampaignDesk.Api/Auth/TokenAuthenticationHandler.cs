using System.Globalization;
using System.Text.Encodings.Web;
using CampaignDesk.Core.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CampaignDesk.Api.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer …</c>: the bootstrap admin token, or a personal API token. A failure says
/// why (unknown, expired, revoked, user disabled) in the challenge, never echoing the token.
/// </summary>
internal sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, BootstrapToken bootstrap, AccessTokens tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerToken.From(Request) is not { } token)
        {
            return AuthenticateResult.NoResult();
        }

        if (bootstrap.Matches(token))
        {
            return Success(Caller.BootstrapAdmin, "bootstrap");
        }

        var check = await tokens.CheckAsync(token, AccessTokens.Api, Context.RequestAborted);
        return check.Status switch
        {
            // Rate limits count per user, so issuing more tokens does not buy more requests.
            TokenStatus.Valid => Success(check.Caller!, "user:" + check.Caller!.UserId!.Value.ToString(CultureInfo.InvariantCulture)),
            TokenStatus.Expired => AuthenticateResult.Fail("The token has expired."),
            TokenStatus.Revoked => AuthenticateResult.Fail("The token was revoked."),
            TokenStatus.UserDisabled => AuthenticateResult.Fail("The user is disabled."),
            _ => AuthenticateResult.Fail("The token is not valid."),
        };
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        // The result is cached: this does not check the token a second time.
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        Response.Headers.WWWAuthenticate = failure is null ? "Bearer" : $"Bearer error=\"invalid_token\", error_description=\"{failure}\"";
        Response.StatusCode = StatusCodes.Status401Unauthorized;
    }

    private static AuthenticateResult Success(Caller caller, string credential) =>
        AuthenticateResult.Success(new AuthenticationTicket(CallerClaims.ToPrincipal(caller, credential, SchemeName), SchemeName));
}

internal static class BearerToken
{
    public static string? From(HttpRequest request)
    {
        string? header = request.Headers.Authorization;
        return header is not null && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7
            ? header[7..].Trim(' ')
            : null;
    }

    /// <summary>Three dot-separated base64url parts: a signed JWT, which no CampaignDesk token (no dots) resembles.</summary>
    public static bool LooksLikeJwt(string token)
    {
        var parts = token.Split('.');
        return parts.Length == 3 && parts.All(p => p.Length > 0 && p.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'));
    }
}
