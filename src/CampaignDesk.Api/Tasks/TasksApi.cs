using CampaignDesk.Api.Hosting;
using CampaignDesk.Api.OpenApi;
using CampaignDesk.Core.Campaigns;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Tasks;
using CampaignDesk.Core.Users;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CampaignDesk.Api.Tasks;

public static class TasksApi
{
    public static IEndpointRouteBuilder MapTasks(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/tasks").WithTags("Tasks").RequireAuthorization().WithVersionETags();
        group.MapGet("/", SearchAsync)
            .WithSummary("Tasks by due date: assignee=me (or a user id), state=open|overdue|done|cancelled, organisation.");
        group.MapGet("/{id:long}", GetAsync).WithSummary("One task (its assignee, coordinators of its organisation, admins).");
        group.MapPost("/", CreateAsync).WithSummary("Assign a task to a member of an organisation you coordinate.");
        group.MapPost("/batch", CreateBatchAsync)
            .WithSummary("One task for each élu (officialIds, or selection=uncontacted_targets), shared out among assigneeUserIds in turn.");
        group.MapPost("/{id:long}/complete", CompleteAsync).WithIfMatch()
            .WithSummary("Log what happened: a message left or nobody reached keeps the task open with a new date (retryOn), anything else closes it.");
        routes.MapGet("/api/organisations/{id:long}/team", TeamAsync).WithTags("Tasks").RequireAuthorization()
            .WithSummary("Each member of the organisation with their open, overdue and recently done tasks (its coordinators).");
        group.MapDelete("/{id:long}", CancelAsync).WithIfMatch().WithSummary("Cancel an open task (coordinators).");
        return routes;
    }

    private static async Task<Results<Ok<Page<OutreachTask>>, ProblemHttpResult>> SearchAsync(Caller caller, TaskService tasks, CallScripts scripts,
        string? assignee,
        string? state, long? organisation, int page = 1, int pageSize = PageRequest.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        var errors = new Errors();
        var paging = new PageRequest(page, pageSize);
        paging.Validate(errors);
        long? assigneeId = null;
        if (assignee == "me")
        {
            assigneeId = caller.UserId ?? -1;
        }
        else if (assignee is not null)
        {
            if (long.TryParse(assignee, out var id))
            {
                assigneeId = id;
            }
            else
            {
                errors.Add("assignee", Messages.AssigneeFilter);
            }
        }

        if (state is not null && !TaskLists.States.Contains(state))
        {
            errors.Add("state", Messages.TaskStateInvalid, TaskLists.States);
        }

        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        var outcome = await tasks.SearchAsync(caller, new TaskQuery(assigneeId, state, organisation, paging), cancellationToken);
        return outcome.IsOk
            ? TypedResults.Ok(outcome.Value! with { Items = await scripts.AttachAsync(outcome.Value.Items, cancellationToken) })
            : Problems.Of(outcome, "Task", 0);
    }

    private static async Task<Results<Ok<OutreachTask>, ProblemHttpResult>> GetAsync(long id, Caller caller, TaskService tasks, CallScripts scripts,
        CancellationToken cancellationToken)
    {
        var outcome = await tasks.GetAsync(caller, id, cancellationToken);
        return outcome.IsOk ? TypedResults.Ok((await scripts.AttachAsync([outcome.Value!], cancellationToken))[0]) : Problems.Of(outcome, "Task", id);
    }

    private static async Task<Results<Created<IReadOnlyList<OutreachTask>>, ProblemHttpResult>> CreateBatchAsync(TaskBatchRequest input, Caller caller,
        TaskBatches batches, CancellationToken cancellationToken)
    {
        var outcome = await batches.CreateAsync(caller, input.ToInput(), cancellationToken);
        return outcome.IsOk ? TypedResults.Created("/api/tasks", outcome.Value) : Problems.Of(outcome, "Task", 0);
    }

    private static async Task<Results<Ok<IReadOnlyList<TeamMember>>, ProblemHttpResult>> TeamAsync(long id, Caller caller, TeamBoard team,
        CancellationToken cancellationToken) => Problems.OkOr(await team.ForAsync(caller, id, cancellationToken), "Organisation", id);

    private static async Task<Results<Created<OutreachTask>, ProblemHttpResult>> CreateAsync(TaskRequest input, Caller caller, TaskService tasks,
        CancellationToken cancellationToken)
    {
        var outcome = await tasks.CreateAsync(caller, input.ToInput(), cancellationToken);
        return outcome.IsOk ? TypedResults.Created($"/api/tasks/{outcome.Value!.Id}", outcome.Value) : Problems.Of(outcome, "Task", 0);
    }

    private static async Task<Results<Ok<OutreachTask>, ProblemHttpResult>> CompleteAsync(long id, TaskCompletionRequest input, Caller caller,
        TaskService tasks, HttpRequest request, CancellationToken cancellationToken)
    {
        var errors = new Errors();
        var ifMatch = await ETags.ExpectedVersionAsync(request, errors, async () => (await tasks.GetAsync(caller, id, cancellationToken)).Value?.Version);
        return errors.Any
            ? Problems.Invalid(errors)
            : Problems.OkOr(await tasks.CompleteAsync(caller, id, input.ToInteraction(), input.RetryOn, input.Close == true, cancellationToken, ifMatch),
                "Task", id);
    }

    private static async Task<Results<Ok<OutreachTask>, ProblemHttpResult>> CancelAsync(long id, Caller caller, TaskService tasks,
        HttpRequest request, CancellationToken cancellationToken)
    {
        var errors = new Errors();
        var ifMatch = await ETags.ExpectedVersionAsync(request, errors, async () => (await tasks.GetAsync(caller, id, cancellationToken)).Value?.Version);
        return errors.Any
            ? Problems.Invalid(errors)
            : Problems.OkOr(await tasks.CancelAsync(caller, id, cancellationToken, ifMatch), "Task", id);
    }

}
