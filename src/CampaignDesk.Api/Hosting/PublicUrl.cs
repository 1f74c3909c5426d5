using CampaignDesk.Core.Common;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace CampaignDesk.Api.Hosting;

/// <summary>
/// The public base URL of CampaignDesk for the addresses it hands out: <c>Web:PublicUrl</c> when set. Without it, an
/// address shown to the caller who asked (the calendar feed, the OpenAPI servers) is the request's own scheme, host and
/// path base, which are the public ones once forwarded headers from a known proxy are applied; but a link written into
/// an e-mail never trusts the Host header as such: anyone can send any Host, and a sign-in link built from it would
/// carry its secret to their server (password-reset poisoning).
/// </summary>
public sealed class PublicUrl(IOptions<WebOptions> options, IConfiguration configuration, IServer server, ILogger<PublicUrl> logger)
{
    private const string LastResort = "http://localhost:5080/";

    private static readonly string[] Wildcards = ["://[::]", "://+", "://*", "://0.0.0.0"];

    private int _warned;

    /// <summary>The configured address without a trailing slash, or null when none is (then only a request can tell).</summary>
    public string? Configured { get; } = options.Value.Configured;

    /// <summary>The base, without a trailing slash, of an address answered to the caller who asked for it.</summary>
    public string For(HttpRequest request) => Configured ?? $"{request.Scheme}://{request.Host}{request.PathBase}";

    /// <summary>
    /// The base, with a trailing slash, of a link sent by e-mail: the setting; else the request's scheme and host only
    /// when <c>AllowedHosts</c> restricts the hosts (the host filtering middleware has then refused any other); else the
    /// address the server listens on, as localhost.
    /// </summary>
    public Uri ForLinks(HttpRequest request)
    {
        if (Configured is not null)
        {
            return new Uri(Configured + "/");
        }

        if (HostsAreRestricted(configuration["AllowedHosts"]) && request.Host.HasValue)
        {
            return new Uri($"{request.Scheme}://{request.Host}/");
        }

        var listening = Listening();
        if (Interlocked.Exchange(ref _warned, 1) == 0)
        {
            logger.LogWarning("Web:PublicUrl is not set and AllowedHosts allows any host: links in e-mails point at {Url}", listening);
        }

        return listening;
    }

    internal static bool HostsAreRestricted(string? allowedHosts)
    {
        var hosts = (allowedHosts ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return hosts.Length > 0 && !hosts.Contains("*");
    }

    private Uri Listening()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault(a => a.StartsWith("http", StringComparison.Ordinal));
        if (address is null)
        {
            return new Uri(LastResort);
        }

        // Kestrel lists wildcard bindings as http://[::]:80, http://+:80 or http://0.0.0.0:80: on this machine, localhost.
        var wildcard = Wildcards.FirstOrDefault(w => address.Contains(w, StringComparison.Ordinal));
        var local = wildcard is null ? address : address.Replace(wildcard, "://localhost", StringComparison.Ordinal);
        return Uri.TryCreate(local.TrimEnd('/') + "/", UriKind.Absolute, out var url) ? url : new Uri(LastResort);
    }
}
