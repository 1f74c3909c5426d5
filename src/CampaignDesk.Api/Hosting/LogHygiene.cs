using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace CampaignDesk.Api.Hosting;

/// <summary>
/// Keeps request paths and query strings out of the logs, whatever the configured levels: the calendar feed's secret is
/// its path (<c>/calendar/{secret}.ics</c>), and a client may put a token in a query string. ASP.NET's hosting
/// diagnostics print the full URL at Information and put the path in every request's scope, and some routing, static
/// files and Kestrel lines print it at Debug; those categories are capped here, after the configuration, and
/// <see cref="RequestLogMiddleware"/> logs each request by its route template instead.
/// </summary>
public static class LogHygiene
{
    /// <summary>
    /// Categories that write the raw path, and the lowest level free of it. Both the family and the classes that log it
    /// are named, so that no configured category, however specific, outranks the cap.
    /// </summary>
    private static readonly (string Category, LogLevel Minimum)[] Caps =
    [
        // "Request starting GET http://…/calendar/…?…" at Information, and the RequestPath scope of every request line
        // (off altogether: the scope is made whenever the category logs at all). Start-up failures still end the process
        // with their reason (HostRunner).
        ("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None),
        // "No candidates found for the request path '…'" (Debug).
        ("Microsoft.AspNetCore.Routing", LogLevel.Information),
        ("Microsoft.AspNetCore.Routing.Matching.DfaMatcher", LogLevel.Information),
        ("Microsoft.AspNetCore.Routing.EndpointRoutingMiddleware", LogLevel.Information),
        // "The request path … does not match an existing file" (Debug).
        ("Microsoft.AspNetCore.StaticFiles", LogLevel.Information),
        ("Microsoft.AspNetCore.StaticFiles.StaticFileMiddleware", LogLevel.Information),
        // Unreadable request lines, with their target (Debug).
        ("Microsoft.AspNetCore.Server.Kestrel", LogLevel.Information),
        ("Microsoft.AspNetCore.Server.Kestrel.BadRequests", LogLevel.Information),
    ];

    // Configuration may name a provider ("Logging:Console:LogLevel"), which outranks a rule for every provider: cap each.
    private static readonly string?[] Providers = [null, "Console", "Debug", "EventSource", "EventLog"];

    public static ILoggingBuilder AddCampaignDeskLogHygiene(this ILoggingBuilder logging)
    {
        logging.Services.AddSingleton<IPostConfigureOptions<LoggerFilterOptions>, CapRules>();
        return logging;
    }

    /// <summary>
    /// Appends, after the configuration's rules, one rule per capped category and provider at the level the configuration
    /// gives it or the cap, whichever is higher: of two rules as specific, the later one wins, and a full category name is
    /// as specific as a rule can be.
    /// </summary>
    private sealed class CapRules : IPostConfigureOptions<LoggerFilterOptions>
    {
        public void PostConfigure(string? name, LoggerFilterOptions options)
        {
            var configured = options.Rules.ToList();
            foreach (var (category, minimum) in Caps)
            {
                foreach (var provider in Providers)
                {
                    var level = Effective(configured, options.MinLevel, provider, category);
                    options.Rules.Add(new LoggerFilterRule(provider, category, level > minimum ? level : minimum, filter: null));
                }
            }
        }

        // The rule Microsoft.Extensions.Logging would pick: a provider's own rule before a general one, then the longest
        // category prefix, then the last of equals.
        private static LogLevel Effective(List<LoggerFilterRule> rules, LogLevel fallback, string? provider, string category)
        {
            LoggerFilterRule? best = null;
            foreach (var rule in rules.Where(r => (r.ProviderName is null || r.ProviderName == provider)
                && (r.CategoryName is null || category.StartsWith(r.CategoryName, StringComparison.OrdinalIgnoreCase))))
            {
                var better = best is null
                    || (rule.ProviderName is not null && best.ProviderName is null)
                    || ((rule.ProviderName is null) == (best.ProviderName is null) && (rule.CategoryName?.Length ?? 0) >= (best.CategoryName?.Length ?? 0));
                best = better ? rule : best;
            }

            return best?.LogLevel ?? fallback;
        }
    }
}

/// <summary>
/// One line per request (Information; Debug for health probes): method, route template (never the path or query), status
/// and duration.
/// </summary>
internal sealed class RequestLogMiddleware(RequestDelegate next, ILogger<RequestLogMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            // Read once answered: routing runs later in the pipeline (after HEAD has become GET), and the exception
            // handler, which clears the endpoint of a request it answers, keeps it in its feature.
            var route = RouteOf(context, context.Features.Get<IExceptionHandlerFeature>()?.Endpoint);
            // Health probes come every few seconds from the orchestrator: their lines would drown the others.
            var level = route.StartsWith("/health", StringComparison.Ordinal) ? LogLevel.Debug : LogLevel.Information;
            logger.Log(level, "HTTP {Method} {Route} answered {StatusCode} in {ElapsedMs} ms", context.Request.Method, route,
                context.Response.StatusCode, (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    /// <summary>The matched endpoint's template (<c>/calendar/{secret}.ics</c>), or a fixed word: an unmatched path may hold anything.</summary>
    public static string RouteOf(HttpContext context, Endpoint? endpoint = null) =>
        (endpoint ?? context.GetEndpoint()) is RouteEndpoint route ? route.RoutePattern.RawText ?? "(route)"
        : context.Request.Path.StartsWithSegments("/app", StringComparison.Ordinal) ? "/app (static file)"
        : "(no route)";
}
