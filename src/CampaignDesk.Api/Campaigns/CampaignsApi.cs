using CampaignDesk.Api.Hosting;
using CampaignDesk.Api.OpenApi;
using CampaignDesk.Core.Campaigns;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.FollowUps;
using CampaignDesk.Core.Users;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CampaignDesk.Api.Campaigns;

public static class CampaignsApi
{
    public static IEndpointRouteBuilder MapCampaigns(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/campaigns").WithTags("Campaigns").RequireAuthorization().WithVersionETags();
        group.MapGet("/", SearchAsync).WithSummary("Campaigns, newest first.");
        group.MapGet("/{id:long}", GetAsync).WithSummary("One campaign with its participating organisations.");
        group.MapPost("/", CreateAsync).WithSummary("Create a campaign (admins); without targeting, the default rule (see the README).");
        group.MapPatch("/{id:long}", UpdateAsync).WithIfMatch().WithSummary("Change a campaign's fields, participants, targeting or automatic follow-up rule (admins).");
        group.MapPost("/{id:long}/targets/preview", PreviewTargetsAsync)
            .WithSummary("How many officials rules not saved yet would target, and the first ten by name (admins); nothing is written.");
        group.MapGet("/{id:long}/coverage", CoverageAsync)
            .WithSummary("Per département, group, role or organisation: targets, contacted, reached, responded, stances.");
        group.MapGet("/{id:long}/coverage/export.{format}", ExportCoverageAsync)
            .WithSummary("The coverage as a download: export.csv (UTF-8 with BOM, ';' for French Excel) or export.xlsx.");
        group.MapGet("/{id:long}/scripts", ScriptsAsync).WithSummary("The campaign's call scripts, one per mandate (role '*': every other mandate).");
        group.MapPut("/{id:long}/scripts/{role}", SaveScriptAsync)
            .WithSummary("Write the call script of a mandate, {body} (an empty body removes it): admins, coordinators of a participating organisation.");
        group.MapGet("/{id:long}/gaps", GapsAsync).WithSummary("Targets not reached yet, the most useful first (see the README for the ranking).");
        group.MapGet("/{id:long}/gaps/export.{format}", ExportGapsAsync)
            .WithSummary("The ranked gaps with the reason of each one's rank, as a download: export.csv or export.xlsx.");
        group.MapGet("/{id:long}/followups/export.{format}", ExportWaitingFollowUpsAsync)
            .WithSummary("The campaign's follow-ups waiting to leave, across the structures the caller may see, as a download: export.csv or export.xlsx.");
        return routes;
    }

    private static async Task<Results<Ok<Page<Campaign>>, ProblemHttpResult>> SearchAsync(CampaignService campaigns, string? status, int page = 1,
        int pageSize = PageRequest.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        var errors = new Errors();
        var paging = new PageRequest(page, pageSize);
        paging.Validate(errors);
        if (status is not null && CampaignStatuses.Normalise(status) is null)
        {
            errors.Add("status", Messages.CampaignStatusInvalid, CampaignStatuses.All);
        }

        return errors.Any ? Problems.Invalid(errors) : TypedResults.Ok(await campaigns.SearchAsync(status, paging, cancellationToken));
    }

    private static async Task<Results<Ok<Campaign>, ProblemHttpResult>> GetAsync(long id, CampaignService campaigns,
        CancellationToken cancellationToken) =>
        await campaigns.GetAsync(id, cancellationToken) is { } campaign ? TypedResults.Ok(campaign) : Problems.NotFound("Campaign", id);

    private static async Task<Results<Ok<Campaign>, ProblemHttpResult>> UpdateAsync(long id, CampaignInput input, Caller caller,
        CampaignService campaigns, HttpRequest request, CancellationToken cancellationToken)
    {
        var errors = new Errors();
        var ifMatch = await ETags.ExpectedVersionAsync(request, errors, async () => (await campaigns.GetAsync(id, cancellationToken))?.Version);
        return errors.Any
            ? Problems.Invalid(errors)
            : Problems.OkOr(await campaigns.UpdateAsync(caller, id, input.ToFields(), cancellationToken, ifMatch), "Campaign", id);
    }

