using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CampaignDesk.Core.Observability;

public static class MetricsServiceCollectionExtensions
{
    /// <summary>
    /// Collects the "CampaignDesk" meter (and <paramref name="otherMeters"/>, such as ASP.NET Core's) for an exporter,
    /// with the outbox's queue depth gauge.
    /// </summary>
    public static IServiceCollection AddCampaignDeskMetrics(this IServiceCollection services, params string[] otherMeters)
    {
        services.AddMetrics();
        services.TryAddSingleton<CampaignDeskMetrics>();
        services.TryAddSingleton<FollowUpQueueDepth>();
        services.AddSingleton(provider =>
            new MetricsCollector(provider.GetRequiredService<IMeterFactory>(), [CampaignDeskMetrics.MeterName, .. otherMeters]));
        services.AddHostedService(provider => provider.GetRequiredService<MetricsCollector>());
        return services;
    }
}
