using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Kiota.Abstractions;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace CampaignDesk.Core.Mail.Graph;

/// <summary>
/// The one resilience layer (the SDK's retry handler is removed). Two pipelines:
/// <see cref="Request"/> wraps each Graph call (circuit breaker, then the per-request timeout);
/// <see cref="Send"/> wraps a whole idempotent attempt (total timeout, then retry). A retry therefore re-runs the
/// look-up before anything else and never re-posts <c>/send</c> blindly. The reply reader wraps each idempotent
/// read (a delta page, a message's headers) in <see cref="Retry"/>, the same policy under another name.
/// </summary>
internal static class GraphResilience
{
    public static ResiliencePipeline Request(GraphOptions options, TimeProvider time) =>
        new ResiliencePipelineBuilder { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                // Only the service failing counts: a throttled mailbox (429) or a bad message (4xx) says nothing about Graph.
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => IsTransient(e) && StatusOf(e) != 429),
                FailureRatio = options.BreakerFailureRatio,
                MinimumThroughput = options.BreakerMinimumThroughput,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = options.BreakDuration,
            })
            .AddTimeout(options.RequestTimeout)
            .Build();

    public static ResiliencePipeline Send(GraphOptions options, TimeProvider time, ILogger logger) => Retry(options, time, logger, "send");

    /// <summary>Total timeout, then retries of transient failures honouring Graph's Retry-After; <paramref name="what"/> names it in the logs.</summary>
    public static ResiliencePipeline Retry(GraphOptions options, TimeProvider time, ILogger logger, string what) =>
        new ResiliencePipelineBuilder { TimeProvider = time }
            .AddTimeout(options.TotalTimeout)
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.MaxRetryDelay,
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Exception, options.MaxRetryDelay)),
                OnRetry = args =>
                {
                    logger.LogWarning("Graph {Operation} attempt {Attempt} failed ({Reason}); retrying in {Delay}.",
                        what, args.AttemptNumber + 1, Describe(args.Outcome.Exception), args.RetryDelay);
                    return default;
                },
            })
            .Build();

    /// <summary>429, 503, 504, a dropped connection or a request timeout: worth another idempotent attempt. Never another 4xx.</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        ApiException api => api.ResponseStatusCode is 429 or 503 or 504,
        HttpRequestException or IOException or TimeoutRejectedException => true,
        _ => false,
    };

    /// <summary>Graph's Retry-After (seconds or a date), capped; null lets the exponential back-off decide.</summary>
    public static TimeSpan? RetryAfter(Exception? exception, TimeSpan cap)
    {
        if (exception is not ApiException { ResponseHeaders: { } headers })
        {
            return null;
        }

        var value = headers.FirstOrDefault(h => string.Equals(h.Key, "Retry-After", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        TimeSpan? delay = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? TimeSpan.FromSeconds(seconds)
            : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at - DateTimeOffset.UtcNow
            : null;
        return delay is { } d ? TimeSpan.FromTicks(Math.Clamp(d.Ticks, 0, cap.Ticks)) : null;
    }

    public static int? StatusOf(Exception exception) => (exception as ApiException)?.ResponseStatusCode;

    public static string Describe(Exception? exception) => exception switch
    {
        Microsoft.Graph.Models.ODataErrors.ODataError e => $"{e.ResponseStatusCode} {e.Error?.Code}",
        ApiException e => ((HttpStatusCode)e.ResponseStatusCode).ToString(),
        null => "no exception",
        _ => exception.GetType().Name,
    };
}
