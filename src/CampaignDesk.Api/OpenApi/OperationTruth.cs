using System.Globalization;
using System.Text;
using CampaignDesk.Api.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace CampaignDesk.Api.OpenApi;

/// <summary>
/// Makes each operation say what the endpoint really does, from its metadata and the pipeline's rules: an operationId,
/// the bearer requirement only where a token is required, every problem status it can answer (the handlers' problems are
/// dynamic, so ASP.NET cannot see them), If-Match where it is honoured, the closed sets of its parameters, and the media
/// types of downloads. Statuses, from the pipeline: 400 (validation, any input), 401 and 403 (signed-in endpoints), 404
/// (an id in the path), 409 and 415 (a body), 412 (If-Match), 429 (rate limits), 503 (database unavailable).
/// </summary>
internal static class OperationTruth
{
    public const string ProblemSchema = "ProblemDetails";
    public const string ValidationProblemSchema = "HttpValidationProblemDetails";

    /// <summary>Statuses particular to one operation, that no rule gives.</summary>
    private static readonly Dictionary<string, int[]> Particular = new(StringComparer.Ordinal)
    {
        ["POST /api/imports"] = [413, 422],
    };

    public static Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var method = description.HttpMethod ?? "GET";
        var path = "/" + (description.RelativePath ?? "").TrimEnd('/');
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var signedIn = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();

        operation.OperationId ??= OperationId(method, path);
        operation.Responses ??= [];
        if (signedIn)
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", context.Document)] = [] }];
            Add(operation, context, 401, "No valid token (missing, expired, revoked, or its user disabled); WWW-Authenticate says why.");
            Add(operation, context, 403, "The caller may see this but not do it.");
        }
        else
        {
            // Said, not left out: an empty requirement is how OpenAPI says "no token needed" over a document's default.
            operation.Security = [];
        }

        var hasInput = (operation.Parameters?.Count ?? 0) > 0 || operation.RequestBody is not null;
        if (hasInput)
        {
            Add(operation, context, 400, "The request is invalid: errors names each field.", ValidationProblemSchema);
        }

        if (path.Contains('{', StringComparison.Ordinal))
        {
            Add(operation, context, 404, "Not found, or not the caller's to see.");
        }

        if (operation.RequestBody is not null || method is "DELETE")
        {
            Add(operation, context, 409, "Conflicts with the current state (a name taken, a task already closed…).");
        }

        if (operation.RequestBody is not null)
        {
            Add(operation, context, 415, "The body is not JSON (or, for an upload, not multipart/form-data).");
        }

        if (metadata.OfType<IfMatchMetadata>().Any())
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-Match",
                In = ParameterLocation.Header,
                Description = "The ETag of the copy the change is made on (\"3\"), or *. Compared strongly: a weak tag (W/\"3\") never matches.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
            Add(operation, context, 412, "If-Match names a version that is no longer current: nothing changed; read the resource again.");
        }

        if (!metadata.OfType<DisableRateLimitingAttribute>().Any())
        {
            Add(operation, context, 429, "Too many requests: Retry-After says when to try again.");
        }

        if (!path.StartsWith("/openapi", StringComparison.Ordinal))
        {
            Add(operation, context, 503, "The database is unavailable: nothing changed; Retry-After says when to try again.");
        }

        foreach (var status in Particular.GetValueOrDefault($"{method} {path}", []))
        {
            Add(operation, context, status, status == 413 ? "The file is larger than Import:MaxUploadBytes." : "The import failed: nothing changed.");
        }

        ClosedSets.ApplyToParameters(operation, path);
        DescribeDownloads(operation, path);
        return Task.CompletedTask;
    }

    private static void Add(OpenApiOperation operation, OpenApiOperationTransformerContext context, int status, string description,
        string schema = ProblemSchema)
    {
        var key = status.ToString(CultureInfo.InvariantCulture);
        if (operation.Responses!.TryGetValue(key, out var existing) && existing is OpenApiResponse { Content.Count: > 0 })
        {
            return;
        }

        operation.Responses[key] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(schema, context.Document) },
            },
        };
    }

    private static void DescribeDownloads(OpenApiOperation operation, string path)
    {
        if (!path.EndsWith("/export.{format}", StringComparison.Ordinal) || operation.Responses?["200"] is not OpenApiResponse ok)
        {
            return;
        }

        ok.Description = "The download: CSV (UTF-8 with BOM, ';'-separated, for French Excel) or XLSX, as the path's extension says.";
        ok.Content = new Dictionary<string, OpenApiMediaType>
        {
            ["text/csv"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
            [ExportResults.XlsxMediaType] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
        };
    }

    // GET /api/organisations/{id}/officials → getOrganisationsByIdOfficials: unique because method and path are.
    private static string OperationId(string method, string path)
    {
        var id = new StringBuilder(method.ToLowerInvariant());
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => s != "api"))
        {
            foreach (var part in segment.Split(['.', '-'], StringSplitOptions.RemoveEmptyEntries))
            {
                var word = part.StartsWith('{') ? "By" + Capital(part.Trim('{', '}').Split(':')[0]) : Capital(part);
                id.Append(word);
            }
        }

        return id.ToString();
    }

    private static string Capital(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];
}
