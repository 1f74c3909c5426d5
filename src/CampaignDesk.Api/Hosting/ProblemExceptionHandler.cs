using System.Data.Common;
using System.Text.Json;
using System.Text.RegularExpressions;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CampaignDesk.Api.Hosting;

/// <summary>
/// Turns request-binding failures into validation problems that name the field, and database outages into
/// 503 with Retry-After; anything else stays a 500 without details.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, Database database, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            BadHttpRequestException bad => FromBadRequest(bad),
            DatabaseUnavailableException or TimeoutException => Unavailable(context),
            DbException db when database.Dialect.IsUnavailable(db) => Unavailable(context),
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            logger.LogWarning(exception, "Database unavailable while serving {Method} {Route}", context.Request.Method, RequestLogMiddleware.RouteOf(context, context.Features.Get<IExceptionHandlerFeature>()?.Endpoint));
        }

        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails FromBadRequest(BadHttpRequestException exception)
    {
        if (exception.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return new CatalogProblem(exception.StatusCode, Messages.UnsupportedMediaType, Messages.SendJson);
        }

        var (field, message) = exception.InnerException is JsonException json ? Describe(json)
            : BindFailure().Match(exception.Message) is { Success: true } bind
                ? (bind.Groups["name"].Value, Friendly(bind.Groups["type"].Value).With(bind.Groups["value"].Value))
            : MissingBody().IsMatch(exception.Message) ? ("$", Messages.BodyRequired)
            : ("$", (Message)Messages.RequestUnreadable);
        return new CatalogValidationProblem(new Dictionary<string, Message[]>(StringComparer.Ordinal) { [field] = [message] });
    }

    private static CatalogProblem Unavailable(HttpContext context)
    {
        context.Response.Headers.RetryAfter = "5";
        return new CatalogProblem(StatusCodes.Status503ServiceUnavailable, Messages.DatabaseUnavailable, Messages.DatabaseUnavailableDetail);
    }

    // "$.parentIds[0]" → "parentIds"; "$" (the body itself) stays "$".
    private static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "$";
        }

        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
        var end = field.IndexOfAny(['.', '[']);
        return end > 0 ? field[..end] : field;
    }

    // A value of the wrong type or an unknown property names its field; broken JSON syntax names the body ("$").
    private static (string Field, Message Message) Describe(JsonException json)
    {
        if (json.Message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            return (FieldOf(json.Path), Messages.FieldUnknown);
        }

        if (json.Message.StartsWith(NulGuard.Message, StringComparison.Ordinal))
        {
            return (FieldOf(json.Path), Messages.TextWithNul);
        }

        if (json.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
        {
            return (FieldOf(json.Path), Messages.FieldWrongType);
        }

        return ("$", json.LineNumber is { } line
            ? Messages.JsonInvalidAt.With(line + 1, (json.BytePositionInLine ?? 0) + 1)
            : Messages.JsonInvalid);
    }

    // The binder names the type as C# or as the runtime does: "long?", "Nullable<long>", "Int64".
    private static MessageTemplate Friendly(string type) => type.Replace("Nullable<", "", StringComparison.Ordinal).TrimEnd('>', '?') switch
    {
        "int" or "long" or "Int32" or "Int64" => Messages.NotWholeNumber,
        "bool" or "Boolean" => Messages.NotBoolean,
        "DateTime" or "DateTimeOffset" or "DateOnly" => Messages.NotDate,
        _ => Messages.NotValid,
    };

    [GeneratedRegex("""^Failed to bind parameter "(?<type>\S+) (?<name>[^"]+)" from "(?<value>.*)"\.$""")]
    private static partial Regex BindFailure();

    [GeneratedRegex("""^Required parameter ".+" was not provided from body""")]
    private static partial Regex MissingBody();
}
