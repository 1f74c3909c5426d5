using System.Data.Common;
using CampaignDesk.Core.Audit;
using CampaignDesk.Core.Campaigns;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Users;
using Dapper;
using Microsoft.Extensions.Options;

namespace CampaignDesk.Core.FollowUps;

/// <summary>
/// Scheduling and cancelling follow-ups. A coordinator of the organisation (or an admin) schedules one; the members of
/// the organisation see its follow-ups; to everyone else they do not exist (404). The message is rendered and its
/// sending window chosen when it is scheduled, so an error shows then, never in a sent mail.
/// </summary>
public sealed class FollowUpService(Database database, AuditLog audit, CampaignRules rules, IOptions<SendingWindow> window, TimeProvider time)
{
    internal const string Columns = """
        f.id, f.campaign_id, f.organisation_id, f.official_id, f.template_id, f.from_mailbox, f.to_address, f.to_name, f.subject, f.body,
        f.not_before_utc, f.due_utc, f.window_date, f.state, f.attempts, f.last_error, f.provider_message_id, f.sent_utc, f.cancelled_utc,
        f.cancel_reason, f.source, f.source_interaction_id, f.created_by, f.created_utc, f.department_code, f.correlation_id, f.interaction_id, f.batch_id
        """;

    public Task<Outcome<FollowUp>> ScheduleAsync(Caller caller, FollowUpInput input, CancellationToken cancellationToken) =>
        ScheduleAsync(caller, input, null, cancellationToken);

    /// <summary>
    /// Schedules a follow-up; <paramref name="correlationId"/> (the API request's) is kept on the row, so the worker's logs
    /// and the provider's request for this message carry it.
    /// </summary>
    public async Task<Outcome<FollowUp>> ScheduleAsync(Caller caller, FollowUpInput input, string? correlationId, CancellationToken cancellationToken)
    {
        if (input.OrganisationId is { } organisation && !caller.Coordinates(organisation))
        {
            return Outcome<FollowUp>.Forbidden(Messages.FollowUpScheduleForbidden);
        }

        return await database.TransactAsync((connection, transaction) =>
            ScheduleAsync(connection, transaction, caller, input, "manual", null, cancellationToken, correlationId: correlationId), cancellationToken);
    }

    internal async Task<Outcome<FollowUp>> ScheduleAsync(DbConnection connection, DbTransaction transaction, Caller caller, FollowUpInput input,
        string source, long? sourceInteractionId, CancellationToken cancellationToken, string? senderName = null, string? correlationId = null)
    {
        var errors = new Errors();
        var now = time.GetUtcNow();
        var notBefore = input.NotBefore is { } given && given > now ? given : now;
        if (notBefore > now.AddYears(1))
        {
            errors.Add("notBefore", Messages.NotBeforeInvalid);
        }

        var (subject, body) = (input.Subject, input.Body);
        if (input.TemplateId is { } templateId)
        {
            var template = await connection.QuerySingleOrDefaultAsync<(long Id, long CampaignId, string Subject, string Body)>(database.Command(
                "SELECT id, campaign_id, subject, body FROM templates WHERE id = @templateId", new { templateId }, transaction, cancellationToken));
            if (template.Id == 0)
            {
                errors.Add("templateId", Messages.NoTemplate, templateId);
            }
            else if (input.CampaignId is { } campaign && campaign != template.CampaignId)
            {
                errors.Add("templateId", Messages.TemplateOfOtherCampaign, templateId, template.CampaignId);
            }
            else
            {
                (subject, body) = (subject ?? template.Subject, body ?? template.Body);
                input = input with { CampaignId = template.CampaignId };
            }
        }
        else if (string.IsNullOrWhiteSpace(subject) || string.IsNullOrWhiteSpace(body))
        {
            errors.Add("templateId", Messages.TemplateOrText);
        }

        if (subject is { Length: > TemplateService.MaxSubjectLength })
        {
            errors.Add("subject", Messages.SubjectTooLong, TemplateService.MaxSubjectLength);
        }

        if (body is { Length: > TemplateService.MaxBodyLength })
        {
            errors.Add("body", Messages.BodyTooLong, TemplateService.MaxBodyLength);
        }

        await database.RequireRowAsync(connection, transaction, "campaigns", input.CampaignId, "campaignId", errors, cancellationToken);
        if (!errors.Any)
        {
            await rules.RequireParticipantAsync(new DbSession(database, connection, transaction, cancellationToken), input.CampaignId, input.OrganisationId, errors);
            await rules.RequireRunningAsync(new DbSession(database, connection, transaction, cancellationToken), input.CampaignId, errors);
        }

        var recipient = errors.Any ? null : await TemplateService.LoadRecipientAsync(database, connection, transaction, senderName ?? caller.DisplayName,
            input.OfficialId, input.OrganisationId, input.CampaignId, errors, cancellationToken);
        var mail = recipient is null || errors.Any ? null : recipient.Render(subject!, body!, errors);
        if (mail is null || errors.Any)
        {
            return Outcome<FollowUp>.Invalid(errors);
        }

        var plan = await FollowUpPlanner.PlanAsync(database, connection, transaction, window.Value, input.OfficialId!.Value,
            recipient!.DepartmentCode, notBefore, null, cancellationToken);
        var (due, windowDate) = plan;
        var id = await connection.ExecuteScalarAsync<long>(database.Command(database.Dialect.InsertReturningId("followups", """
            campaign_id, organisation_id, official_id, template_id, from_mailbox, to_address, to_name, subject, body, department_code, not_before_utc,
            due_utc, window_date, state, idempotency_key, attempts, source, source_interaction_id, created_by_user_id, created_by, created_utc, updated_utc, correlation_id
            """, $"""
            @CampaignId, @OrganisationId, @OfficialId, @TemplateId, @FromMailbox, @ToAddress, @ToName, @Subject, @Body, @DepartmentCode, @NotBefore,
            @Due, @windowDate, '{FollowUpStates.Scheduled}', @Key, 0, @source, @sourceInteractionId, @UserId, @By, @Now, @Now, @correlationId
            """), new
        {
            input.CampaignId,
            input.OrganisationId,
            input.OfficialId,
            input.TemplateId,
            mail.FromMailbox,
            mail.ToAddress,
            mail.ToName,
            mail.Subject,
            mail.Body,
            recipient.DepartmentCode,
            NotBefore = notBefore.UtcDateTime,
            Due = due.UtcDateTime,
            windowDate,
            Key = Guid.NewGuid().ToString("N"),
            source,
            sourceInteractionId,
            caller.UserId,
            By = caller.DisplayName,
            Now = now.UtcDateTime,
            correlationId,
        }, transaction, cancellationToken));
        var followUp = (await GetAsync(connection, transaction, id, cancellationToken))!;
        await audit.RecordAsync(connection, transaction, caller, "create", "followup", id, followUp.OrganisationId, null, Summary(followUp), cancellationToken);
        var reasons = notBefore > now
            ? [new PlanReason("not_before", $"Pas avant le {FollowUpPlanner.Day(SendingWindow.WindowKey(notBefore))}, comme demandé."), .. plan.Reasons]
            : plan.Reasons;
        return Outcome<FollowUp>.Ok(followUp with { Plan = reasons });
    }

