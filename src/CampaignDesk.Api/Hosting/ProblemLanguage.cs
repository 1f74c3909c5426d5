using CampaignDesk.Core.Common;
using Microsoft.Net.Http.Headers;

namespace CampaignDesk.Api.Hosting;

/// <summary>
/// Writes every problem in the language the request asks for: French when <c>Accept-Language</c> prefers French (the web
/// pages send <c>fr</c>), English otherwise, for scripts. Every problem gets a stable <c>code</c>: the catalog's, or, for
/// the framework's own problems (401, 404 of an unknown route, 429…), one from its status.
/// </summary>
internal static class ProblemLanguage
{
    public static Language Of(HttpRequest request)
    {
        // Highest quality first; among equals, the order the client gave. "*" and other languages mean English.
        var best = request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is not 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .FirstOrDefault();
        var tag = best?.Value.Value;
        return tag is not null && (tag.Equals("fr", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("fr-", StringComparison.OrdinalIgnoreCase))
            ? Language.French
            : Language.English;
    }

    public static void Apply(ProblemDetailsContext context)
    {
        var language = Of(context.HttpContext.Request);
        var problem = context.ProblemDetails;
        if (problem is ICatalogProblem catalog)
        {
            catalog.WriteIn(language);
            return;
        }

        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        if (ForStatus(status) is not { } title)
        {
            return;
        }

        problem.Extensions.TryAdd("code", title.Code);
        // The framework's default titles ("Not Found", "Too Many Requests"…) become the catalog's; a title of our own stays.
        if (problem.Title is null || DefaultTitles.Contains(problem.Title))
        {
            problem.Title = title.With().In(language);
        }
    }

    private static readonly HashSet<string> DefaultTitles = new(StringComparer.Ordinal)
    {
        "Bad Request", "Unauthorized", "Forbidden", "Not Found", "Method Not Allowed", "Conflict", "Precondition Failed",
        "Payload Too Large", "Content Too Large", "Unsupported Media Type", "Unprocessable Entity", "Unprocessable Content",
        "Too Many Requests", "Service Unavailable", "An error occurred while processing your request.",
        "One or more validation errors occurred.",
    };

    private static MessageTemplate? ForStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => Messages.BadRequest,
        StatusCodes.Status401Unauthorized => Messages.Unauthorized,
        StatusCodes.Status403Forbidden => Messages.NotAllowed,
        StatusCodes.Status404NotFound => Messages.NotFound,
        StatusCodes.Status405MethodNotAllowed => Messages.MethodNotAllowed,
        StatusCodes.Status409Conflict => Messages.ConflictTitle,
        StatusCodes.Status412PreconditionFailed => Messages.PreconditionFailed,
        StatusCodes.Status413PayloadTooLarge => Messages.PayloadTooLarge,
        StatusCodes.Status415UnsupportedMediaType => Messages.UnsupportedMediaType,
        StatusCodes.Status422UnprocessableEntity => Messages.Unprocessable,
        StatusCodes.Status429TooManyRequests => Messages.TooManyRequests,
        StatusCodes.Status503ServiceUnavailable => Messages.DatabaseUnavailable,
        >= 500 => Messages.ServerError,
        _ => null,
    };
}
