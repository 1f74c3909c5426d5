using System.Data.Common;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Users;
using Dapper;

namespace CampaignDesk.Core.Tasks;

/// <summary>The tasks' reads and their SQL: one task, or a page of those a caller may see (<see cref="TaskService"/> keeps the rules and writes).</summary>
internal sealed class TaskQueries(Database database, TimeProvider time)
{
    private const string Columns = """
        t.id, t.organisation_id, t.assignee_user_id, t.official_id, t.campaign_id, t.kind, t.due_date, t.instructions, t.state,
        t.interaction_id, t.created_by_user_id, t.version, t.created_utc, t.updated_utc, t.closed_utc, t.attempts, t.last_attempt_utc,
        o.first_name AS official_first_name, o.last_name AS official_last_name, g.name AS organisation_name, u.display_name AS assignee_name
        """;

    /// <summary>A task with the names a list shows (its official's, its organisation's).</summary>
    private const string Tasks =
        "tasks t JOIN officials o ON o.id = t.official_id JOIN organisations g ON g.id = t.organisation_id JOIN users u ON u.id = t.assignee_user_id";

    /// <summary>Due date first; the tasks the caller may see among those asked for.</summary>
    internal async Task<Page<OutreachTask>> SearchAsync(Caller caller, TaskQuery query, CancellationToken cancellationToken)
    {
        var where = new List<string>();
        if (query.AssigneeUserId is not null)
        {
            where.Add("t.assignee_user_id = @AssigneeUserId");
        }

        if (query.OrganisationId is not null)
        {
            where.Add("t.organisation_id = @OrganisationId");
        }

        where.Add(query.State switch
        {
            TaskStates.Open => $"t.state = '{TaskStates.Open}'",
            TaskStates.Overdue => $"t.state = '{TaskStates.Open}' AND t.due_date < @Today",
            TaskStates.Done => $"t.state = '{TaskStates.Done}'",
            TaskStates.Cancelled => $"t.state = '{TaskStates.Cancelled}'",
            _ => "1 = 1",
        });

        var coordinated = caller.OrganisationIds.Where(caller.Coordinates).ToArray();
        if (!caller.IsAdmin)
        {
            where.Add(coordinated.Length == 0
                ? "t.assignee_user_id = @Me"
                : $"(t.assignee_user_id = @Me OR {database.Dialect.InList("t.organisation_id", "Coordinated")})");
        }

        var parameters = new
        {
            query.AssigneeUserId,
            query.OrganisationId,
            Today = IsoDate.Format(ParisTime.Today(time)),
            Me = caller.UserId ?? -1,
            Coordinated = coordinated,
            query.Paging.Skip,
            query.Paging.Take,
        };
        var filter = "WHERE " + string.Join(" AND ", where);
        await using var connection = await database.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(database.Command($"SELECT COUNT(*) FROM tasks t {filter}", parameters,
            cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<TaskRow>(database.Command(
            $"SELECT {Columns} FROM {Tasks} {filter} ORDER BY t.due_date, t.id {database.Dialect.Paging}", parameters,
            cancellationToken: cancellationToken));
        var today = ParisTime.Today(time);
        return new Page<OutreachTask>(rows.Select(r => r.ToTask(today)).ToList(), total);
    }

    internal async Task<OutreachTask?> GetAsync(DbSession session, long id) =>
        (await session.SingleOrDefaultAsync<TaskRow>($"SELECT {Columns} FROM {Tasks} WHERE t.id = @id", new { id }))?.ToTask(ParisTime.Today(time));
}
