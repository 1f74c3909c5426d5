using CampaignDesk.Api.Auth;
using CampaignDesk.Api.Hosting;
using CampaignDesk.Core.Audit;
using CampaignDesk.Core.Common;
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
        // Kestrel has its own default (30 MB): the configured limit must be its limit too.
        var limit = routes.ServiceProvider.GetRequiredService<IOptions<ImportSettings>>().Value.MaxUploadBytes;
        var group = routes.MapGroup("/api/imports").WithTags("Imports").RequireAuthorization(Policies.Admin);
        group.MapPost("/", UploadAsync).DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(limit))
            .Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Import an RNE, Assemblée, Datan or Sénat file, the Assemblée's acteur files (a zip or one JSON) or the administration's "
                + "directory of mairies (multipart field 'file'); dryRun=true reports without changing anything, "
                + "confirmEnds=true lets a file that does not look complete end the mandates it misses.");
        group.MapGet("/", ListAsync).WithSummary("Import runs, newest first, with their counts and state.");
        group.MapGet("/{id:long}", GetAsync).WithSummary("The report of an import run: counts, and the first rows or persons it could not take.");
        group.MapPost("/{id:long}/revert", RevertAsync)
            .WithSummary("Revert an applied import run: what it added is taken away, what it ended or changed is put back as it was.");
        return routes;
    }

    private static async Task<Results<Created<ImportReport>, Ok<ImportReport>, ProblemHttpResult>> UploadAsync(HttpRequest request,
        UploadSpool spool, ImportService imports, AuditLog audit, Caller caller, IOptions<ImportSettings> settings, CancellationToken cancellationToken,
        bool dryRun = false, bool confirmEnds = false)
    {
        var (upload, error) = await spool.ReceiveAsync(request, settings.Value.MaxUploadBytes, cancellationToken);
        using (upload)
        {
            if (upload is null || upload.Length == 0)
            {
                return Problems.Invalid(UploadSpool.Field, error ?? Messages.UploadEmpty.With(UploadSpool.Field));
            }

            try
            {
                var report = await imports.ImportAsync(upload.Open, upload.FileName, new ImportOptions(dryRun, confirmEnds), cancellationToken);
                await audit.RecordAsync(caller, dryRun ? "import_dry_run" : "import", "import_run", report.Id, null, null,
                    report with { Issues = [], Diff = null }, CancellationToken.None);
                return report.Status switch
                {
                    "succeeded" => TypedResults.Created($"/api/imports/{report.Id}", report),
                    "dry_run" => TypedResults.Ok(report),
                    _ => Problems.Problem(StatusCodes.Status422UnprocessableEntity, Messages.ImportFailedTitle,
                        Messages.ImportFailedOutcome.With(report.Id, report.Outcome),
                        new Dictionary<string, object?> { ["runId"] = report.Id, ["field"] = UploadSpool.Field }),
                };
            }
            catch (InvalidDataException ex)
            {
                return Problems.Invalid(UploadSpool.Field, Messages.ImportFileRefused, ex.Message);
            }
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

    private static async Task<Results<Ok<RevertReport>, ProblemHttpResult>> RevertAsync(long id, ImportReverter reverter, Caller caller,
        CancellationToken cancellationToken)
    {
        var outcome = await reverter.RevertAsync(id, caller, cancellationToken);
        return outcome.Status == OutcomeStatus.Conflict
            ? Problems.Problem(StatusCodes.Status409Conflict, Messages.ImportRevertRefused, outcome.Detail,
                new Dictionary<string, object?> { ["runId"] = id })
            : Problems.OkOr(outcome, "Import", id);
    }
}
