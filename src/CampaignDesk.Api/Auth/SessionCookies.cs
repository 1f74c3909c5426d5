namespace CampaignDesk.Api.Auth;

/// <summary>
/// The browser session's two cookies: the session secret (HttpOnly: no script reads it) and its anti-CSRF token, which
/// the pages read and send back in <c>X-CSRF-Token</c> on writes. Both SameSite=Strict; over HTTPS both Secure and
/// named with the <c>__Host-</c> prefix, which browsers accept only from this very origin (no subdomain can plant one).
/// </summary>
internal static class SessionCookies
{
    public const string Session = "campaigndesk_session";
    public const string Csrf = "campaigndesk_csrf";

    private const string HostPrefix = "__Host-";

    public static string? Read(HttpRequest request) => request.Cookies[Name(request, Session)];

    public static void Write(HttpContext context, string secret, string csrfToken, DateTime expiresUtc)
    {
        context.Response.Cookies.Append(Name(context.Request, Session), secret, Options(context.Request, httpOnly: true, expiresUtc));
        context.Response.Cookies.Append(Name(context.Request, Csrf), csrfToken, Options(context.Request, httpOnly: false, expiresUtc));
    }

    public static void Clear(HttpContext context)
    {
        context.Response.Cookies.Delete(Name(context.Request, Session), Options(context.Request, httpOnly: true, null));
        context.Response.Cookies.Delete(Name(context.Request, Csrf), Options(context.Request, httpOnly: false, null));
    }

    private static string Name(HttpRequest request, string name) => request.IsHttps ? HostPrefix + name : name;

    private static CookieOptions Options(HttpRequest request, bool httpOnly, DateTime? expiresUtc) => new()
    {
        HttpOnly = httpOnly,
        Secure = request.IsHttps,
        SameSite = SameSiteMode.Strict,
        Path = "/",
        IsEssential = true,
        Expires = expiresUtc is null ? null : new DateTimeOffset(expiresUtc.Value, TimeSpan.Zero),
    };
}