    private static async Task<Results<Ok<TargetPreview>, ProblemHttpResult>> PreviewTargetsAsync(long id, TargetPreviewRequest input, Caller caller,
        TargetPreviews previews, CancellationToken cancellationToken) =>
        Problems.OkOr(await previews.PreviewAsync(caller, id, input.ToInput(), cancellationToken), "Campaign", id);

    private static async Task<Results<Ok<Coverage>, ProblemHttpResult>> CoverageAsync(long id, Caller caller, CoverageService coverage, string by = "department",
        CancellationToken cancellationToken = default)
    {
        if (!CoverageService.Dimensions.Contains(by))
        {
            return Problems.Invalid("by", Messages.CoverageBy, CoverageService.Dimensions);
        }

        return await coverage.CoverageAsync(caller, id, by, cancellationToken) is { } result ? TypedResults.Ok(result) : Problems.NotFound("Campaign", id);
    }

    private static async Task<IResult> ExportCoverageAsync(long id, string format, Caller caller, CoverageService coverage, string by = "department",
        CancellationToken cancellationToken = default)
    {
        if (!ExportResults.Formats.Contains(format) || !CoverageService.Dimensions.Contains(by))
        {
            return Problems.Invalid(ExportResults.Formats.Contains(format) ? "by" : "format", Messages.ExportFormatBy, CoverageService.Dimensions);
        }

        return await coverage.CoverageAsync(caller, id, by, cancellationToken) is { } result
            ? ExportResults.File(CoverageService.ToTable(result), format, $"couverture-campagne-{id}-{by}")
            : Problems.NotFound("Campaign", id);
    }

    private static async Task<Results<Ok<IReadOnlyList<CallScript>>, ProblemHttpResult>> ScriptsAsync(long id, CallScripts scripts,
        CancellationToken cancellationToken) =>
        await scripts.ListAsync(id, cancellationToken) is { } list ? TypedResults.Ok(list) : Problems.NotFound("Campaign", id);

    private static async Task<Results<Ok<CallScript?>, ProblemHttpResult>> SaveScriptAsync(long id, string role, CallScriptInput input, Caller caller,
        CallScripts scripts, CancellationToken cancellationToken) =>
        Problems.OkOr(await scripts.SaveAsync(caller, id, role, input.Body, cancellationToken), "Campaign", id);

    private static async Task<Results<Ok<Page<Gap>>, ProblemHttpResult>> GapsAsync(long id, Caller caller, CoverageService coverage, int page = 1,
        int pageSize = PageRequest.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        var errors = new Errors();
        var paging = new PageRequest(page, pageSize);
        paging.Validate(errors);
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        return await coverage.GapsAsync(caller, id, paging, cancellationToken) is { } gaps ? TypedResults.Ok(gaps) : Problems.NotFound("Campaign", id);
    }

    private static async Task<Results<Created<Campaign>, ProblemHttpResult>> CreateAsync(CampaignInput input, Caller caller, CampaignService campaigns,
        CancellationToken cancellationToken)
    {
        var outcome = await campaigns.CreateAsync(caller, input.ToFields(), cancellationToken);
        return outcome.IsOk ? TypedResults.Created($"/api/campaigns/{outcome.Value!.Id}", outcome.Value) : Problems.Of(outcome, "Campaign", 0);
    }

    private static async Task<IResult> ExportGapsAsync(long id, string format, Caller caller, CoverageService coverage,
        CancellationToken cancellationToken)
    {
        if (!ExportResults.Formats.Contains(format))
        {
            return Problems.Invalid("format", Messages.ExportFormat);
        }

        return await GapReasons.AllAsync(coverage, caller, id, cancellationToken) is { } gaps
            ? ExportResults.File(GapReasons.ToTable(gaps), format, $"manques-campagne-{id}")
            : Problems.NotFound("Campaign", id);
    }

    private static async Task<IResult> ExportWaitingFollowUpsAsync(long id, string format, Caller caller, CampaignService campaigns,
        WaitingFollowUps waiting, CancellationToken cancellationToken)
    {
        if (!ExportResults.Formats.Contains(format))
        {
            return Problems.Invalid("format", Messages.ExportFormat);
        }

        return await campaigns.GetAsync(id, cancellationToken) is null
            ? Problems.NotFound("Campaign", id)
            : ExportResults.File(await waiting.TableAsync(caller, id, cancellationToken), format, $"relances-en-attente-campagne-{id}");
    }
}
