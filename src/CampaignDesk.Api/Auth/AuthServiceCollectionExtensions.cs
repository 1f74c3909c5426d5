using CampaignDesk.Core.Hosting;
using CampaignDesk.Core.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace CampaignDesk.Api.Auth;

public static class AuthServiceCollectionExtensions
{
    /// <summary>Every endpoint requires an authenticated caller unless it says otherwise (health checks, API description).</summary>
    public static IServiceCollection AddCampaignDeskAuth(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName);
        services.AddSingleton<BootstrapToken>();
        // Created at start-up, not at the first request, so a generated token file exists as soon as the app is up.
        services.AddSingleton<IStartupTask, BootstrapTokenStartup>();
        services.AddAuthentication(TokenAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Admin, policy => policy.RequireRole(UserRoles.Admin));
        services.AddHttpContextAccessor();
        // The endpoints take the caller as a parameter; it exists only on endpoints that require authorization.
        services.AddScoped(provider => CallerClaims.From(provider.GetRequiredService<IHttpContextAccessor>().HttpContext!.User));
        return services;
    }
}
