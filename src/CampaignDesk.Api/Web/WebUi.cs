using CampaignDesk.Api.Auth;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CampaignDesk.Api.Web;

/// <summary>
/// The French web pages under <c>/app/</c>: static HTML, CSS and JavaScript modules shipped beside the binaries (no
/// front-end build), which call the same API with the signed-in user's token. They carry no data of their own, so
/// everything they show is what the API lets that user read.
/// </summary>
public static class WebUi
{
    public const string Path = "/app";

    /// <summary>The pages main.js knows, besides index.html itself.</summary>
    private static readonly HashSet<string> Pages =
        ["/connexion.html", "/taches.html", "/elu.html", "/structure.html", "/campagne.html", "/tri.html", "/propositions.html", "/veille.html",
        "/recherche.html", "/equipe.html", "/appareils.html",
        "/campagnes.html", "/campagne-reglages.html", "/modeles.html", "/imports.html", "/federation.html", "/synthese.html", "/personnes.html",
        "/journal.html"];

    /// <summary>Where the build copies <c>Web/app</c>: beside the binaries, whatever the working directory.</summary>
    public static string Folder => System.IO.Path.Combine(AppContext.BaseDirectory, "web");

    public static WebApplication UseCampaignDeskWebUi(this WebApplication app)
    {
        if (!Directory.Exists(Folder))
        {
            return app;
        }

        var files = new PhysicalFileProvider(Folder);
        // Read at the first page served, not here: a configuration error must stop start-up with its message
        // (HostRunner), not throw while the pipeline is built.
        string? policy = null;
        // Each page has its address (/app/taches.html…) and they are all one document, index.html, whose script draws
        // the page the address names: one shell to keep, not one per page.
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(Path, out var rest) && Pages.Contains(rest.Value ?? ""))
            {
                context.Request.Path = Path + "/index.html";
            }

            return next(context);
        });
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, RequestPath = Path });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            RequestPath = Path,
            OnPrepareResponse = context =>
            {
                policy ??= ContentSecurityPolicy(context.Context.RequestServices.GetRequiredService<IOptions<EntraOptions>>().Value);
                var headers = context.Context.Response.Headers;
                // Revalidated at each load (a cheap 304 with the ETag), so a new release is picked up at once.
                headers.CacheControl = "no-cache";
                headers.ContentSecurityPolicy = policy;
                headers.XContentTypeOptions = "nosniff";
                headers[HeaderNames.XFrameOptions] = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
            },
        });
        return app;
    }

    /// <summary>The sign-in options the page needs: nothing secret, so anyone may read them.</summary>
    public static IEndpointRouteBuilder MapCampaignDeskWebUi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", () => TypedResults.Redirect(Path + "/")).AllowAnonymous().ExcludeFromDescription();
        routes.MapGet("/api/sign-in/options", (IOptions<EntraOptions> options) =>
        {
            var entra = options.Value;
            return TypedResults.Ok(new SignInOptions(entra.WebSignInEnabled
                ? new EntraSignIn(entra.Authority!.TrimEnd('/'), entra.WebClientId!, entra.WebScope!)
                : null));
        }).AllowAnonymous().WithTags("Web").WithSummary("How the web pages may sign in: a CampaignDesk token always, Microsoft Entra ID when configured.");
        return routes;
    }

    // Scripts and styles from the application only (no inline script: what a note contains can never run); the
    // Entra authority is the one other address the sign-in page talks to.
    private static string ContentSecurityPolicy(EntraOptions entra)
    {
        var connect = "'self'";
        if (entra.WebSignInEnabled && Uri.TryCreate(entra.Authority, UriKind.Absolute, out var authority))
        {
            connect += " " + authority.GetLeftPart(UriPartial.Authority);
        }

        return $"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src {connect}; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    }

    public sealed record SignInOptions(EntraSignIn? Entra);

    public sealed record EntraSignIn(string Authority, string ClientId, string Scope);
}
