using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Users;
using Dapper;

namespace CampaignDesk.Core.Tasks;

/// <summary>Who in an organisation has what to do: for its coordinators (and admins), each member's open, overdue and recently done tasks.</summary>
public sealed class TeamBoard(Database database, TimeProvider time)
{
    public async Task<Outcome<IReadOnlyList<TeamMember>>> ForAsync(Caller caller, long organisationId, CancellationToken cancellationToken)
    {
        if (!caller.ActsFor(organisationId))
        {
            return Outcome<IReadOnlyList<TeamMember>>.NotFound();
        }

        if (!caller.Coordinates(organisationId))
        {
            return Outcome<IReadOnlyList<TeamMember>>.Forbidden(Messages.TeamBoardForbidden);
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        if (await connection.ExecuteScalarAsync<long>(database.Command("SELECT COUNT(*) FROM organisations WHERE id = @organisationId",
                new { organisationId }, cancellationToken: cancellationToken)) == 0)
        {
            return Outcome<IReadOnlyList<TeamMember>>.NotFound();
        }

        var today = ParisTime.Today(time);
        var members = await connection.QueryAsync<TeamMember>(database.Command($"""
            SELECT u.id AS user_id, u.display_name, u.role,
                   SUM(CASE WHEN t.state = '{TaskStates.Open}' THEN 1 ELSE 0 END) AS open_tasks,
                   SUM(CASE WHEN t.state = '{TaskStates.Open}' AND t.due_date < @today THEN 1 ELSE 0 END) AS overdue_tasks,
                   SUM(CASE WHEN t.state = '{TaskStates.Done}' AND t.closed_utc >= @since THEN 1 ELSE 0 END) AS done_recently
            FROM users u JOIN user_organisations m ON m.user_id = u.id
            LEFT JOIN tasks t ON t.assignee_user_id = u.id AND t.organisation_id = m.organisation_id
            WHERE m.organisation_id = @organisationId AND u.disabled_utc IS NULL AND u.role IN ('volunteer', 'coordinator')
            GROUP BY u.id, u.display_name, u.role
            ORDER BY u.display_name, u.id
            """, new { organisationId, today = IsoDate.Format(today), since = time.GetUtcNow().UtcDateTime.AddDays(-30) },
            cancellationToken: cancellationToken));
        return Outcome<IReadOnlyList<TeamMember>>.Ok(members.ToList());
    }
}

/// <summary>A member of the organisation and their tasks there: open, overdue (open past their date), done in the last 30 days.</summary>
public sealed record TeamMember
{
    public long UserId { get; init; }
    public string DisplayName { get; init; } = "";
    public string Role { get; init; } = "";
    public long OpenTasks { get; init; }
    public long OverdueTasks { get; init; }
    public long DoneRecently { get; init; }
}
