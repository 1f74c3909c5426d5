using CampaignDesk.Api.Auth;
using CampaignDesk.Core.Observability;
using CampaignDesk.Core.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CampaignDesk.Api.Metrics;

/// <summary>
/// <c>GET /metrics</c>: the "CampaignDesk" meter and ASP.NET Core's request metrics in Prometheus' text format, for an
/// admin or the scrape token.
/// </summary>
public static class MetricsApi
{
    public const string Policy = "metrics";

    /// <summary>ASP.NET Core's meter of <c>http.server.request.duration</c>, exported beside ours.</summary>
    public const string HostingMeter = "Microsoft.AspNetCore.Hosting";

    public static IServiceCollection AddCampaignDeskMetricsApi(this IServiceCollection services)
    {
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.SectionName)
            .Validate(o => o.IsValid, "Metrics:ScrapeToken must be empty or have at least 32 characters (e.g. openssl rand -base64 32).")
            .ValidateOnStart();
        services.AddCampaignDeskMetrics(HostingMeter);
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ScrapeTokenHandler>(ScrapeTokenHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(AuthServiceCollectionExtensions.SchemeName, ScrapeTokenHandler.SchemeName)
            .RequireAuthenticatedUser()
            .RequireAssertion(context => context.User.IsInRole(UserRoles.Admin) ||
                context.User.HasClaim(ScrapeTokenHandler.ScopeClaim, ScrapeTokenHandler.Scope)));
        return services;
    }

    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/metrics", ScrapeAsync).RequireAuthorization(Policy).ExcludeFromDescription();
        return routes;
    }

    private static async Task<ContentHttpResult> ScrapeAsync(MetricsCollector collector, FollowUpQueueDepth queueDepth, CancellationToken cancellationToken)
    {
        await queueDepth.RefreshAsync(cancellationToken);
        return TypedResults.Text(PrometheusText.Write(collector.Collect()), PrometheusText.ContentType);
    }
}
