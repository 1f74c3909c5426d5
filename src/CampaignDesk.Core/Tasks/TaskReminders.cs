using System.Data.Common;
using System.Globalization;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Mail;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace CampaignDesk.Core.Tasks;

public sealed class TaskReminderOptions
{
    public const string SectionName = "Tasks:Reminders";

    public bool Enabled { get; set; } = true;

    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A task due within this many days (today included) gets a "due soon" reminder.</summary>
    public int DueSoonDays { get; set; } = 1;
}

/// <summary>
/// E-mails each assignee once when a task is due soon and once when it is overdue, through the mail transport.
/// A reminder is claimed (its row inserted with a lease), handed to the transport, then marked sent, each step in its own
/// short write, so a slow mail server never holds the writer. A send that throws releases the claim for the next run; a
/// claim left unmarked by a crash is taken again once its lease is over and re-sent under the same idempotency key, which
/// the transport recognises — so a reminder goes out once, whichever worker runs it.
/// </summary>
public sealed class TaskReminders(Database database, IMailTransport mail, IOptions<MailOptions> mailOptions, IOptions<TaskReminderOptions> options,
    TimeProvider time, ILogger<TaskReminders> logger, IOptions<WebOptions>? web = null)
{
    public const string DueSoon = "due_soon";
    public const string Overdue = "overdue";

    /// <summary>How long a claim keeps other workers off a reminder whose send has not been marked.</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(10);

    private const int Batch = 200;

    /// <summary>Sends the reminders due now; how many were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var today = ParisTime.Today(time);
        var sent = 0;
        foreach (var (kind, from, to) in new[] { (Overdue, DateOnly.MinValue, today.AddDays(-1)), (DueSoon, today, today.AddDays(options.Value.DueSoonDays)) })
        {
            foreach (var reminder in await PendingAsync(kind, from, to, cancellationToken))
            {
                sent += await SendAsync(reminder, kind, cancellationToken) ? 1 : 0;
            }
        }

        return sent;
    }

    private async Task<IReadOnlyList<Reminder>> PendingAsync(string kind, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<Reminder>(database.Command($"""
            SELECT t.id AS task_id, t.kind AS task_kind, t.due_date, t.instructions, u.email, u.display_name,
                   o.first_name AS official_first_name, o.last_name AS official_last_name, g.name AS organisation_name
            FROM tasks t
            JOIN users u ON u.id = t.assignee_user_id
            JOIN officials o ON o.id = t.official_id
            JOIN organisations g ON g.id = t.organisation_id
            WHERE t.state = '{TaskStates.Open}' AND u.disabled_utc IS NULL AND t.due_date >= @From AND t.due_date <= @To
              AND NOT EXISTS (SELECT 1 FROM task_reminders r WHERE r.task_id = t.id AND r.kind = @kind
                              AND (r.sent_utc IS NOT NULL OR r.claimed_utc > @StaleBefore))
            ORDER BY t.due_date, t.id {database.Dialect.Paging}
            """, new { From = IsoDate.Format(from), To = IsoDate.Format(to), kind, StaleBefore = StaleBefore(), Skip = 0, Take = Batch },
            cancellationToken: cancellationToken))).ToList();
    }

    private async Task<bool> SendAsync(Reminder reminder, string kind, CancellationToken cancellationToken)
    {
        var claimed = time.GetUtcNow().UtcDateTime;
        if (!await ClaimAsync(reminder.TaskId, kind, claimed, cancellationToken))
        {
            return false; // Another worker holds it, or sent it.
        }

        var from = mailOptions.Value;
        try
        {
            await mail.SendAsync(new OutgoingMail($"task-{reminder.TaskId}-{kind}", new MailAddress(from.From, from.FromName),
                [new MailAddress(reminder.Email, reminder.DisplayName)], Subject(reminder, kind), Body(reminder, kind, TaskLink(web?.Value ?? new WebOptions(), reminder.TaskId))), cancellationToken);
        }
        catch
        {
            // Not handed over: the next run may try again. Released without the caller's token, which may be what ended the send.
            await ReleaseAsync(reminder.TaskId, kind, claimed);
            throw;
        }

        await database.WriteAsync(session => session.ExecuteAsync("UPDATE task_reminders SET sent_utc = @now WHERE task_id = @TaskId AND kind = @kind",
            new { now = time.GetUtcNow().UtcDateTime, reminder.TaskId, kind }), CancellationToken.None);
        logger.LogInformation("Reminder {Kind} sent for task {TaskId}", kind, reminder.TaskId);
        return true;
    }

    /// <summary>Takes the reminder: a new row, or a claim whose lease ran out without a send being marked.</summary>
    private Task<bool> ClaimAsync(long taskId, string kind, DateTime now, CancellationToken cancellationToken) =>
        database.WriteAsync(async session =>
        {
            var taken = await session.ExecuteAsync(
                "UPDATE task_reminders SET claimed_utc = @now WHERE task_id = @taskId AND kind = @kind AND sent_utc IS NULL AND claimed_utc <= @StaleBefore",
                new { now, taskId, kind, StaleBefore = StaleBefore() });
            if (taken == 1)
            {
                return true;
            }

            try
            {
                await session.ExecuteAsync("INSERT INTO task_reminders (task_id, kind, claimed_utc) VALUES (@taskId, @kind, @now)",
                    new { taskId, kind, now });
                return true;
            }
            catch (DbException ex) when (database.Dialect.IsUniqueViolation(ex))
            {
                return false;
            }
        }, commitWhen: taken => taken, cancellationToken);

    private Task<int> ReleaseAsync(long taskId, string kind, DateTime claimed) =>
        database.WriteAsync(session => session.ExecuteAsync(
            "DELETE FROM task_reminders WHERE task_id = @taskId AND kind = @kind AND sent_utc IS NULL AND claimed_utc = @claimed",
            new { taskId, kind, claimed }), CancellationToken.None);

    private DateTime StaleBefore() => time.GetUtcNow().UtcDateTime - ClaimLease;

    /// <summary>The task on the volunteers' page, as an absolute address a mail client opens.</summary>
    internal static string TaskLink(WebOptions web, long taskId) => web.Link($"/app/taches.html#tache-{taskId.ToString(CultureInfo.InvariantCulture)}");

    private static string What(Reminder r) => r.TaskKind switch
    {
        "call" => "Appeler",
        "email" => "Écrire un e-mail à",
        "letter" => "Envoyer un courrier à",
        "meeting" => "Rencontrer",
        _ => "Rendre visite à",
    } + $" {r.OfficialFirstName} {r.OfficialLastName}";

    internal static string Subject(Reminder r, string kind) => kind == Overdue
        ? $"Tâche en retard : {What(r)}"
        : $"Rappel : {What(r)} avant le {Due(r)}";

    internal static string Body(Reminder r, string kind, string link) => $"""
        Bonjour {r.DisplayName},

        {(kind == Overdue ? $"Cette tâche devait être faite le {Due(r)} et n'est pas encore notée comme faite :" : $"Cette tâche est à faire d'ici le {Due(r)} :")}

        {What(r)} (pour {r.OrganisationName})
        {(string.IsNullOrWhiteSpace(r.Instructions) ? "" : $"\nConsignes : {r.Instructions}\n")}
        Quand c'est fait, notez ce qui s'est passé dans CampaignDesk : la tâche se fermera d'elle-même.
        Ouvrir la tâche : {link}

        — CampaignDesk
        """;

    // « samedi 1er novembre »: written out by FrenchDates, never by a culture's "d MMMM" (which reads « 1 novembre »).
    private static string Due(Reminder r) => FrenchDates.WeekdayDayMonth(IsoDate.Parse(r.DueDate)!.Value);

    internal sealed class Reminder
    {
        public long TaskId { get; init; }
        public string TaskKind { get; init; } = "";
        public string DueDate { get; init; } = "";
        public string? Instructions { get; init; }
        public string Email { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public string OfficialFirstName { get; init; } = "";
        public string OfficialLastName { get; init; } = "";
        public string OrganisationName { get; init; } = "";
    }
}

/// <summary>Runs <see cref="TaskReminders"/> on its interval (Tasks:Reminders).</summary>
[DisallowConcurrentExecution]
public sealed class TaskReminderJob(TaskReminders reminders) : IJob
{
    public static readonly JobKey Key = new("task-reminders", "campaigndesk");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await reminders.SendDueAsync(cancellationToken);
}
