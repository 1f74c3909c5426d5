using CampaignDesk.Api.Hosting;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Exports;
using CampaignDesk.Core.Lobbying;
using CampaignDesk.Core.Users;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CampaignDesk.Api.Register;

/// <summary>
/// The lobbying register (HATVP): each organisation's rows with the reason each counts or not, where it stands against the
/// threshold, its annual declaration, and how officials answer. An organisation's register is for its members and admins.
/// </summary>
public static class RegisterApi
{
    public static IEndpointRouteBuilder MapRegister(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/register").WithTags("Register").RequireAuthorization();
        group.MapGet("/organisations/{id:long}/actions", ActionsAsync)
            .WithSummary("Every contact of the organisation over a period (?from=&to=, days in Paris; the last twelve months by default; ?rollup=true adds its members), each with whether it counts as an action of the register and why.");
        group.MapGet("/organisations/{id:long}/actions/export.{format}", ExportActionsAsync)
            .WithSummary("The same rows and reasons as a download: export.csv or export.xlsx.");
        group.MapGet("/organisations/{id:long}/standing", StandingAsync)
            .WithSummary("The rolling twelve-month counter of the organisation (and, for a federation, with its members): the day it crossed ten, or the day it would at its pace.");
        group.MapGet("/alerts", AlertsAsync)
            .WithSummary("The caller's organisations at or near the threshold of ten actions in twelve months, for the dashboard.");
        group.MapGet("/organisations/{id:long}/declaration", DeclarationAsync)
            .WithSummary("The annual declaration's content for a fiscal year (?year=&firstMonth=): decisions targeted, types of actions, categories of officials, number of actions, and the fields the organisation fills.");
        group.MapGet("/organisations/{id:long}/declaration/export.{format}", ExportDeclarationAsync)
            .WithSummary("The annual declaration as a download: export.csv or export.xlsx.");
        group.MapGet("/organisations/{id:long}/declaration/page", DeclarationPageAsync)
            .Produces<string>(StatusCodes.Status200OK, "text/html")
            .WithSummary("The annual declaration as a French page to print.");
        group.MapGet("/responsiveness", ResponsivenessAsync)
            .WithSummary("Per official, group, role or département (?by=), for a campaign (?campaign=) or a period (?from=&to=): contacts, answers, median days to answer, shares of automatic replies and bounces.");
        group.MapGet("/responsiveness/export.{format}", ExportResponsivenessAsync)
            .WithSummary("The responsiveness as a download: export.csv or export.xlsx.");
        return routes;
    }

    private static async Task<Results<Ok<RegisterExplanation>, ProblemHttpResult>> ActionsAsync(long id, Caller caller, RegisterService register,
        DateOnly? from, DateOnly? to, bool rollup = false, CancellationToken cancellationToken = default) =>
        Problems.OkOr(await register.ExplainAsync(caller, id, from, to, rollup, cancellationToken), "Organisation", id);

    private static async Task<IResult> ExportActionsAsync(long id, string format, Caller caller, RegisterService register, DateOnly? from, DateOnly? to,
        bool rollup = false, CancellationToken cancellationToken = default)
    {
        if (!ExportResults.Formats.Contains(format))
        {
            return Problems.Invalid("format", Messages.ExportFormat);
        }

        var outcome = await register.ExplainAsync(caller, id, from, to, rollup, cancellationToken);
        return outcome.IsOk ? ExportResults.File(RegisterTables.Actions(outcome.Value!), format, $"repertoire-actions-{id}") : Problems.Of(outcome, "Organisation", id);
    }

    private static async Task<Results<Ok<IReadOnlyList<RegisterStanding>>, ProblemHttpResult>> StandingAsync(long id, Caller caller, RegisterService register,
        CancellationToken cancellationToken) =>
        Problems.OkOr(await register.StandingAsync(caller, id, cancellationToken), "Organisation", id);

    private static async Task<Ok<IReadOnlyList<RegisterStanding>>> AlertsAsync(Caller caller, RegisterService register, CancellationToken cancellationToken) =>
        TypedResults.Ok(await register.AlertsAsync(caller, cancellationToken));

