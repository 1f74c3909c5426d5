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
            : database.TransactAsync((connection, transaction) => InsertAsync(connection, transaction, caller, input, kind!, cancellationToken), cancellationToken);
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
    internal async Task<Outcome<OutreachTask>> InsertAsync(DbConnection connection, DbTransaction transaction, Caller caller, TaskInput input, string kind,
        CancellationToken cancellationToken)
    {
        var errors = new Errors();
        var assignee = await connection.QuerySingleOrDefaultAsync<(string Role, DateTime? DisabledUtc, long? Member)>(database.Command("""
            SELECT u.role, u.disabled_utc, m.organisation_id AS member
            FROM users u LEFT JOIN user_organisations m ON m.user_id = u.id AND m.organisation_id = @OrganisationId
            WHERE u.id = @AssigneeUserId
            """, new { input.OrganisationId, input.AssigneeUserId }, transaction, cancellationToken));
        if (assignee.Role is null || assignee.DisabledUtc is not null || assignee.Member is null || assignee.Role == UserRoles.Observer)
        {
            errors.Add("assigneeUserId", Messages.AssigneeInvalid);
        }

        await database.RequireRowAsync(connection, transaction, "officials", input.OfficialId, "officialId", errors, cancellationToken);
        await database.RequireRowAsync(connection, transaction, "campaigns", input.CampaignId, "campaignId", errors, cancellationToken);
        if (!errors.Any)
        {
            await rules.RequireParticipantAsync(new DbSession(database, connection, transaction, cancellationToken), input.CampaignId, input.OrganisationId, errors);
        }

        if (errors.Any)
        {
            return Outcome<OutreachTask>.Invalid(errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var id = await connection.ExecuteScalarAsync<long>(database.Command(database.Dialect.InsertReturningId("tasks",
            "organisation_id, assignee_user_id, official_id, campaign_id, kind, due_date, instructions, state, created_by_user_id, version, created_utc, updated_utc",
            "@OrganisationId, @AssigneeUserId, @OfficialId, @CampaignId, @kind, @Due, @Instructions, 'open', @CreatedBy, 1, @now, @now"), new
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
            }, transaction, cancellationToken));
        var task = (await GetAsync(connection, transaction, id, cancellationToken))!;
        await audit.RecordAsync(connection, transaction, caller, "create", "task", id, task.OrganisationId, null, task, cancellationToken);
        var others = await coordination.OthersRecentlyAsync(connection, transaction, caller, task.OfficialId, task.OrganisationId, task.CampaignId,
            cancellationToken);
        return Outcome<OutreachTask>.Ok(task with { OthersRecently = others });
    }

    public async Task<Outcome<OutreachTask>> GetAsync(Caller caller, long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var task = await GetAsync(connection, null, id, cancellationToken);
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
        database.TransactAsync(async (connection, transaction) =>
        {
            var task = await GetAsync(connection, transaction, id, cancellationToken);
            if (task is null || !MaySee(caller, task))
            {
                return Outcome<OutreachTask>.NotFound();
            }

            if (ifMatchVersion is not null && ifMatchVersion != task.Version)
            {
                return Outcome<OutreachTask>.Stale(Messages.TaskStale.With(task.Version));
            }

            if (task.State != "open")
            {
                return Outcome<OutreachTask>.Conflict(Messages.TaskAlreadyClosed.With(task.State));
            }

            if ((input.OfficialId ?? task.OfficialId) != task.OfficialId || (input.OrganisationId ?? task.OrganisationId) != task.OrganisationId)
            {
                return Outcome<OutreachTask>.Invalid("officialId", Messages.TaskInteractionMismatch);
            }

            var logged = await interactions.LogAsync(connection, transaction, caller,
                input with { OfficialId = task.OfficialId, OrganisationId = task.OrganisationId, CampaignId = input.CampaignId ?? task.CampaignId },
                cancellationToken);
            if (!logged.IsOk)
            {
                return logged.As<OutreachTask>();
            }

            if (!close && RetryOutcomes.Contains(logged.Value!.Outcome))
            {
                return await RetryAsync(connection, transaction, caller, task, retryOn, cancellationToken);
            }

            return await CloseAsync(connection, transaction, caller, task, "done", logged.Value!.Id, cancellationToken);
        }, cancellationToken);

    /// <summary>Cancels an open task: for coordinators of its organisation and admins.</summary>
    public Task<Outcome<OutreachTask>> CancelAsync(Caller caller, long id, CancellationToken cancellationToken, int? ifMatchVersion = null) =>
        database.TransactAsync(async (connection, transaction) =>
        {
            var task = await GetAsync(connection, transaction, id, cancellationToken);
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

            return task.State == "open"
                ? await CloseAsync(connection, transaction, caller, task, "cancelled", null, cancellationToken)
                : Outcome<OutreachTask>.Conflict(Messages.TaskAlreadyClosed.With(task.State));
        }, cancellationToken);

    private static bool MaySee(Caller caller, OutreachTask task) =>
        caller.IsAdmin || task.AssigneeUserId == caller.UserId || caller.Coordinates(task.OrganisationId);

    private async Task<Outcome<OutreachTask>> RetryAsync(DbConnection connection, DbTransaction transaction, Caller caller, OutreachTask task,
        DateOnly? retryOn, CancellationToken cancellationToken)
    {
        var today = ParisTime.Today(time);
        var due = retryOn ?? ProposedRetry(today);
        if (due <= today || due > today.AddYears(1))
        {
            return Outcome<OutreachTask>.Invalid("retryOn", Messages.TaskRetryDateInvalid);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var changed = await connection.ExecuteAsync(database.Command("""
            UPDATE tasks SET attempts = attempts + 1, last_attempt_utc = @now, due_date = @due, updated_utc = @now, version = version + 1
            WHERE id = @Id AND state = 'open'
            """, new { now, due = IsoDate.Format(due), task.Id }, transaction, cancellationToken));
        if (changed == 0)
        {
            return Outcome<OutreachTask>.Conflict(Messages.TaskClosedConcurrently);
        }

        var retried = (await GetAsync(connection, transaction, task.Id, cancellationToken))!;
        await audit.RecordAsync(connection, transaction, caller, "retry", "task", task.Id, task.OrganisationId, task, retried, cancellationToken);
        return Outcome<OutreachTask>.Ok(retried);
    }

    internal static DateOnly ProposedRetry(DateOnly today) => FollowUps.WorkingDays.Add(today, RetryAfterWorkingDays, null);

    private async Task<Outcome<OutreachTask>> CloseAsync(DbConnection connection, DbTransaction transaction, Caller caller, OutreachTask task,
        string state, long? interactionId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var changed = await connection.ExecuteAsync(database.Command("""
            UPDATE tasks SET state = @state, interaction_id = @interactionId, closed_utc = @now, updated_utc = @now, version = version + 1
            WHERE id = @Id AND state = 'open' AND version = @Version
            """, new { state, interactionId, now, task.Id, task.Version }, transaction, cancellationToken));
        if (changed == 0)
        {
            return Outcome<OutreachTask>.Conflict(Messages.TaskClosedConcurrently);
        }

        var closed = (await GetAsync(connection, transaction, task.Id, cancellationToken))!;
        await audit.RecordAsync(connection, transaction, caller, state == "done" ? "complete" : "cancel", "task", task.Id, task.OrganisationId,
            task, closed, cancellationToken);
        return Outcome<OutreachTask>.Ok(closed);
    }

    private Task<OutreachTask?> GetAsync(DbConnection connection, DbTransaction? transaction, long id, CancellationToken cancellationToken) =>
        _queries.GetAsync(connection, transaction, id, cancellationToken);
}
