using CampaignDesk.Api.Web;
using Microsoft.Net.Http.Headers;

namespace CampaignDesk.Api.Hosting;

/// <summary>
/// Headers every response carries: no MIME sniffing; API answers (JSON, problems, exports) never stored by a browser or a
/// proxy unless the endpoint says otherwise; the Swagger UI under a Content-Security-Policy of its own (its scripts and
/// styles from the application, inline styles which it sets on elements, nothing else) and never framed. The web pages
/// set their own policy (<see cref="WebUi"/>). HSTS is sent over HTTPS (UseHsts) and Kestrel sends no Server header.
/// </summary>
public static class SecurityHeaders
{
    public const string SwaggerPath = "/swagger";

    public const string SwaggerPolicy = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "font-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var path = context.Request.Path;
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            if (path.StartsWithSegments(SwaggerPath))
            {
                headers.ContentSecurityPolicy = SwaggerPolicy;
                headers[HeaderNames.XFrameOptions] = "DENY";
            }
            else if (path.StartsWithSegments("/api") || path.StartsWithSegments("/health") || path.StartsWithSegments("/openapi")
                || path.StartsWithSegments("/metrics"))
            {
                if (headers.CacheControl.Count == 0)
                {
                    headers.CacheControl = "no-store";
                }

                headers[HeaderNames.XFrameOptions] = "DENY";
            }

            return Task.CompletedTask;
        });
        return next(context);
    });
}
