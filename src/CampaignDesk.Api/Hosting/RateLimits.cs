using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using CampaignDesk.Api.Auth;
using Microsoft.AspNetCore.RateLimiting;

namespace CampaignDesk.Api.Hosting;

public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimiting";

    /// <summary>Requests a user (all their tokens together) may send in a burst.</summary>
    public int TokenBurst { get; set; } = 200;

    /// <summary>Requests per second a user may sustain after their burst.</summary>
    public int TokenPerSecond { get; set; } = 50;

    /// <summary>The same for callers without a valid token, counted per IP address (guessing tokens is slow).</summary>
    public int AnonymousBurst { get; set; } = 30;

    public int AnonymousPerSecond { get; set; } = 2;
}

/// <summary>
/// One token bucket per user (whichever of their tokens or Entra sign-in), or for the bootstrap token, or per IP address without
/// one. A refused request gets 429 with Retry-After and a ProblemDetails. Health checks are never limited.
/// </summary>
public static class RateLimits
{
    public static IServiceCollection AddCampaignDeskRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName)
            .Validate(o => o.TokenBurst > 0 && o.TokenPerSecond > 0 && o.AnonymousBurst > 0 && o.AnonymousPerSecond > 0,
                "RateLimiting: every limit must be positive.")
            .ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var options = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RateLimitOptions>>().Value;
                var credential = context.User.FindFirstValue(CallerClaims.Credential);
                return credential is not null
                    ? Bucket(credential, options.TokenBurst, options.TokenPerSecond)
                    : Bucket("ip:" + context.Connection.RemoteIpAddress, options.AnonymousBurst, options.AnonymousPerSecond);
            });
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await Problems.WriteAsync(rejected.HttpContext, Problems.TooManyRequests(seconds));
            };
        });
        return services;
    }

    private static RateLimitPartition<string> Bucket(string key, int burst, int perSecond) =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = perSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
}
