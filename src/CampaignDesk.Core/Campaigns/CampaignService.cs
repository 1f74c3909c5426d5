using System.Data.Common;
using CampaignDesk.Core.Audit;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Users;
using Dapper;

namespace CampaignDesk.Core.Campaigns;

/// <summary>Campaigns as the coalition's lead creates them; every signed-in user reads them (they are shared data).</summary>
public sealed class CampaignService(Database database, AuditLog audit, TimeProvider time)
{
    public async Task<Page<Campaign>> SearchAsync(string? status, PageRequest paging, CancellationToken cancellationToken)
    {
        var filter = status is null ? "" : $"WHERE {CampaignStatuses.Sql("c")} = @status";
        status = status is null ? null : CampaignStatuses.Normalise(status) ?? status;
        var today = Today;
        await using var connection = await database.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(database.Command($"SELECT COUNT(*) FROM campaigns c {filter}", new { status, today },
            cancellationToken: cancellationToken));
        var rows = (await connection.QueryAsync<Row>(database.Command($"""
            SELECT c.id, c.title, c.goal, c.deadline, {CampaignStatuses.Sql("c")} AS status, c.targeting_json, c.version, c.created_utc, c.updated_utc, c.followup_after_days,
                   c.followup_template_id
            FROM campaigns c {filter} ORDER BY c.id DESC {database.Dialect.Paging}
            """, new { status, today, paging.Skip, paging.Take }, cancellationToken: cancellationToken))).ToList();
        return new Page<Campaign>(await WithOrganisationsAsync(new DbSession(database, connection, null, cancellationToken), rows), total);
    }

    public async Task<Campaign?> GetAsync(long id, CancellationToken cancellationToken)
    {
        return await database.ReadAsync(session => GetAsync(session, id), cancellationToken);
    }

    public async Task<Outcome<Campaign>> CreateAsync(Caller caller, CampaignFields input, CancellationToken cancellationToken)
    {
        if (!caller.IsAdmin)
        {
            return Outcome<Campaign>.Forbidden(Messages.CampaignsCreatedByAdmins);
        }

        var fields = input with { Status = input.Status ?? CampaignStatuses.Active, Targeting = input.Targeting ?? CampaignTargeting.Default };
        var errors = Validate(fields);
        if (errors.Any)
        {
            return Outcome<Campaign>.Invalid(errors);
        }

        return await database.WriteAsync(async session =>
        {
            if (await session.RequireRowsAsync("organisations", fields.OrganisationIds ?? [], "organisationIds", errors))
            {
                return Outcome<Campaign>.Invalid(errors);
            }

            var now = time.GetUtcNow().UtcDateTime;
            var stored = CampaignStatuses.Store(CampaignStatuses.Normalise(fields.Status)!, null, now);
            var id = await session.ScalarAsync<long>(database.Dialect.InsertReturningId("campaigns",
                "title, goal, deadline, status, archived_utc, targeting_json, version, created_utc, updated_utc",
                "@Title, @Goal, @Deadline, @Status, @ArchivedUtc, @Targeting, 1, @now, @now"),
                new
                {
                    Title = fields.Title!.Trim(),
                    fields.Goal,
                    Deadline = IsoDate.Format(fields.Deadline),
                    stored.Status,
                    stored.ArchivedUtc,
                    Targeting = fields.Targeting!.ToJson(),
                    now
                });
            await ReplaceOrganisationsAsync(session, id, fields.OrganisationIds ?? []);
            var campaign = (await GetAsync(session, id))!;
            await audit.RecordAsync(session, caller, "create", "campaign", id, null, null, campaign);
            return Outcome<Campaign>.Ok(campaign);
        }, cancellationToken);
    }

    /// <summary>Changes the fields given (admins): title, goal, deadline, status, participating organisations, targeting. With
    /// <paramref name="ifMatchVersion"/> the caller's copy must still be current.</summary>
    public async Task<Outcome<Campaign>> UpdateAsync(Caller caller, long id, CampaignFields change, CancellationToken cancellationToken,
        int? ifMatchVersion = null) =>
        await database.WriteAsync(async session =>
        {
            var current = await GetAsync(session, id);
            if (current is null)
            {
                return Outcome<Campaign>.NotFound();
            }

            if (!caller.IsAdmin)
            {
                return Outcome<Campaign>.Forbidden(Messages.CampaignsChangedByAdmins);
            }

            if (ifMatchVersion is not null && ifMatchVersion != current.Version)
            {
                return Outcome<Campaign>.Stale(Messages.CampaignStale.With(current.Version));
            }

            // Unless changed, the status stays as stored: an active campaign past its deadline reads as ended, and is active
            // again when its deadline moves later.
            var stored = (await session.SingleOrDefaultAsync<StoredStatus>("SELECT status, archived_utc FROM campaigns WHERE id = @id", new { id }))!;
            var fields = new CampaignFields(change.Title ?? current.Title, change.Goal ?? current.Goal, change.Deadline ?? current.Deadline,
                change.Status ?? CampaignStatuses.Read(stored), change.OrganisationIds ?? current.OrganisationIds, change.Targeting ?? current.Targeting,
                change.FollowUpRule ?? current.FollowUpRule);
            var errors = Validate(fields);
            if (fields.FollowUpRule is { AfterWorkingDays: > 0, TemplateId: { } templateId } && await session.ScalarAsync<long?>(
                    "SELECT id FROM templates WHERE id = @templateId AND campaign_id = @id", new { templateId, id }) is null)
            {
                errors.Add("followUpRule.templateId", Messages.RuleTemplateNotOfCampaign, templateId);
            }

            if (errors.Any || await session.RequireRowsAsync("organisations", fields.OrganisationIds!, "organisationIds", errors))
            {
                return Outcome<Campaign>.Invalid(errors);
            }

            var storing = CampaignStatuses.Store(CampaignStatuses.Normalise(fields.Status)!, stored, time.GetUtcNow().UtcDateTime);
            try
            {
                var written = await session.ExecuteAsync("""
                    UPDATE campaigns SET title = @Title, goal = @Goal, deadline = @Deadline, status = @Status, archived_utc = @ArchivedUtc,
                        targeting_json = @Targeting,
                        followup_after_days = @AfterDays, followup_template_id = @TemplateId, version = version + 1, updated_utc = @now
                    WHERE id = @id AND version = @Version
                    """, new
                {
                    Title = fields.Title!.Trim(),
                    fields.Goal,
                    Deadline = IsoDate.Format(fields.Deadline),
                    storing.Status,
                    storing.ArchivedUtc,
                    Targeting = fields.Targeting!.ToJson(),
                    AfterDays = fields.FollowUpRule is { AfterWorkingDays: > 0 } rule ? rule.AfterWorkingDays : (int?)null,
                    TemplateId = fields.FollowUpRule is { AfterWorkingDays: > 0 } on ? on.TemplateId : null,
                    now = time.GetUtcNow().UtcDateTime,
                    id,
                    current.Version,
                });
                if (written == 0)
                {
                    // Another process changed it between the read above and this write: never overwrite what it wrote.
                    return Outcome<Campaign>.Stale(Messages.CampaignStale.With(current.Version + 1));
                }
            }
            catch (DbException ex) when (database.Dialect.IsUniqueViolation(ex))
            {
                return Outcome<Campaign>.Conflict(Messages.CampaignTitleTaken.With(fields.Title!.Trim()));
            }

            await session.ExecuteAsync("DELETE FROM campaign_organisations WHERE campaign_id = @id", new { id });
            await ReplaceOrganisationsAsync(session, id, fields.OrganisationIds!);
            var updated = (await GetAsync(session, id))!;
            await audit.RecordAsync(session, caller, "update", "campaign", id, null, current, updated);
            return Outcome<Campaign>.Ok(updated);
        }, cancellationToken);

