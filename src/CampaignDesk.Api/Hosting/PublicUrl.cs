using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace CampaignDesk.Api.Hosting;

public sealed class WebOptions
{
    public const string SectionName = "Web";

    /// <summary>The address people reach CampaignDesk at (https://campagne.example.org), for links in e-mails.</summary>
    public string? PublicUrl { get; set; }

    internal static string? Check(WebOptions options) =>
        string.IsNullOrWhiteSpace(options.PublicUrl) ||
        (Uri.TryCreate(options.PublicUrl.Trim(), UriKind.Absolute, out var url) && url.Scheme is "https" or "http" && url.Query.Length == 0 &&
         url.Fragment.Length == 0 && url.UserInfo.Length == 0)
            ? null
            : $"Web:PublicUrl '{options.PublicUrl}' is not an absolute http(s) address without query or fragment, such as https://campagne.example.org.";
}

/// <summary>
/// The base of the links CampaignDesk writes into e-mails. Never the request's Host header as such: anyone can send
/// any Host, and a sign-in link built from it would carry its secret to their server (password-reset poisoning). So:
/// <c>Web:PublicUrl</c>; else the request's scheme and host only when <c>AllowedHosts</c> restricts the hosts
/// (the host filtering middleware has then refused any other); else the address the server listens on, as localhost.
/// </summary>
public sealed class PublicUrl(IOptions<WebOptions> options, IConfiguration configuration, IServer server, ILogger<PublicUrl> logger)
{
    private const string LastResort = "http://localhost:5080/";

    private static readonly string[] Wildcards = ["://[::]", "://+", "://*", "://0.0.0.0"];

    private int _warned;

    public Uri For(HttpRequest request)
    {
        if (!string.IsNullOrWhiteSpace(options.Value.PublicUrl))
        {
            return new Uri(options.Value.PublicUrl.Trim().TrimEnd('/') + "/");
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
