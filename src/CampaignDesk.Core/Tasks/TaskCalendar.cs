using CampaignDesk.Core.Calendar;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Users;
using Dapper;

namespace CampaignDesk.Core.Tasks;

/// <summary>
/// A user's tasks as an iCalendar feed, read by calendar clients at a secret address (a calendar token): open tasks
/// and those closed in the last 30 days, so a done or cancelled task updates in the calendar instead of lingering.
/// The scheduled follow-ups join the feed with the follow-ups feature. The same tasks give the same text, byte for byte
/// (every DTSTAMP is the feed's last change, not the time it was read), so the API can answer a calendar client 304.
/// </summary>
public sealed class TaskCalendar(Database database, AccessTokens tokens, Installation installation, TimeProvider time)
{
    private static readonly TimeSpan ClosedKept = TimeSpan.FromDays(30);

    /// <summary>The feed for this calendar secret, or null when it is unknown, revoked or its user disabled.</summary>
    public async Task<TaskFeed?> FeedAsync(string secret, CancellationToken cancellationToken)
    {
        var check = await tokens.CheckAsync(secret, AccessTokens.Calendar, cancellationToken);
        if (check.Status != TokenStatus.Valid)
        {
            return null;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(database.Command($"""
            SELECT t.id, t.kind, t.due_date, t.instructions, t.state, t.updated_utc, o.first_name, o.last_name, g.name AS organisation_name
            FROM tasks t JOIN officials o ON o.id = t.official_id JOIN organisations g ON g.id = t.organisation_id
            WHERE t.assignee_user_id = @UserId AND (t.state = '{TaskStates.Open}' OR t.closed_utc >= @Since)
            ORDER BY t.due_date, t.id
            """, new { check.Caller!.UserId, Since = time.GetUtcNow().UtcDateTime - ClosedKept }, cancellationToken: cancellationToken));
        // A UID is global (RFC 5545 §3.8.4.7): the installation's id keeps two installations' task 12 apart in one calendar.
        var domain = $"{await installation.GetIdAsync(cancellationToken)}.campaigndesk";
        var events = rows.Select(r => new CalendarEvent(
            $"task-{r.Id}@{domain}",
            (r.State == TaskStates.Done ? "✔ " : "") + $"{Kinds.GetValueOrDefault(r.Kind, r.Kind)} {r.FirstName} {r.LastName}",
            new DateTimeOffset(r.UpdatedUtc, TimeSpan.Zero),
            Date: DateOnly.ParseExact(r.DueDate, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Description: $"Pour {r.OrganisationName}." + (string.IsNullOrWhiteSpace(r.Instructions) ? "" : $"\nConsignes : {r.Instructions}"),
            Cancelled: r.State == TaskStates.Cancelled)).ToList();
        DateTimeOffset? lastModified = events.Count == 0 ? null : events.Max(e => e.LastModified);
        return new TaskFeed(ICalendarWriter.Write("CampaignDesk — mes tâches", events, lastModified ?? time.GetUtcNow()), lastModified);
    }

    /// <summary>The iCalendar text, and when its newest task last changed (null for an empty feed).</summary>
    public sealed record TaskFeed(string Text, DateTimeOffset? LastModified);

    private static readonly Dictionary<string, string> Kinds = new()
    {
        ["call"] = "Appeler",
        ["email"] = "Écrire à",
        ["letter"] = "Courrier à",
        ["meeting"] = "Rendez-vous avec",
        ["visit"] = "Visite à",
    };

    private sealed class Row
    {
        public long Id { get; init; }
        public string Kind { get; init; } = "";
        public string DueDate { get; init; } = "";
        public string? Instructions { get; init; }
        public string State { get; init; } = "";
        public DateTime UpdatedUtc { get; init; }
        public string FirstName { get; init; } = "";
        public string LastName { get; init; } = "";
        public string OrganisationName { get; init; } = "";
    }
}