    private static Errors Validate(CampaignFields fields)
    {
        var errors = new Errors();
        var title = fields.Title?.Trim();
        if (title is not { Length: > 0 and <= 200 } || title.Any(char.IsControl))
        {
            errors.Add("title", Messages.CampaignTitleInvalid);
        }

        if (fields.Goal is { Length: > 4000 })
        {
            errors.Add("goal", Messages.CampaignGoalTooLong);
        }

        if (CampaignStatuses.Normalise(fields.Status) is null)
        {
            errors.Add("status", Messages.CampaignStatusInvalid, CampaignStatuses.All);
        }

        if (fields.OrganisationIds is { Count: > 1000 })
        {
            errors.Add("organisationIds", Messages.ParticipantsTooMany);
        }

        fields.Targeting?.Validate(errors);
        if (fields.FollowUpRule is { } followUp && (followUp.AfterWorkingDays is < 0 or > 60 || (followUp.AfterWorkingDays > 0 && followUp.TemplateId is null)))
        {
            errors.Add("followUpRule", Messages.FollowUpRuleInvalid);
        }

        return errors;
    }


    private static Task ReplaceOrganisationsAsync(DbSession session, long id, IReadOnlyList<long> organisations) =>
        organisations.Count == 0
            ? Task.CompletedTask
            : session.ExecuteAsync("INSERT INTO campaign_organisations (campaign_id, organisation_id) VALUES (@id, @organisationId)",
                organisations.Distinct().Select(organisationId => new { id, organisationId }));

    private string? Today => IsoDate.Format(ParisTime.Today(time));

    private async Task<Campaign?> GetAsync(DbSession session, long id)
    {
        var row = await session.SingleOrDefaultAsync<Row>($"""
            SELECT c.id, c.title, c.goal, c.deadline, {CampaignStatuses.Sql("c")} AS status, c.targeting_json, c.version, c.created_utc, c.updated_utc, c.followup_after_days,
                   c.followup_template_id
            FROM campaigns c WHERE c.id = @id
            """, new { id, today = Today });
        return row is null ? null : (await WithOrganisationsAsync(session, [row]))[0];
    }

    private static async Task<IReadOnlyList<Campaign>> WithOrganisationsAsync(DbSession session, IReadOnlyList<Row> rows)
    {
        var ids = rows.Select(r => r.Id).ToArray();
        var links = ids.Length == 0
            ? []
            : await session.QueryAsync<(long CampaignId, long OrganisationId)>(
                $"SELECT campaign_id, organisation_id FROM campaign_organisations WHERE {session.Dialect.InList("campaign_id", "ids")} ORDER BY organisation_id",
                new { ids });
        var organisations = links.ToLookup(l => l.CampaignId, l => l.OrganisationId);
        return rows.Select(r => new Campaign(r.Id, r.Title, r.Goal, IsoDate.Parse(r.Deadline), r.Status, organisations[r.Id].ToList(),
            CampaignTargeting.FromJson(r.TargetingJson) ?? CampaignTargeting.Default, r.Version, r.CreatedUtc, r.UpdatedUtc,
            r.FollowupAfterDays is { } days ? new FollowUpRule(days, r.FollowupTemplateId) : null)).ToList();
    }

    private sealed class Row
    {
        public long Id { get; init; }
        public string Title { get; init; } = "";
        public string? Goal { get; init; }
        public string? Deadline { get; init; }
        public string Status { get; init; } = "";
        public string? TargetingJson { get; init; }
        public int Version { get; init; }
        public DateTime CreatedUtc { get; init; }
        public DateTime UpdatedUtc { get; init; }
        public int? FollowupAfterDays { get; init; }
        public long? FollowupTemplateId { get; init; }
    }
}
