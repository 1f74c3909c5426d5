using CampaignDesk.Core.Audit;
using CampaignDesk.Core.Campaigns;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Users;
using Microsoft.Extensions.Options;

namespace CampaignDesk.Core.FollowUps;

/// <summary>
/// Scheduling and cancelling follow-ups. A coordinator of the organisation (or an admin) schedules one; the members of
/// the organisation see its follow-ups; to everyone else they do not exist (404). The message is rendered and its
/// sending window chosen when it is scheduled, so an error shows then, never in a sent mail.
/// </summary>
public sealed class FollowUpService(Database database, AuditLog audit, CampaignRules rules, FollowUpOutbox outbox, IOptions<SendingWindow> window,
    TimeProvider time)
{
    private readonly FollowUpQueries _queries = new(database);

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

        return await database.WriteAsync(session => ScheduleAsync(session, caller, input, FollowUpOrigin.Manual(correlationId)), cancellationToken);
    }

    /// <summary>
    /// Checks, renders and plans the follow-up, and puts it in the outbox, in the caller's unit of work (a batch's, a rule's);
    /// the answer carries why it leaves when it does.
    /// </summary>
    internal async Task<Outcome<FollowUp>> ScheduleAsync(DbSession session, Caller caller, FollowUpInput input, FollowUpOrigin origin)
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
            var template = await FollowUpQueries.TemplateAsync(session, templateId);
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

        await session.RequireRowAsync("campaigns", input.CampaignId, "campaignId", errors);
        if (!errors.Any)
        {
            await rules.RequireParticipantAsync(session, input.CampaignId, input.OrganisationId, errors);
            await rules.RequireRunningAsync(session, input.CampaignId, errors);
        }

        var recipient = errors.Any ? null : await TemplateService.LoadRecipientAsync(session, origin.SenderName ?? caller.DisplayName,
            input.OfficialId, input.OrganisationId, input.CampaignId, errors);
        var mail = recipient is null || errors.Any ? null : recipient.Render(subject!, body!, errors);
        if (mail is null || errors.Any)
        {
            return Outcome<FollowUp>.Invalid(errors);
        }

        var plan = await FollowUpPlanner.PlanAsync(session, window.Value, input.OfficialId!.Value, recipient!.DepartmentCode, notBefore, null);
        var id = await outbox.ScheduleAsync(session, caller, input, mail, recipient.DepartmentCode, notBefore, plan, origin);
        var followUp = (await FollowUpQueries.GetAsync(session, id))!;
        await audit.RecordAsync(session, caller, "create", "followup", id, followUp.OrganisationId, null, Summary(followUp));
        var reasons = notBefore > now
            ? [new PlanReason("not_before", $"Pas avant le {FollowUpPlanner.Day(SendingWindow.WindowKey(notBefore))}, comme demandé."), .. plan.Reasons]
            : plan.Reasons;
        return Outcome<FollowUp>.Ok(followUp with { Plan = reasons });
    }

    public Task<Page<FollowUp>> SearchAsync(Caller caller, FollowUpQuery query, CancellationToken cancellationToken) =>
        _queries.SearchAsync(caller, query, cancellationToken);

    public async Task<Outcome<FollowUp>> GetAsync(Caller caller, long id, CancellationToken cancellationToken)
    {
        var followUp = await database.ReadAsync(session => FollowUpQueries.GetAsync(session, id), cancellationToken);
        return followUp is not null && caller.ActsFor(followUp.OrganisationId) ? Outcome<FollowUp>.Ok(followUp) : Outcome<FollowUp>.NotFound();
    }

    /// <summary>Cancels a scheduled follow-up. One being sent right now (claimed) cannot be stopped: 409.</summary>
    public Task<Outcome<FollowUp>> CancelAsync(Caller caller, long id, CancellationToken cancellationToken) =>
        database.WriteAsync(async session =>
        {
            var current = await FollowUpQueries.GetAsync(session, id);
            if (current is null || !caller.ActsFor(current.OrganisationId))
            {
                return Outcome<FollowUp>.NotFound();
            }

            if (!caller.Coordinates(current.OrganisationId))
            {
                return Outcome<FollowUp>.Forbidden(Messages.FollowUpCancelForbidden);
            }

            if (!await outbox.CancelAsync(session, id, $"cancelled by {caller.DisplayName}"))
            {
                return Outcome<FollowUp>.Conflict(Messages.FollowUpNotCancellable.With(current.State));
            }

            var after = (await FollowUpQueries.GetAsync(session, id))!;
            await audit.RecordAsync(session, caller, "cancel", "followup", id, after.OrganisationId, Summary(current), Summary(after));
            return Outcome<FollowUp>.Ok(after);
        }, cancellationToken);

    /// <summary>The audit keeps the follow-up's facts, not the message's text nor the address.</summary>
    private static object Summary(FollowUp f) => new { f.Id, f.CampaignId, f.OrganisationId, f.OfficialId, f.TemplateId, f.State, f.DueUtc, f.Source };
}
