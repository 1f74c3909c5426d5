using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Users;
using Microsoft.Extensions.Logging;

namespace CampaignDesk.Core.FollowUps;

/// <summary>
/// The campaigns' automatic follow-up: for an organisation's latest outbound contact with an official on an active
/// campaign whose rule is on, when the official has not answered on the campaign at all (no inbound contact, no reply,
/// no position) after N working days (in the official's département's calendar), schedules the rule's template from the
/// organisation's mailbox — once per contact (a unique index on the source interaction), never beside a live one. The
/// contact a rule's follow-up made when it left is never followed up in turn: one automatic reminder, not a chain.
/// </summary>
public sealed class FollowUpRules(Database database, FollowUpService followUps, TimeProvider time, ILogger<FollowUpRules> logger)
{
    private const int Batch = 500;
    private static readonly Caller Rule = Caller.System("relance automatique");

    /// <summary>Schedules what is due; how many were scheduled.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var today = ParisTime.Today(time);
        var candidates = await database.ReadAsync(session => session.QueryAsync<Candidate>($"""
            SELECT i.id AS interaction_id, i.organisation_id, g.name AS organisation_name, i.official_id, i.campaign_id, i.occurred_utc,
                   c.followup_after_days AS after_days,
                   c.followup_template_id AS template_id,
                   (SELECT MIN(m.department_code) FROM mandates m WHERE m.official_id = i.official_id AND m.end_date IS NULL) AS department_code
            FROM interactions i
            JOIN campaigns c ON c.id = i.campaign_id AND c.status = 'active' AND (c.deadline IS NULL OR c.deadline >= @today) AND c.followup_after_days IS NOT NULL AND c.followup_template_id IS NOT NULL
            JOIN campaign_progress p ON p.campaign_id = i.campaign_id AND p.official_id = i.official_id AND p.replied = 0 AND p.stance IS NULL
            JOIN organisations g ON g.id = i.organisation_id AND g.mailbox IS NOT NULL
            WHERE i.direction = 'outbound' AND i.occurred_utc >= @since
              AND (EXISTS (SELECT 1 FROM contact_points e WHERE e.official_id = i.official_id AND e.kind = 'email' AND e.retired_utc IS NULL)
                OR EXISTS (SELECT 1 FROM mandates m JOIN commune_contacts e ON e.commune_insee = m.commune_insee
                           WHERE m.official_id = i.official_id AND m.role = 'maire' AND m.end_date IS NULL
                             AND e.kind = 'email' AND e.retired_utc IS NULL))
              AND NOT EXISTS (SELECT 1 FROM interactions later WHERE later.campaign_id = i.campaign_id AND later.official_id = i.official_id
                                AND later.organisation_id = i.organisation_id AND later.direction = 'outbound'
                                AND (later.occurred_utc > i.occurred_utc OR (later.occurred_utc = i.occurred_utc AND later.id > i.id)))
              AND NOT EXISTS (SELECT 1 FROM followups f WHERE f.source_interaction_id = i.id)
              AND NOT EXISTS (SELECT 1 FROM followups f WHERE f.interaction_id = i.id AND f.source = 'rule')
              AND NOT EXISTS (SELECT 1 FROM followups f WHERE f.official_id = i.official_id AND f.campaign_id = i.campaign_id
                                AND f.organisation_id = i.organisation_id AND f.state IN ('{FollowUpStates.Scheduled}', '{FollowUpStates.Claimed}'))
            ORDER BY i.occurred_utc, i.id {database.Dialect.Paging}
            """, new { since = time.GetUtcNow().UtcDateTime.AddDays(-120), today = IsoDate.Format(today), Skip = 0, Take = Batch }), cancellationToken);

        var scheduled = 0;
        foreach (var candidate in candidates)
        {
            var contacted = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(candidate.OccurredUtc, ParisTime.Zone));
            if (WorkingDays.Add(contacted, candidate.AfterDays, candidate.DepartmentCode) > today)
            {
                continue;
            }

            Common.Outcome<FollowUp> outcome;
            try
            {
                // Signed by the organisation: the rule writes on its behalf.
                outcome = await database.WriteAsync(session => followUps.ScheduleAsync(session, Rule,
                    new FollowUpInput(candidate.OfficialId, candidate.OrganisationId, candidate.CampaignId, candidate.TemplateId, null, null, null),
                    new FollowUpOrigin("rule", candidate.InteractionId, SenderName: candidate.OrganisationName)), cancellationToken);
            }
            catch (System.Data.Common.DbException ex) when (database.Dialect.IsUniqueViolation(ex))
            {
                continue; // another worker scheduled it a moment ago
            }

            if (outcome.IsOk)
            {
                scheduled++;
            }
            else
            {
                // No address, no mailbox, a placeholder without a value: the contact waits until the data is fixed.
                logger.LogInformation("No automatic follow-up for interaction {InteractionId}: {Fields}", candidate.InteractionId,
                    string.Join(", ", outcome.Errors?.Keys ?? []));
            }
        }

        return scheduled;
    }

    private sealed class Candidate
    {
        public long InteractionId { get; init; }
        public long OrganisationId { get; init; }
        public string OrganisationName { get; init; } = "";
        public long OfficialId { get; init; }
        public long CampaignId { get; init; }
        public DateTime OccurredUtc { get; init; }
        public int AfterDays { get; init; }
        public long TemplateId { get; init; }
        public string? DepartmentCode { get; init; }
    }
}
