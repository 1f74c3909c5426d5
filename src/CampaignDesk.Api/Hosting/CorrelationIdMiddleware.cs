using CampaignDesk.Core.Observability;

namespace CampaignDesk.Api.Hosting;

/// <summary>
/// Gives every request a correlation id: the caller's <c>X-Correlation-Id</c> when it is valid
/// (<see cref="CorrelationIds.IsValid"/>), else a new GUID. The response carries it back, every log line of the request
/// carries it (a scope), and what the request schedules keeps it (a follow-up's row, then its send).
/// </summary>
internal sealed class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    public const string HeaderName = "X-Correlation-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var given = context.Request.Headers[HeaderName];
        var id = given.Count == 1 && CorrelationIds.IsValid(given[0]) ? given[0]! : CorrelationIds.New();
        context.Features.Set(new CorrelationIdFeature(id));
        // Set when the response starts, not now: the exception handler clears the headers of a response it replaces.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = id;
            return Task.CompletedTask;
        });
        using (logger.BeginScope("CorrelationId:{CorrelationId}", id))
        {
            await next(context);
        }
    }
}

/// <summary>The request's correlation id, for the handlers that hand it on (<see cref="CorrelationIdExtensions.CorrelationId"/>).</summary>
public sealed record CorrelationIdFeature(string Id);

public static class CorrelationIdExtensions
{
    public static IApplicationBuilder UseCorrelationId(this IApplicationBuilder app) => app.UseMiddleware<CorrelationIdMiddleware>();

    public static string? CorrelationId(this HttpContext context) => context.Features.Get<CorrelationIdFeature>()?.Id;
}
