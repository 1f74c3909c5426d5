using System.Data.Common;
using CampaignDesk.Core.Data;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace CampaignDesk.Api.Hosting;

/// <summary>
/// Turns request-binding failures into validation problems that name the field (<see cref="BindingFailures"/>), and
/// database outages into 503 with Retry-After; anything else stays a 500 without details.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, Database database, IOptions<JsonOptions> json,
    ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var feature = context.Features.Get<IExceptionHandlerFeature>();
        ProblemHttpResult? problem = exception switch
        {
            BadHttpRequestException bad => FromBadRequest(bad, context, feature),
            DatabaseUnavailableException or TimeoutException => Unavailable(context),
            DbException db when database.Dialect.IsUnavailable(db) => Unavailable(context),
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        if (problem.StatusCode == StatusCodes.Status503ServiceUnavailable)
        {
            logger.LogWarning(exception, "Database unavailable while serving {Method} {Route}", context.Request.Method,
                RequestLogMiddleware.RouteOf(context, feature?.Endpoint));
        }

        context.Response.StatusCode = problem.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem.ProblemDetails, Exception = exception });
    }

    private ProblemHttpResult FromBadRequest(BadHttpRequestException exception, HttpContext context, IExceptionHandlerFeature? feature)
    {
        if (exception.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return Problems.UnsupportedMediaType();
        }

        var (field, message) = BindingFailures.Describe(exception, context.Request, feature?.Endpoint, feature?.RouteValues, json.Value.SerializerOptions);
        return Problems.Invalid(field, message);
    }

    private static ProblemHttpResult Unavailable(HttpContext context)
    {
        context.Response.Headers.RetryAfter = "5";
        return Problems.Unavailable();
    }
}
