using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace CampaignDesk.Api.Hosting;

/// <summary>The reverse proxies whose X-Forwarded-For, -Proto and -Host headers are believed. None by default.</summary>
public sealed class ForwardedHeadersSettings
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Addresses of the proxies, e.g. <c>10.0.0.5</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of the proxies in CIDR notation, e.g. <c>10.0.0.0/24</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    internal bool Enabled => KnownProxies.Length > 0 || KnownNetworks.Length > 0;

    internal bool IsValid => KnownProxies.All(p => IPAddress.TryParse(p, out _)) && KnownNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _));
}

/// <summary>
/// Forwarded headers from the configured proxies only: the middleware of ASP.NET Core would believe any sender when no
/// proxy is listed, so without one it does not run at all and the headers are ignored. X-Forwarded-Host is taken only
/// for a host <c>AllowedHosts</c> lists (when it lists any).
/// </summary>
public static class ReverseProxy
{
    public static IServiceCollection AddCampaignDeskReverseProxy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ForwardedHeadersSettings>().BindConfiguration(ForwardedHeadersSettings.SectionName)
            .Validate(o => o.IsValid, "ForwardedHeaders: KnownProxies must be IP addresses and KnownNetworks CIDR networks (10.0.0.0/24).")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ForwardedHeadersSettings>>((options, settings) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in settings.Value.KnownProxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in settings.Value.KnownNetworks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }

            var hosts = (configuration["AllowedHosts"] ?? "*").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            options.AllowedHosts = hosts.Contains("*") ? [] : hosts;
        });
        return services;
    }

    public static IApplicationBuilder UseCampaignDeskForwardedHeaders(this IApplicationBuilder app) =>
        app.UseWhen(context => context.RequestServices.GetRequiredService<IOptions<ForwardedHeadersSettings>>().Value.Enabled,
            branch => branch.UseForwardedHeaders());
}
