using CampaignDesk.Core.Hosting;
using CampaignDesk.Core.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace CampaignDesk.Api.Auth;

public static class AuthServiceCollectionExtensions
{
    /// <summary>The default scheme: it picks, per request, the scheme that reads the bearer token presented.</summary>
    public const string SchemeName = "CampaignDesk";

    /// <summary>Every endpoint requires an authenticated caller unless it says otherwise (health checks, API description).</summary>
    public static IServiceCollection AddCampaignDeskAuth(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName);
        services.AddSingleton<IValidateOptions<EntraOptions>, EntraOptionsValidator>();
        services.AddOptions<EntraOptions>().BindConfiguration(EntraOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IStartupTask, EntraStartup>();
        services.AddSingleton<BootstrapToken>();
        // Created at start-up, not at the first request, so a generated token file exists as soon as the app is up.
        services.AddSingleton<IStartupTask, BootstrapTokenStartup>();

        services.AddCallerLookup();
        services.AddSingleton<EntraEvents>();
        // Registered whether or not Entra is configured (configuration is read from options, not at registration);
        // nothing is forwarded to it while Auth:Entra:Authority is empty.
        services.AddOptions<JwtBearerOptions>(EntraEvents.SchemeName).Configure<IOptions<EntraOptions>>((jwt, entra) =>
        {
            if (!entra.Value.Enabled)
            {
                return;
            }

            jwt.Authority = entra.Value.Authority!.Trim();
            jwt.Audience = entra.Value.Audience!.Trim();
            jwt.RequireHttpsMetadata = entra.Value.RequireHttpsMetadata;
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters.ValidAudience = jwt.Audience;
            jwt.TokenValidationParameters.ValidAlgorithms = ["RS256"];
            jwt.EventsType = typeof(EntraEvents);
        });

        services.AddAuthentication(SchemeName)
            .AddPolicyScheme(SchemeName, null, policy => policy.ForwardDefaultSelector = SelectScheme)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, SessionAuthenticationHandler>(SessionAuthenticationHandler.SchemeName, null)
            .AddJwtBearer(EntraEvents.SchemeName, _ => { });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Admin, policy => policy.RequireRole(UserRoles.Admin));
        services.AddHttpContextAccessor();
        // The endpoints take the caller as a parameter; it exists only on endpoints that require authorization.
        services.AddScoped(provider => CallerClaims.From(provider.GetRequiredService<IHttpContextAccessor>().HttpContext!.User));
        return services;
    }

    /// <summary>
    /// A bearer header wins: a JWT goes to Entra when it is configured, any other token to the token handler. Without
    /// one, the browser session cookie, if any; with neither, the token handler (whose challenge asks for a token).
    /// </summary>
    private static string SelectScheme(HttpContext context)
    {
        if (BearerToken.From(context.Request) is { } token)
        {
            return context.RequestServices.GetRequiredService<IOptions<EntraOptions>>().Value.Enabled && BearerToken.LooksLikeJwt(token)
                ? EntraEvents.SchemeName
                : TokenAuthenticationHandler.SchemeName;
        }

        return context.Request.Headers.Authorization.Count == 0 && SessionCookies.Read(context.Request) is not null
            ? SessionAuthenticationHandler.SchemeName
            : TokenAuthenticationHandler.SchemeName;
    }
}
