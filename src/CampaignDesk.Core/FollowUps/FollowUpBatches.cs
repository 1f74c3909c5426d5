using CampaignDesk.Core.Audit;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Interactions;
using CampaignDesk.Core.Officials;
using CampaignDesk.Core.Organisations;
using CampaignDesk.Core.Users;
using Dapper;

namespace CampaignDesk.Core.FollowUps;

/// <summary>
/// The same follow-up for several officials at once. A dry run schedules every one of them in a transaction that is
/// rolled back, through the very code of the real run: its times are paced exactly as the outbox will pace them (one
/// message per official per window across the coalition), and nothing is written. The real run keeps them together as
/// a batch, which one request cancels. An official who cannot get it (no address, a placeholder without a value) is
/// reported and left out; the others are scheduled.
/// </summary>
public sealed class FollowUpBatches(Database database, FollowUpService followUps, Coordination coordination, OrganisationStore organisations,
    OrganisationOfficials officials, AuditLog audit, TimeProvider time)
{
    public const int MaxOfficials = 300;

    /// <summary>Every target of the campaign among the organisation's élus that nobody has contacted yet on it.</summary>
    public const string UncontactedTargets = "uncontacted_targets";

    public async Task<Outcome<FollowUpBatch>> ScheduleAsync(Caller caller, FollowUpBatchInput input, string? correlationId, CancellationToken cancellationToken)
    {
        var errors = new Errors();
        if (input.OrganisationId is not { } organisationId)
        {
            errors.Add("organisationId", Messages.BatchOrganisationRequired);
            return Outcome<FollowUpBatch>.Invalid(errors);
        }

        if (!caller.Coordinates(organisationId))
        {
            return Outcome<FollowUpBatch>.Forbidden(Messages.FollowUpScheduleForbidden);
        }

        var ids = await OfficialsAsync(input, organisationId, errors, cancellationToken);
        if (errors.Any)
        {
            return Outcome<FollowUpBatch>.Invalid(errors);
        }

        var dryRun = input.DryRun == true;
        var single = new FollowUpInput(null, organisationId, input.CampaignId, input.TemplateId, input.Subject, input.Body, input.NotBefore);
        return dryRun
            ? Outcome<FollowUpBatch>.Ok(await database.RehearseAsync((connection, transaction) => RunAsync(connection, transaction, null), cancellationToken))
            : await database.TransactAsync(async (connection, transaction) =>
            {
                var now = time.GetUtcNow().UtcDateTime;
                var batchId = await connection.ExecuteScalarAsync<long>(database.Command(database.Dialect.InsertReturningId("followup_batches",
                    "organisation_id, campaign_id, created_by_user_id, created_by, created_utc", "@organisationId, @CampaignId, @UserId, @By, @now"),
                    new { organisationId, input.CampaignId, caller.UserId, By = caller.DisplayName, now }, transaction, cancellationToken));
                var batch = await RunAsync(connection, transaction, batchId);
                if (batch.Scheduled == 0)
                {
                    return Outcome<FollowUpBatch>.Invalid(FirstErrors(batch));
                }

                await audit.RecordAsync(connection, transaction, caller, "create", "followup_batch", batchId, organisationId, null,
                    new { batch.Id, input.CampaignId, input.TemplateId, batch.Scheduled, batch.Refused }, cancellationToken);
                return Outcome<FollowUpBatch>.Ok(batch);
            }, cancellationToken);

        async Task<FollowUpBatch> RunAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, long? batchId)
        {
            var names = (await connection.QueryAsync<(long Id, string FirstName, string LastName)>(database.Command(
                $"SELECT id, first_name, last_name FROM officials WHERE {database.Dialect.InList("id", "ids")}", new { ids }, transaction,
                cancellationToken))).ToDictionary(o => o.Id, o => $"{o.FirstName} {o.LastName}");
            var items = new List<FollowUpBatchItem>();
            foreach (var officialId in ids)
            {
                var outcome = await followUps.ScheduleAsync(connection, transaction, caller, single with { OfficialId = officialId }, "manual", null,
                    cancellationToken, correlationId: correlationId);
                if (!outcome.IsOk)
                {
                    items.Add(new(officialId, names.GetValueOrDefault(officialId), null, [],
                        outcome.Errors ?? new Dictionary<string, Message[]> { ["officialId"] = [outcome.Detail ?? Messages.BatchItemRefused] }));
                    continue;
                }

                var followUp = outcome.Value!;
                if (batchId is { } id)
                {
                    await connection.ExecuteAsync(database.Command("UPDATE followups SET batch_id = @id WHERE id = @FollowUpId",
                        new { id, FollowUpId = followUp.Id }, transaction, cancellationToken));
                }

                var others = await coordination.OthersRecentlyAsync(connection, transaction, caller, officialId, organisationId, followUp.CampaignId,
                    cancellationToken);
                var reasons = followUp.Plan!.Concat(others.Take(3).Select(o => new PlanReason("others_recently",
                    $"Déjà contacté·e par {o.OrganisationName} le {FrenchDates.LongForm(DateOnly.FromDateTime(o.OccurredUtc))} : pensez à vous coordonner.")))
                    .ToList();
                items.Add(new(officialId, followUp.ToName, dryRun ? followUp with { Id = 0, BatchId = null, Plan = null }
                    : followUp with { BatchId = batchId, Plan = null }, reasons, null));
            }

            var scheduled = items.Count(i => i.FollowUp is not null);
            return new FollowUpBatch(batchId, dryRun, scheduled, items.Count - scheduled, items);
        }
    }

    /// <summary>Cancels what of a batch has not left yet; what is sent or being sent is counted, not changed.</summary>
    public Task<Outcome<BatchCancellation>> CancelAsync(Caller caller, long batchId, CancellationToken cancellationToken) =>
        database.TransactAsync(async (connection, transaction) =>
        {
            var organisationId = await connection.QuerySingleOrDefaultAsync<long?>(database.Command(
                "SELECT organisation_id FROM followup_batches WHERE id = @batchId", new { batchId }, transaction, cancellationToken));
            if (organisationId is not { } organisation || !caller.ActsFor(organisation))
            {
                return Outcome<BatchCancellation>.NotFound();
            }

            if (!caller.Coordinates(organisation))
            {
                return Outcome<BatchCancellation>.Forbidden(Messages.FollowUpCancelForbidden);
            }

            var now = time.GetUtcNow().UtcDateTime;
            var cancelled = await connection.ExecuteAsync(database.Command($"""
                UPDATE followups SET state = '{FollowUpStates.Cancelled}', cancelled_utc = @now, cancel_reason = @reason, updated_utc = @now
                WHERE batch_id = @batchId AND state = '{FollowUpStates.Scheduled}'
                """, new { batchId, now, reason = $"batch cancelled by {caller.DisplayName}" }, transaction, cancellationToken));
            var left = await connection.ExecuteScalarAsync<int>(database.Command(
                $"SELECT COUNT(*) FROM followups WHERE batch_id = @batchId AND state IN ('{FollowUpStates.Claimed}', '{FollowUpStates.Sent}')", new { batchId }, transaction, cancellationToken));
            var result = new BatchCancellation(batchId, cancelled, left);
            await audit.RecordAsync(connection, transaction, caller, "cancel", "followup_batch", batchId, organisation, null, result, cancellationToken);
            return Outcome<BatchCancellation>.Ok(result);
        }, cancellationToken);

    private async Task<long[]> OfficialsAsync(FollowUpBatchInput input, long organisationId, Errors errors, CancellationToken cancellationToken)
    {
        if (input.Selection is { } selection)
        {
            if (selection != UncontactedTargets)
            {
                errors.Add("selection", Messages.BatchSelectionInvalid, UncontactedTargets);
                return [];
            }

            if (input.CampaignId is null || await organisations.GetAsync(organisationId, cancellationToken) is not { } organisation)
            {
                errors.Add(input.CampaignId is null ? "campaignId" : "organisationId", Messages.BatchSelectionIncomplete);
                return [];
            }

            var relevant = await officials.ForAsync(organisation, input.CampaignId, cancellationToken);
            return [.. relevant.Where(o => o.Target == true && o.Outreach is { Contacted: false }).Select(o => o.OfficialId).Distinct().Take(MaxOfficials)];
        }

        var ids = input.OfficialIds?.Distinct().ToArray() ?? [];
        if (ids.Length is 0 or > MaxOfficials)
        {
            errors.Add("officialIds", Messages.BatchOfficialsCount, MaxOfficials);
        }

        return ids;
    }

    private static Errors FirstErrors(FollowUpBatch batch)
    {
        var errors = new Errors();
        foreach (var (field, messages) in batch.Items.Where(i => i.Errors is not null).Take(1).SelectMany(i => i.Errors!))
        {
            foreach (var message in messages)
            {
                errors.Add(field, message);
            }
        }

        if (!errors.Any)
        {
            errors.Add("officialIds", Messages.BatchNothingScheduled);
        }

        return errors;
    }
}

/// <summary>
/// The same follow-up (a template, or a subject and a body) for several officials (<see cref="OfficialIds"/>, or a
/// <see cref="Selection"/>), from one organisation; <see cref="DryRun"/> previews every message and time and writes nothing.
/// </summary>
public sealed record FollowUpBatchInput(long? OrganisationId, long? CampaignId, long? TemplateId, string? Subject, string? Body, DateTimeOffset? NotBefore,
    IReadOnlyList<long>? OfficialIds, string? Selection, bool? DryRun);

/// <summary>One official of a batch: the message as it leaves and why then, or why it cannot.</summary>
public sealed record FollowUpBatchItem(long OfficialId, string? OfficialName, FollowUp? FollowUp, IReadOnlyList<PlanReason> Reasons,
    IDictionary<string, Message[]>? Errors);

/// <param name="Id">The batch, to cancel it at once; null for a dry run.</param>
public sealed record FollowUpBatch(long? Id, bool DryRun, int Scheduled, int Refused, IReadOnlyList<FollowUpBatchItem> Items);

/// <param name="Left">Messages of the batch already sent or being sent, which nothing can stop.</param>
public sealed record BatchCancellation(long BatchId, int Cancelled, int Left);
