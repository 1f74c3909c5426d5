using Microsoft.Extensions.Options;

namespace CampaignDesk.Api.Hosting;

public sealed class WebOptions
{
    public const string SectionName = "Web";

    /// <summary>The address people and programs reach CampaignDesk at (https://campagne.example.org), when a proxy stands in front.</summary>
    public string? PublicUrl { get; set; }

    internal bool IsValid => string.IsNullOrWhiteSpace(PublicUrl) || (Uri.TryCreate(PublicUrl, UriKind.Absolute, out var url)
        && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp) && url.Query.Length == 0 && url.Fragment.Length == 0
        && url.UserInfo.Length == 0);
}

/// <summary>
/// The public base URL of CampaignDesk, without a trailing slash, for the addresses it hands out (the calendar feed, the
/// OpenAPI servers, links in e-mails): <c>Web:PublicUrl</c> when set, else the request's own scheme, host and path base,
/// which are the public ones once forwarded headers from a known proxy are applied.
/// </summary>
public sealed class PublicUrl(IOptions<WebOptions> options)
{
    /// <summary>The configured address, or null when none is (then only a request can tell).</summary>
    public string? Configured { get; } = string.IsNullOrWhiteSpace(options.Value.PublicUrl) ? null : options.Value.PublicUrl.Trim().TrimEnd('/');

    public string For(HttpRequest request) => Configured ?? $"{request.Scheme}://{request.Host}{request.PathBase}";
}