    private static async Task<Results<Ok<Declaration>, ProblemHttpResult>> DeclarationAsync(long id, int year, Caller caller, Declarations declarations,
        int firstMonth = 1, CancellationToken cancellationToken = default) =>
        Problems.OkOr(await declarations.BuildAsync(caller, id, year, firstMonth, cancellationToken), "Organisation", id);

    private static async Task<IResult> ExportDeclarationAsync(long id, string format, int year, Caller caller, Declarations declarations, int firstMonth = 1,
        CancellationToken cancellationToken = default)
    {
        if (!ExportResults.Formats.Contains(format))
        {
            return Problems.Invalid("format", Messages.ExportFormat);
        }

        var outcome = await declarations.BuildAsync(caller, id, year, firstMonth, cancellationToken);
        return outcome.IsOk ? ExportResults.File(Declarations.ToTable(outcome.Value!), format, $"declaration-{id}-{year}") : Problems.Of(outcome, "Organisation", id);
    }

    private static async Task<IResult> DeclarationPageAsync(long id, int year, Caller caller, Declarations declarations, HttpResponse response,
        int firstMonth = 1, CancellationToken cancellationToken = default)
    {
        var outcome = await declarations.BuildAsync(caller, id, year, firstMonth, cancellationToken);
        if (!outcome.IsOk)
        {
            return Problems.Of(outcome, "Organisation", id);
        }

        // Shown in the tab when followed as a link; named when the web pages download it for a token that cannot follow one.
        response.Headers.ContentDisposition = $"inline; filename=\"declaration-{id}-{year}.html\"";
        return TypedResults.Text(DeclarationPage.Html(outcome.Value!), "text/html; charset=utf-8");
    }

    private static async Task<Results<Ok<IReadOnlyList<ResponsivenessRow>>, ProblemHttpResult>> ResponsivenessAsync(Responsiveness responsiveness,
        TimeProvider time, string by = "group", long? campaign = null, DateOnly? from = null, DateOnly? to = null, CancellationToken cancellationToken = default) =>
        Period(by, from, to, time) is { } problem ? problem
            : TypedResults.Ok(await Read(responsiveness, time, by, campaign, from, to, cancellationToken));

    private static async Task<IResult> ExportResponsivenessAsync(string format, Responsiveness responsiveness, TimeProvider time, string by = "group",
        long? campaign = null, DateOnly? from = null, DateOnly? to = null, CancellationToken cancellationToken = default)
    {
        if (!ExportResults.Formats.Contains(format))
        {
            return Problems.Invalid("format", Messages.ExportFormat);
        }

        return Period(by, from, to, time) is { } problem ? problem
            : ExportResults.File(Responsiveness.ToTable(by, await Read(responsiveness, time, by, campaign, from, to, cancellationToken)), format, $"reactivite-{by}");
    }

    private static ProblemHttpResult? Period(string by, DateOnly? from, DateOnly? to, TimeProvider time)
    {
        if (!Responsiveness.Dimensions.Contains(by))
        {
            return Problems.Invalid("by", Messages.RegisterDimensionInvalid, string.Join(", ", Responsiveness.Dimensions));
        }

        return (from ?? DateOnly.MinValue) > (to ?? ParisTime.Today(time)) ? Problems.Invalid("to", Messages.RegisterRangeReversed) : null;
    }

    /// <summary>A campaign's figures, or a period's (the last twelve months by default).</summary>
    private static Task<IReadOnlyList<ResponsivenessRow>> Read(Responsiveness responsiveness, TimeProvider time, string by, long? campaign, DateOnly? from,
        DateOnly? to, CancellationToken cancellationToken)
    {
        var last = to ?? ParisTime.Today(time);
        var first = from ?? RegisterCounter.WindowStart(last).AddDays(1);
        return responsiveness.ByAsync(by, campaign, RegisterService.StartUtc(first), RegisterService.StartUtc(last.AddDays(1)), cancellationToken);
    }
}
