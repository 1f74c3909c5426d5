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
        return new Page<Campaign>(await WithOrganisationsAsync(connection, null, rows, cancellationToken), total);
    }

    public async Task<Campaign?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await GetAsync(connection, null, id, cancellationToken);
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

        return await database.TransactAsync(async (connection, transaction) =>
        {
            if (await database.RequireRowsAsync(connection, transaction, "organisations", fields.OrganisationIds ?? [], "organisationIds", errors, cancellationToken))
            {
                return Outcome<Campaign>.Invalid(errors);
            }

            var now = time.GetUtcNow().UtcDateTime;
            var stored = CampaignStatuses.Store(CampaignStatuses.Normalise(fields.Status)!, null, now);
            var id = await connection.ExecuteScalarAsync<long>(database.Command(database.Dialect.InsertReturningId("campaigns",
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
                }, transaction, cancellationToken));
            await ReplaceOrganisationsAsync(connection, transaction, id, fields.OrganisationIds ?? [], cancellationToken);
            var campaign = (await GetAsync(connection, transaction, id, cancellationToken))!;
            await audit.RecordAsync(connection, transaction, caller, "create", "campaign", id, null, null, campaign, cancellationToken);
            return Outcome<Campaign>.Ok(campaign);
        }, cancellationToken);
    }

    /// <summary>Changes the fields given (admins): title, goal, deadline, status, participating organisations, targeting. With
    /// <paramref name="ifMatchVersion"/> the caller's copy must still be current.</summary>
    public async Task<Outcome<Campaign>> UpdateAsync(Caller caller, long id, CampaignFields change, CancellationToken cancellationToken,
        int? ifMatchVersion = null) =>
        await database.TransactAsync(async (connection, transaction) =>
        {
            var current = await GetAsync(connection, transaction, id, cancellationToken);
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
            var stored = await connection.QuerySingleAsync<StoredStatus>(database.Command(
                "SELECT status, archived_utc FROM campaigns WHERE id = @id", new { id }, transaction, cancellationToken));
            var fields = new CampaignFields(change.Title ?? current.Title, change.Goal ?? current.Goal, change.Deadline ?? current.Deadline,
                change.Status ?? CampaignStatuses.Read(stored), change.OrganisationIds ?? current.OrganisationIds, change.Targeting ?? current.Targeting,
                change.FollowUpRule ?? current.FollowUpRule);
            var errors = Validate(fields);
            if (fields.FollowUpRule is { AfterWorkingDays: > 0, TemplateId: { } templateId } && await connection.ExecuteScalarAsync<long?>(database.Command(
                    "SELECT id FROM templates WHERE id = @templateId AND campaign_id = @id", new { templateId, id }, transaction, cancellationToken)) is null)
            {
                errors.Add("followUpRule.templateId", Messages.RuleTemplateNotOfCampaign, templateId);
            }

            if (errors.Any || await database.RequireRowsAsync(connection, transaction, "organisations", fields.OrganisationIds!, "organisationIds", errors, cancellationToken))
            {
                return Outcome<Campaign>.Invalid(errors);
            }

            var storing = CampaignStatuses.Store(CampaignStatuses.Normalise(fields.Status)!, stored, time.GetUtcNow().UtcDateTime);
            try
            {
                var written = await connection.ExecuteAsync(database.Command("""
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
                }, transaction, cancellationToken));
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

            await connection.ExecuteAsync(database.Command("DELETE FROM campaign_organisations WHERE campaign_id = @id", new { id }, transaction,
                cancellationToken));
            await ReplaceOrganisationsAsync(connection, transaction, id, fields.OrganisationIds!, cancellationToken);
            var updated = (await GetAsync(connection, transaction, id, cancellationToken))!;
            await audit.RecordAsync(connection, transaction, caller, "update", "campaign", id, null, current, updated, cancellationToken);
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


    private Task ReplaceOrganisationsAsync(DbConnection connection, DbTransaction transaction, long id, IReadOnlyList<long> organisations,
        CancellationToken cancellationToken) =>
        organisations.Count == 0
            ? Task.CompletedTask
            : connection.ExecuteAsync(database.Command("INSERT INTO campaign_organisations (campaign_id, organisation_id) VALUES (@id, @organisationId)",
                organisations.Distinct().Select(organisationId => new { id, organisationId }), transaction, cancellationToken));

    private string? Today => IsoDate.Format(ParisTime.Today(time));

    private async Task<Campaign?> GetAsync(DbConnection connection, DbTransaction? transaction, long id, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<Row>(database.Command($"""
            SELECT c.id, c.title, c.goal, c.deadline, {CampaignStatuses.Sql("c")} AS status, c.targeting_json, c.version, c.created_utc, c.updated_utc, c.followup_after_days,
                   c.followup_template_id
            FROM campaigns c WHERE c.id = @id
            """, new { id, today = Today }, transaction, cancellationToken));
        return row is null ? null : (await WithOrganisationsAsync(connection, transaction, [row], cancellationToken))[0];
    }

    private async Task<IReadOnlyList<Campaign>> WithOrganisationsAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<Row> rows,
        CancellationToken cancellationToken)
    {
        var ids = rows.Select(r => r.Id).ToArray();
        var links = ids.Length == 0
            ? []
            : (await connection.QueryAsync<(long CampaignId, long OrganisationId)>(database.Command(
                $"SELECT campaign_id, organisation_id FROM campaign_organisations WHERE {database.Dialect.InList("campaign_id", "ids")} ORDER BY organisation_id",
                new { ids }, transaction, cancellationToken))).ToList();
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
