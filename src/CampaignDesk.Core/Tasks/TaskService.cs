using System.Data.Common;
using CampaignDesk.Core.Audit;
using CampaignDesk.Core.Campaigns;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Interactions;
using CampaignDesk.Core.Users;
using Dapper;

namespace CampaignDesk.Core.Tasks;

/// <summary>
/// Volunteers' tasks. A coordinator assigns them to the members of their organisation; the assignee (or a
/// coordinator) completes one by logging the interaction it produced, in the same transaction. A volunteer sees
/// their own tasks only; tasks of other organisations do not exist for a coordinator (404).
/// </summary>
public sealed class TaskService(Database database, InteractionService interactions, Coordination coordination, CampaignRules rules, AuditLog audit,
    TimeProvider time)
{
    private readonly TaskQueries _queries = new(database, time);

    /// <summary>Outcomes of a call that reached nobody: the task stays open, with a new date.</summary>
    public static readonly IReadOnlyList<string> RetryOutcomes = ["left_message", "unreachable"];

    /// <summary>Working days until the retry a task proposes after a message left or nobody reached.</summary>
    public const int RetryAfterWorkingDays = 2;

    public Task<Outcome<OutreachTask>> CreateAsync(Caller caller, TaskInput input, CancellationToken cancellationToken)
    {
        var refused = Precheck(caller, input, out var kind);
        return refused is not null
            ? Task.FromResult(refused)
            : database.WriteAsync(session => InsertAsync(session, caller, input, kind!), cancellationToken);
    }

    /// <summary>The checks that need no database: a refusal, or null and the task's kind.</summary>
    internal Outcome<OutreachTask>? Precheck(Caller caller, TaskInput input, out string? kind)
    {
        var errors = new Errors();
        kind = input.Kind?.Trim().ToLowerInvariant();
        if (kind is null || !TaskLists.Kinds.Contains(kind))
        {
            errors.Add("kind", Messages.TaskKindInvalid, TaskLists.Kinds);
        }

        var today = ParisTime.Today(time);
        if (input.DueDate is not { } due || due < today.AddYears(-1) || due > today.AddYears(2))
        {
            errors.Add("dueDate", Messages.DueDateInvalid);
        }

        if (input.Instructions is { Length: > TaskLists.MaxInstructionsLength })
        {
            errors.Add("instructions", Messages.InstructionsTooLong, TaskLists.MaxInstructionsLength);
        }

        foreach (var (value, field) in new[] { (input.AssigneeUserId, "assigneeUserId"), (input.OfficialId, "officialId"), (input.OrganisationId, "organisationId") })
        {
            if (value is null)
            {
                errors.Add(field, Messages.Required);
            }
        }

        if (errors.Any)
        {
            return Outcome<OutreachTask>.Invalid(errors);
        }

        return caller.Coordinates(input.OrganisationId!.Value)
            ? null
            : Outcome<OutreachTask>.Forbidden(Messages.TaskAssignForbidden);
    }

    /// <summary>Writes a task that passed <see cref="Precheck"/>, in the caller's transaction.</summary>
    internal async Task<Outcome<OutreachTask>> InsertAsync(DbSession session, Caller caller, TaskInput input, string kind)
    {
        var errors = new Errors();
        var assignee = await session.SingleOrDefaultAsync<(string Role, DateTime? DisabledUtc, long? Member)>("""
            SELECT u.role, u.disabled_utc, m.organisation_id AS member
            FROM users u LEFT JOIN user_organisations m ON m.user_id = u.id AND m.organisation_id = @OrganisationId
            WHERE u.id = @AssigneeUserId
            """, new { input.OrganisationId, input.AssigneeUserId });
        if (assignee.Role is null || assignee.DisabledUtc is not null || assignee.Member is null || assignee.Role == UserRoles.Observer)
        {
            errors.Add("assigneeUserId", Messages.AssigneeInvalid);
        }

        await session.RequireRowAsync("officials", input.OfficialId, "officialId", errors);
        await session.RequireRowAsync("campaigns", input.CampaignId, "campaignId", errors);
        if (!errors.Any)
        {
            await rules.RequireParticipantAsync(session, input.CampaignId, input.OrganisationId, errors);
        }

        if (errors.Any)
        {
            return Outcome<OutreachTask>.Invalid(errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var id = await session.ScalarAsync<long>(database.Dialect.InsertReturningId("tasks",
            "organisation_id, assignee_user_id, official_id, campaign_id, kind, due_date, instructions, state, created_by_user_id, version, created_utc, updated_utc",
            $"@OrganisationId, @AssigneeUserId, @OfficialId, @CampaignId, @kind, @Due, @Instructions, '{TaskStates.Open}', @CreatedBy, 1, @now, @now"), new
            {
                input.OrganisationId,
                input.AssigneeUserId,
                input.OfficialId,
                input.CampaignId,
                kind,
                Due = IsoDate.Format(input.DueDate),
                Instructions = string.IsNullOrWhiteSpace(input.Instructions) ? null : input.Instructions.Trim(),
                CreatedBy = caller.UserId,
                now,
            });
        var task = (await GetAsync(session, id))!;
        await audit.RecordAsync(session, caller, "create", "task", id, task.OrganisationId, null, task);
        var others = await coordination.OthersRecentlyAsync(session, caller, task.OfficialId, task.OrganisationId, task.CampaignId);
        return Outcome<OutreachTask>.Ok(task with { OthersRecently = others });
    }

    public async Task<Outcome<OutreachTask>> GetAsync(Caller caller, long id, CancellationToken cancellationToken)
    {
        var task = await database.ReadAsync(session => GetAsync(session, id), cancellationToken);
        return task is not null && MaySee(caller, task) ? Outcome<OutreachTask>.Ok(task) : Outcome<OutreachTask>.NotFound();
    }

    /// <summary>Due date first; the tasks the caller may see among those asked for.</summary>
    public async Task<Outcome<Page<OutreachTask>>> SearchAsync(Caller caller, TaskQuery query, CancellationToken cancellationToken)
    {
        if (caller.Role == UserRoles.Observer)
        {
            return Outcome<Page<OutreachTask>>.Forbidden(Messages.TasksForbiddenToObservers);
        }

        return Outcome<Page<OutreachTask>>.Ok(await _queries.SearchAsync(caller, query, cancellationToken));
    }

    /// <summary>
    /// Closes an open task with the interaction it produced (its organisation and official are the task's when not
    /// given). The assignee or a coordinator of the organisation may; a closed task cannot be completed again.
    /// </summary>
    public Task<Outcome<OutreachTask>> CompleteAsync(Caller caller, long id, InteractionInput input, CancellationToken cancellationToken) =>
        CompleteAsync(caller, id, input, null, false, cancellationToken);

    /// <summary>
    /// Logs what happened. A message left or nobody reached (<see cref="RetryOutcomes"/>) keeps the task open, one attempt
    /// more, due again on <paramref name="retryOn"/> (by default <see cref="RetryAfterWorkingDays"/> working days after today)
    /// unless <paramref name="close"/>; any other outcome closes it.
    /// </summary>
    public Task<Outcome<OutreachTask>> CompleteAsync(Caller caller, long id, InteractionInput input, DateOnly? retryOn, bool close,
        CancellationToken cancellationToken, int? ifMatchVersion = null) =>
        database.WriteAsync(async session =>
        {
            var task = await GetAsync(session, id);
            if (task is null || !MaySee(caller, task))
            {
                return Outcome<OutreachTask>.NotFound();
            }

            if (ifMatchVersion is not null && ifMatchVersion != task.Version)
            {
                return Outcome<OutreachTask>.Stale(Messages.TaskStale.With(task.Version));
            }

            if (task.State != TaskStates.Open)
            {
                return Outcome<OutreachTask>.Conflict(Messages.TaskAlreadyClosed.With(task.State));
            }

            if ((input.OfficialId ?? task.OfficialId) != task.OfficialId || (input.OrganisationId ?? task.OrganisationId) != task.OrganisationId)
            {
                return Outcome<OutreachTask>.Invalid("officialId", Messages.TaskInteractionMismatch);
            }

            var logged = await interactions.LogAsync(session, caller,
                input with { OfficialId = task.OfficialId, OrganisationId = task.OrganisationId, CampaignId = input.CampaignId ?? task.CampaignId });
            if (!logged.IsOk)
            {
                return logged.As<OutreachTask>();
            }

            if (!close && RetryOutcomes.Contains(logged.Value!.Outcome))
            {
                return await RetryAsync(session, caller, task, retryOn);
            }

            return await CloseAsync(session, caller, task, TaskStates.Done, logged.Value!.Id);
        }, cancellationToken);

    /// <summary>Cancels an open task: for coordinators of its organisation and admins.</summary>
    public Task<Outcome<OutreachTask>> CancelAsync(Caller caller, long id, CancellationToken cancellationToken, int? ifMatchVersion = null) =>
        database.WriteAsync(async session =>
        {
            var task = await GetAsync(session, id);
            if (task is null || !MaySee(caller, task))
            {
                return Outcome<OutreachTask>.NotFound();
            }

            if (ifMatchVersion is not null && ifMatchVersion != task.Version)
            {
                return Outcome<OutreachTask>.Stale(Messages.TaskStale.With(task.Version));
            }

            if (!caller.Coordinates(task.OrganisationId))
            {
                return Outcome<OutreachTask>.Forbidden(Messages.TaskCancelForbidden);
            }

            return task.State == TaskStates.Open
                ? await CloseAsync(session, caller, task, TaskStates.Cancelled, null)
                : Outcome<OutreachTask>.Conflict(Messages.TaskAlreadyClosed.With(task.State));
        }, cancellationToken);

    private static bool MaySee(Caller caller, OutreachTask task) =>
        caller.IsAdmin || task.AssigneeUserId == caller.UserId || caller.Coordinates(task.OrganisationId);

    private async Task<Outcome<OutreachTask>> RetryAsync(DbSession session, Caller caller, OutreachTask task,
        DateOnly? retryOn)
    {
        var today = ParisTime.Today(time);
        var due = retryOn ?? ProposedRetry(today);
        if (due <= today || due > today.AddYears(1))
        {
            return Outcome<OutreachTask>.Invalid("retryOn", Messages.TaskRetryDateInvalid);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var changed = await session.ExecuteAsync($"""
            UPDATE tasks SET attempts = attempts + 1, last_attempt_utc = @now, due_date = @due, updated_utc = @now, version = version + 1
            WHERE id = @Id AND state = '{TaskStates.Open}'
            """, new { now, due = IsoDate.Format(due), task.Id });
        if (changed == 0)
        {
            return Outcome<OutreachTask>.Conflict(Messages.TaskClosedConcurrently);
        }

        var retried = (await GetAsync(session, task.Id))!;
        await audit.RecordAsync(session, caller, "retry", "task", task.Id, task.OrganisationId, task, retried);
        return Outcome<OutreachTask>.Ok(retried);
    }

    internal static DateOnly ProposedRetry(DateOnly today) => FollowUps.WorkingDays.Add(today, RetryAfterWorkingDays, null);

    private async Task<Outcome<OutreachTask>> CloseAsync(DbSession session, Caller caller, OutreachTask task,
        string state, long? interactionId)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var changed = await session.ExecuteAsync($"""
            UPDATE tasks SET state = @state, interaction_id = @interactionId, closed_utc = @now, updated_utc = @now, version = version + 1
            WHERE id = @Id AND state = '{TaskStates.Open}' AND version = @Version
            """, new { state, interactionId, now, task.Id, task.Version });
        if (changed == 0)
        {
            return Outcome<OutreachTask>.Conflict(Messages.TaskClosedConcurrently);
        }

        var closed = (await GetAsync(session, task.Id))!;
        await audit.RecordAsync(session, caller, state == TaskStates.Done ? "complete" : "cancel", "task", task.Id, task.OrganisationId,
            task, closed);
        return Outcome<OutreachTask>.Ok(closed);
    }

    private Task<OutreachTask?> GetAsync(DbSession session, long id) =>
        _queries.GetAsync(session, id);
}