    public async Task<Page<FollowUp>> SearchAsync(Caller caller, FollowUpQuery query, CancellationToken cancellationToken)
    {
        var visible = caller.OrganisationIds.Where(caller.ActsFor).ToArray();
        var filters = new List<string>();
        var parameters = new DynamicParameters(new
        {
            query.State,
            query.OrganisationId,
            query.CampaignId,
            query.OfficialId,
            query.BatchId,
            query.Paging.Skip,
            query.Paging.Take,
            visible
        });
        if (!caller.IsAdmin)
        {
            filters.Add(visible.Length == 0 ? "1 = 0" : database.Dialect.InList("f.organisation_id", "visible"));
        }

        foreach (var (value, filter) in new (object?, string)[]
        {
            (query.State, "f.state = @State"), (query.OrganisationId, "f.organisation_id = @OrganisationId"),
            (query.CampaignId, "f.campaign_id = @CampaignId"), (query.OfficialId, "f.official_id = @OfficialId"),
            (query.BatchId, "f.batch_id = @BatchId"),
        })
        {
            if (value is not null)
            {
                filters.Add(filter);
            }
        }

        var where = filters.Count == 0 ? "" : "WHERE " + string.Join(" AND ", filters);
        await using var connection = await database.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(database.Command($"SELECT COUNT(*) FROM followups f {where}", parameters,
            cancellationToken: cancellationToken));
        var items = await connection.QueryAsync<FollowUp>(database.Command(
            $"SELECT {Columns} FROM followups f {where} ORDER BY f.due_utc DESC, f.id DESC {database.Dialect.Paging}", parameters,
            cancellationToken: cancellationToken));
        return new Page<FollowUp>(items.ToList(), total);
    }

    public async Task<Outcome<FollowUp>> GetAsync(Caller caller, long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var followUp = await GetAsync(connection, null, id, cancellationToken);
        return followUp is not null && caller.ActsFor(followUp.OrganisationId) ? Outcome<FollowUp>.Ok(followUp) : Outcome<FollowUp>.NotFound();
    }

    /// <summary>Cancels a scheduled follow-up. One being sent right now (claimed) cannot be stopped: 409.</summary>
    public Task<Outcome<FollowUp>> CancelAsync(Caller caller, long id, CancellationToken cancellationToken) =>
        database.TransactAsync(async (connection, transaction) =>
        {
            var current = await GetAsync(connection, transaction, id, cancellationToken);
            if (current is null || !caller.ActsFor(current.OrganisationId))
            {
                return Outcome<FollowUp>.NotFound();
            }

            if (!caller.Coordinates(current.OrganisationId))
            {
                return Outcome<FollowUp>.Forbidden(Messages.FollowUpCancelForbidden);
            }

            var cancelled = await connection.ExecuteAsync(database.Command($"""
                UPDATE followups SET state = '{FollowUpStates.Cancelled}', cancelled_utc = @now, cancel_reason = @reason, updated_utc = @now
                WHERE id = @id AND state = '{FollowUpStates.Scheduled}'
                """, new { id, now = time.GetUtcNow().UtcDateTime, reason = $"cancelled by {caller.DisplayName}" }, transaction, cancellationToken));
            if (cancelled == 0)
            {
                return Outcome<FollowUp>.Conflict(Messages.FollowUpNotCancellable.With(current.State));
            }

            var after = (await GetAsync(connection, transaction, id, cancellationToken))!;
            await audit.RecordAsync(connection, transaction, caller, "cancel", "followup", id, after.OrganisationId, Summary(current), Summary(after),
                cancellationToken);
            return Outcome<FollowUp>.Ok(after);
        }, cancellationToken);

    internal async Task<FollowUp?> GetAsync(DbConnection connection, DbTransaction? transaction, long id, CancellationToken cancellationToken) =>
        await connection.QuerySingleOrDefaultAsync<FollowUp>(database.Command($"SELECT {Columns} FROM followups f WHERE f.id = @id", new { id },
            transaction, cancellationToken));

    /// <summary>The audit keeps the follow-up's facts, not the message's text nor the address.</summary>
    private static object Summary(FollowUp f) => new { f.Id, f.CampaignId, f.OrganisationId, f.OfficialId, f.TemplateId, f.State, f.DueUtc, f.Source };
}
