using CampaignDesk.Api.Auth;
using CampaignDesk.Api.Hosting;
using CampaignDesk.Core.Audit;
using CampaignDesk.Core.Import;
using CampaignDesk.Core.Users;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CampaignDesk.Api.Import;

public static class ImportsApi
{
    public static IEndpointRouteBuilder MapImports(this IEndpointRouteBuilder routes)
    {
        // Kestrel (30 MB) and the form reader (128 MB) have their own defaults: the configured limit must be both.
        var limit = routes.ServiceProvider.GetRequiredService<IOptions<ImportSettings>>().Value.MaxUploadBytes;
        var group = routes.MapGroup("/api/imports").WithTags("Imports").RequireAuthorization(Policies.Admin);
        group.MapPost("/", UploadAsync).DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(limit))
            .WithFormOptions(multipartBodyLengthLimit: limit)
            .WithSummary("Import an RNE, Assemblée, Datan or Sénat file, the Assemblée's acteur files (a zip or one JSON) or the administration's "
                + "directory of mairies (multipart field 'file'); dryRun=true reports without changing anything, "
                + "confirmEnds=true lets a file that does not look complete end the mandates it misses.");
        group.MapGet("/", ListAsync).WithSummary("Import runs, newest first, with their counts and state.");
        group.MapGet("/{id:long}", GetAsync).WithSummary("The report of an import run: counts, and the first rows or persons it could not take.");
        return routes;
    }

    private static async Task<Results<Created<ImportReport>, Ok<ImportReport>, ValidationProblem, ProblemHttpResult>> UploadAsync(IFormFile? file,
        ImportService imports, AuditLog audit, Caller caller, IOptions<ImportSettings> settings, CancellationToken cancellationToken,
        bool dryRun = false, bool confirmEnds = false)
    {
        if (file is null || file.Length == 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["Envoyez le fichier dans le champ multipart/form-data « file »."] });
        }

        var limit = settings.Value.MaxUploadBytes;
        if (file.Length > limit)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [$"Les fichiers de plus de {limit / 1024 / 1024} Mo sont refusés."] });
        }

        // The form reader has already spooled the upload to disk; the importer reads it several times (hash,
        // detection, rows), so it gets a file of its own, deleted whatever happens.
        var path = Path.GetTempFileName();
        try
        {
            await using (var target = File.Create(path))
            {
                await file.CopyToAsync(target, cancellationToken);
            }

            var report = await imports.ImportAsync(() => File.OpenRead(path), Path.GetFileName(file.FileName), new ImportOptions(dryRun, confirmEnds),
                cancellationToken);
            await audit.RecordAsync(caller, dryRun ? "import_dry_run" : "import", "import_run", report.Id, null, null,
                report with { Issues = [], Diff = null }, CancellationToken.None);
            return report.Status switch
            {
                "succeeded" => TypedResults.Created($"/api/imports/{report.Id}", report),
                "dry_run" => TypedResults.Ok(report),
                _ => TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "L'import a échoué ; rien n'a été modifié",
                    detail: report.Outcome, extensions: new Dictionary<string, object?> { ["runId"] = report.Id, ["field"] = "file" }),
            };
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

    private static async Task<Ok<IReadOnlyList<ImportReport>>> ListAsync(ImportRunStore runs, CancellationToken cancellationToken,
        int skip = 0, int take = 50) =>
        TypedResults.Ok(await runs.ListAsync(Math.Max(0, skip), Math.Clamp(take, 1, 200), cancellationToken));

    private static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> GetAsync(long id, ImportRunStore runs, ImportService imports,
        CancellationToken cancellationToken) =>
        await runs.GetAsync(id, imports.MaxStoredIssues, cancellationToken) is { } report
            ? TypedResults.Ok(report)
            : Problems.NotFound("Import", id);
}
