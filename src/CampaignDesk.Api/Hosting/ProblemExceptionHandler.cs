using System.Data.Common;
using System.Text.Json;
using System.Text.RegularExpressions;
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
            logger.LogWarning(exception, "Database unavailable while serving {Method} {Path}", context.Request.Method, context.Request.Path);
        }

        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails FromBadRequest(BadHttpRequestException exception)
    {
        if (exception.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return new ProblemDetails
            {
                Status = exception.StatusCode,
                Title = "Unsupported media type",
                Detail = "Send the body as JSON (Content-Type: application/json).",
            };
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (exception.InnerException is JsonException json)
        {
            var (field, message) = Describe(json);
            errors[field] = [message];
        }
        else if (BindFailure().Match(exception.Message) is { Success: true } bind)
        {
            errors[bind.Groups["name"].Value] = [$"'{bind.Groups["value"].Value}' is not a valid {Friendly(bind.Groups["type"].Value)}."];
        }
        else if (MissingBody().IsMatch(exception.Message))
        {
            errors["$"] = ["A JSON body is required."];
        }
        else
        {
            errors["$"] = ["The request could not be read."];
        }

        return new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more validation errors occurred.",
        };
    }

    private static ProblemDetails Unavailable(HttpContext context)
    {
        context.Response.Headers.RetryAfter = "5";
        return new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "The database is unavailable",
            Detail = "CampaignDesk cannot reach its database right now; nothing was changed. Try again shortly.",
        };
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
    private static (string Field, string Message) Describe(JsonException json)
    {
        if (json.Message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            return (FieldOf(json.Path), "This field is not part of the resource.");
        }

        if (json.Message.StartsWith(NulGuard.Message, StringComparison.Ordinal))
        {
            return (FieldOf(json.Path), NulGuard.Message);
        }

        if (json.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
        {
            return (FieldOf(json.Path), "The value has the wrong type for this field.");
        }

        var where = json.LineNumber is { } line ? $" (line {line + 1}, position {json.BytePositionInLine + 1})" : "";
        return ("$", $"The body is not valid JSON{where}.");
    }

    private static string Friendly(string type) => type switch
    {
        "int" or "long" or "Int32" or "Int64" or "int?" or "long?" => "whole number",
        "bool" or "bool?" => "boolean (true or false)",
        "DateTime" or "DateTimeOffset" or "DateTime?" or "DateTimeOffset?" => "date (ISO 8601)",
        _ => "value",
    };

    [GeneratedRegex("""^Failed to bind parameter "(?<type>\S+) (?<name>[^"]+)" from "(?<value>.*)"\.$""")]
    private static partial Regex BindFailure();

    [GeneratedRegex("""^Required parameter ".+" was not provided from body""")]
    private static partial Regex MissingBody();
}
