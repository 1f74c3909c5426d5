using CampaignDesk.Api.Auth;
using CampaignDesk.Api.Hosting;
using CampaignDesk.Core.Audit;
using CampaignDesk.Core.Import;
using CampaignDesk.Core.Users;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CampaignDesk.Api.Import;

public static class ImportsApi
{
    /// <summary>Uploads larger than this are refused: the biggest official file (all municipal councillors) is ~60 MB.</summary>
    public const long MaxUploadBytes = 200L * 1024 * 1024;

    public static IEndpointRouteBuilder MapImports(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/imports").WithTags("Imports").RequireAuthorization(Policies.Admin);
        group.MapPost("/", UploadAsync).DisableAntiforgery()
            .WithSummary("Import an RNE, Assemblée, Datan or Sénat file (multipart field 'file'); returns the run's report.");
        group.MapGet("/{id:long}", GetAsync).WithSummary("The report of an import run: counts, and every row or person it could not take.");
        return routes;
    }

    private static async Task<Results<Created<ImportReport>, ValidationProblem, ProblemHttpResult>> UploadAsync(IFormFile? file,
        ImportService imports, AuditLog audit, Caller caller, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["Send the file as multipart/form-data field 'file'."] });
        }

        if (file.Length > MaxUploadBytes)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [$"Files over {MaxUploadBytes / 1024 / 1024} MB are refused."] });
        }

        // The importer reads the file several times (hash, detection, rows): keep it on disk, not in memory.
        var path = Path.GetTempFileName();
        try
        {
            await using (var target = File.Create(path))
            {
                await file.CopyToAsync(target, cancellationToken);
            }

            var report = await imports.ImportAsync(() => File.OpenRead(path), Path.GetFileName(file.FileName), cancellationToken);
            await audit.RecordAsync(caller, "import", "import_run", report.Id, null, null, report with { Issues = [] }, CancellationToken.None);
            return report.Status == "succeeded"
                ? TypedResults.Created($"/api/imports/{report.Id}", report)
                : TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "The import failed; nothing was changed",
                    detail: $"See /api/imports/{report.Id}.", extensions: new Dictionary<string, object?> { ["runId"] = report.Id });
        }
        catch (InvalidDataException ex)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [ex.Message] });
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> GetAsync(long id, ImportRunStore runs, CancellationToken cancellationToken) =>
        await runs.GetAsync(id, ImportService.ReportIssues, cancellationToken) is { } report
            ? TypedResults.Ok(report)
            : Problems.NotFound("Import", id);
}
