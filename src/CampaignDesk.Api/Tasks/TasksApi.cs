using CampaignDesk.Api.Hosting;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Interactions;
using CampaignDesk.Core.Tasks;
using CampaignDesk.Core.Users;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CampaignDesk.Api.Tasks;

public static class TasksApi
{
    public static IEndpointRouteBuilder MapTasks(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/tasks").WithTags("Tasks").RequireAuthorization();
        group.MapGet("/", SearchAsync)
            .WithSummary("Tasks by due date: assignee=me (or a user id), state=open|overdue|done|cancelled, organisation.");
        group.MapGet("/{id:long}", GetAsync).WithSummary("One task (its assignee, coordinators of its organisation, admins).");
        group.MapPost("/", CreateAsync).WithSummary("Assign a task to a member of an organisation you coordinate.");
        group.MapPost("/{id:long}/complete", CompleteAsync).WithSummary("Complete a task by logging the interaction it produced.");
        group.MapDelete("/{id:long}", CancelAsync).WithSummary("Cancel an open task (coordinators).");
        return routes;
    }

    private static async Task<Results<Ok<Page<OutreachTask>>, ProblemHttpResult>> SearchAsync(Caller caller, TaskService tasks, string? assignee,
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
        return Problems.OkOr(outcome, "Task", 0);
    }

    private static async Task<Results<Ok<OutreachTask>, ProblemHttpResult>> GetAsync(long id, Caller caller, TaskService tasks,
        CancellationToken cancellationToken) =>
        Problems.OkOr(await tasks.GetAsync(caller, id, cancellationToken), "Task", id);

    private static async Task<Results<Created<OutreachTask>, ProblemHttpResult>> CreateAsync(TaskInput input, Caller caller, TaskService tasks,
        CancellationToken cancellationToken)
    {
        var outcome = await tasks.CreateAsync(caller, input, cancellationToken);
        return outcome.IsOk ? TypedResults.Created($"/api/tasks/{outcome.Value!.Id}", outcome.Value) : Problems.Of(outcome, "Task", 0);
    }

    private static async Task<Results<Ok<OutreachTask>, ProblemHttpResult>> CompleteAsync(long id, InteractionInput input, Caller caller,
        TaskService tasks, CancellationToken cancellationToken) =>
        Problems.OkOr(await tasks.CompleteAsync(caller, id, input, cancellationToken), "Task", id);

    private static async Task<Results<Ok<OutreachTask>, ProblemHttpResult>> CancelAsync(long id, Caller caller, TaskService tasks,
        CancellationToken cancellationToken) =>
        Problems.OkOr(await tasks.CancelAsync(caller, id, cancellationToken), "Task", id);

}
