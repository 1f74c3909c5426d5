using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using CampaignDesk.Api.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CampaignDesk.Api.Metrics;

/// <summary>
/// Authenticates the scrape token (<see cref="MetricsOptions.ScrapeToken"/>) as a principal that may read the metrics
/// and nothing else; any other bearer is left to the other schemes. The comparison takes the same time whatever the
/// token presented (hashes of equal length, compared in constant time), and the token is never logged.
/// </summary>
internal sealed class ScrapeTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IOptions<MetricsOptions> metrics)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "MetricsScrape";
    public const string ScopeClaim = "campaigndesk:scope";
    public const string Scope = "metrics:read";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var expected = metrics.Value.ScrapeToken;
        if (string.IsNullOrEmpty(expected) || BearerToken.From(Request) is not { } token ||
            !CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(token)), SHA256.HashData(Encoding.UTF8.GetBytes(expected))))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "metrics-scraper"), new Claim(ScopeClaim, Scope)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
