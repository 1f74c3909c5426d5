using CampaignDesk.Api.Hosting;
using CampaignDesk.Api.OpenApi;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.FollowUps;
using CampaignDesk.Core.Users;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CampaignDesk.Api.FollowUps;

public static class FollowUpsApi
{
    public static IEndpointRouteBuilder MapFollowUps(this IEndpointRouteBuilder routes)
    {
        var templates = routes.MapGroup("/api/templates").WithTags("Follow-ups").RequireAuthorization().WithVersionETags();
        templates.MapGet("/", ListTemplatesAsync).WithSummary("A campaign's e-mail templates (?campaign=).");
        templates.MapGet("/placeholders", () => TypedResults.Ok(TemplatePlaceholders.All.Select(p => new { p.Name, p.Description })))
            .WithSummary("The placeholders a template may use, such as {{salutation}}.");
        templates.MapGet("/{id:long}", GetTemplateAsync).WithSummary("One template.");
        templates.MapPost("/", CreateTemplateAsync).WithSummary("Write a template for a campaign (admins, coordinators of a participating organisation).");
        templates.MapPatch("/{id:long}", UpdateTemplateAsync).WithIfMatch().WithSummary("Change a template's name, subject or body (If-Match: its ETag).");
        templates.MapPost("/{id:long}/preview", PreviewAsync)
            .WithSummary("The message as it would leave for an official from an organisation; a placeholder without a value is an error.");

        var followUps = routes.MapGroup("/api/followups").WithTags("Follow-ups").RequireAuthorization();
        followUps.MapPost("/", ScheduleAsync)
            .WithSummary("Schedule a follow-up e-mail from the organisation's mailbox (coordinators): a template or a subject and body, a not-before time.");
        followUps.MapPost("/batch", ScheduleBatchAsync)
            .WithSummary("The same follow-up for several élus (officialIds, or selection=uncontacted_targets); dryRun: every message and time, nothing written.");
        followUps.MapDelete("/batches/{id:long}", CancelBatchAsync).WithSummary("Cancel what of a batch has not left yet (coordinators).");
        followUps.MapGet("/", SearchAsync).WithSummary("Follow-ups of the caller's organisations (?state=&organisation=&campaign=&official=&batch=).");
        followUps.MapGet("/{id:long}", GetAsync).WithSummary("One follow-up.");
        followUps.MapDelete("/{id:long}", CancelAsync).WithSummary("Cancel a scheduled follow-up (coordinators).");
        return routes;
    }

    private static async Task<Ok<IReadOnlyList<Template>>> ListTemplatesAsync(TemplateService templates, long? campaign,
        CancellationToken cancellationToken) => TypedResults.Ok(await templates.ListAsync(campaign, cancellationToken));

    private static async Task<Results<Ok<Template>, ProblemHttpResult>> GetTemplateAsync(long id, TemplateService templates, HttpContext context,
        CancellationToken cancellationToken)
    {
        if (await templates.GetAsync(id, cancellationToken) is not { } template)
        {
            return Problems.NotFound("Template", id);
        }

        context.Response.Headers.ETag = ETags.Of(template.Version);
        return TypedResults.Ok(template);
    }

    private static async Task<Results<Created<Template>, ProblemHttpResult>> CreateTemplateAsync(TemplateRequest input, Caller caller,
        TemplateService templates, CancellationToken cancellationToken)
    {
        var outcome = await templates.CreateAsync(caller, input.ToFields(), cancellationToken);
        return outcome.IsOk ? TypedResults.Created($"/api/templates/{outcome.Value!.Id}", outcome.Value) : Problems.Of(outcome, "Template", 0);
    }

    private static async Task<Results<Ok<Template>, ProblemHttpResult>> UpdateTemplateAsync(long id, TemplateRequest input, Caller caller,
        TemplateService templates, HttpContext context, CancellationToken cancellationToken)
    {
        var errors = new Errors();
        var version = await ETags.ExpectedVersionAsync(context.Request, errors, async () => (await templates.GetAsync(id, cancellationToken))?.Version);
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        var outcome = await templates.UpdateAsync(caller, id, input.ToFields(), version, cancellationToken);
        if (outcome.IsOk)
        {
            context.Response.Headers.ETag = ETags.Of(outcome.Value!.Version);
        }

        return Problems.OkOr(outcome, "Template", id);
    }

    private static async Task<Results<Ok<PreviewedMail>, ProblemHttpResult>> PreviewAsync(long id, TemplatePreviewRequest input, Caller caller,
        TemplateService templates, CancellationToken cancellationToken) =>
        Problems.OkOr(await templates.PreviewAsync(caller, id, input.ToInput(), cancellationToken), "Template", id);

    private static async Task<Results<Created<FollowUp>, ProblemHttpResult>> ScheduleAsync(FollowUpRequest input, Caller caller, FollowUpService followUps,
        HttpContext context, CancellationToken cancellationToken)
    {
        var outcome = await followUps.ScheduleAsync(caller, input.ToInput(), context.CorrelationId(), cancellationToken);
        return outcome.IsOk ? TypedResults.Created($"/api/followups/{outcome.Value!.Id}", outcome.Value) : Problems.Of(outcome, "Follow-up", 0);
    }

    private static async Task<Results<Ok<Page<FollowUp>>, ProblemHttpResult>> SearchAsync(Caller caller, FollowUpService followUps, string? state,
        long? organisation, long? campaign, long? official, long? batch, int page = 1, int pageSize = PageRequest.DefaultPageSize,
        CancellationToken cancellationToken = default)
    {
        var errors = new Errors();
        var paging = new PageRequest(page, pageSize);
        paging.Validate(errors);
        var checkedState = state is null ? null : errors.OneOf(state, "state", FollowUpStates.All);
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        return TypedResults.Ok(await followUps.SearchAsync(caller, new FollowUpQuery(checkedState, organisation, campaign, official, paging, batch),
            cancellationToken));
    }

    private static async Task<Results<Ok<FollowUpBatchView>, Created<FollowUpBatchView>, ProblemHttpResult>> ScheduleBatchAsync(
        FollowUpBatchRequest input, Caller caller, FollowUpBatches batches, HttpContext context, CancellationToken cancellationToken)
    {
        var outcome = await batches.ScheduleAsync(caller, input.ToInput(), context.CorrelationId(), cancellationToken);
        if (!outcome.IsOk)
        {
            return Problems.Of(outcome, "Follow-up batch", 0);
        }

        var batch = FollowUpBatchView.Of(outcome.Value!, context.Request);
        return batch.Id is { } id ? TypedResults.Created($"/api/followups?batch={id}", batch) : TypedResults.Ok(batch);
    }

    private static async Task<Results<Ok<BatchCancellation>, ProblemHttpResult>> CancelBatchAsync(long id, Caller caller, FollowUpBatches batches,
        CancellationToken cancellationToken) => Problems.OkOr(await batches.CancelAsync(caller, id, cancellationToken), "Follow-up batch", id);

    private static async Task<Results<Ok<FollowUp>, ProblemHttpResult>> GetAsync(long id, Caller caller, FollowUpService followUps,
        CancellationToken cancellationToken) => Problems.OkOr(await followUps.GetAsync(caller, id, cancellationToken), "Follow-up", id);

    private static async Task<Results<Ok<FollowUp>, ProblemHttpResult>> CancelAsync(long id, Caller caller, FollowUpService followUps,
        CancellationToken cancellationToken) => Problems.OkOr(await followUps.CancelAsync(caller, id, cancellationToken), "Follow-up", id);
}
