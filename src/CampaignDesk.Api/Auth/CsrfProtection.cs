using System.Security.Cryptography;
using System.Text;
using CampaignDesk.Api.Hosting;
using CampaignDesk.Core.Common;

namespace CampaignDesk.Api.Auth;

/// <summary>
/// Writes made with the browser session cookie must carry the session's anti-CSRF token in <c>X-CSRF-Token</c>: a page
/// of another site can make the browser send the cookie, but cannot read the token. Requests with an
/// <c>Authorization</c> header (tokens, Entra) carry no ambient credential and are not concerned. As a second line,
/// a write the browser itself marks as coming from another site (<c>Sec-Fetch-Site</c>) is refused when it carries no
/// such header, signed in or not: that also covers signing someone into another account (login CSRF).
/// </summary>
internal static class CsrfProtection
{
    public const string HeaderName = "X-CSRF-Token";

    public static IApplicationBuilder UseCsrfProtection(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) ||
            request.Headers.Authorization.Count > 0)
        {
            await next(context);
            return;
        }

        Message? refusal = null;
        if (request.Headers["Sec-Fetch-Site"].ToString() is "cross-site" or "same-site")
        {
            refusal = Messages.CsrfCrossSite;
        }
        else if (SessionAuthenticationHandler.Of(context.User) is { } session && !Matches(request.Headers[HeaderName].ToString(), session.CsrfToken))
        {
            refusal = Messages.CsrfTokenMissing.With(HeaderName);
        }

        if (refusal is null)
        {
            await next(context);
            return;
        }

        await Problems.WriteAsync(context, Problems.Problem(StatusCodes.Status403Forbidden, Messages.CsrfRefused, refusal));
    });

    private static bool Matches(string presented, string expected) =>
        presented.Length == expected.Length && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(presented), Encoding.ASCII.GetBytes(expected));
}
