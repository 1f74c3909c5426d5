using CampaignDesk.Core.Audit;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Interactions;
using CampaignDesk.Core.Officials;
using CampaignDesk.Core.Organisations;
using CampaignDesk.Core.Users;

namespace CampaignDesk.Core.FollowUps;

/// <summary>
/// The same follow-up for several officials at once. A dry run schedules every one of them in a transaction that is
/// rolled back, through the very code of the real run: its times are paced exactly as the outbox will pace them (one
/// message per official per window across the coalition), and nothing is written. The real run keeps them together as
/// a batch, which one request cancels. An official who cannot get it (no address, a placeholder without a value) is
/// reported and left out; the others are scheduled.
/// </summary>
public sealed class FollowUpBatches(Database database, FollowUpService followUps, FollowUpOutbox outbox, Coordination coordination,
    OrganisationStore organisations, OrganisationOfficials officials, AuditLog audit)
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
            ? Outcome<FollowUpBatch>.Ok(await database.RehearseAsync(session => RunAsync(session, null), cancellationToken))
            : await database.WriteAsync(async session =>
            {
                var batchId = await outbox.OpenBatchAsync(session, caller, organisationId, input.CampaignId);
                var batch = await RunAsync(session, batchId);
                if (batch.Scheduled == 0)
                {
                    return Outcome<FollowUpBatch>.Invalid(FirstErrors(batch));
                }

                await audit.RecordAsync(session, caller, "create", "followup_batch", batchId, organisationId, null,
                    new { batch.Id, input.CampaignId, input.TemplateId, batch.Scheduled, batch.Refused });
                return Outcome<FollowUpBatch>.Ok(batch);
            }, cancellationToken);

        async Task<FollowUpBatch> RunAsync(DbSession session, long? batchId)
        {
            var names = await FollowUpQueries.OfficialNamesAsync(session, ids);
            var items = new List<FollowUpBatchItem>();
            foreach (var officialId in ids)
            {
                var outcome = await followUps.ScheduleAsync(session, caller, single with { OfficialId = officialId },
                    FollowUpOrigin.Manual(correlationId, batchId));
                if (!outcome.IsOk)
                {
                    items.Add(new(officialId, names.GetValueOrDefault(officialId), null, [],
                        outcome.Errors ?? new Dictionary<string, Message[]> { ["officialId"] = [outcome.Detail ?? Messages.BatchItemRefused] }));
                    continue;
                }

                var followUp = outcome.Value!;
                // Coordination belongs to the outreach log, which takes a connection and its transaction until it takes a session.
                var others = await coordination.OthersRecentlyAsync(session, caller, officialId, organisationId,
                    followUp.CampaignId);
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
        database.WriteAsync(async session =>
        {
            if (await FollowUpQueries.BatchOrganisationAsync(session, batchId) is not { } organisation || !caller.ActsFor(organisation))
            {
                return Outcome<BatchCancellation>.NotFound();
            }

            if (!caller.Coordinates(organisation))
            {
                return Outcome<BatchCancellation>.Forbidden(Messages.FollowUpCancelForbidden);
            }

            var result = await outbox.CancelBatchAsync(session, batchId, $"batch cancelled by {caller.DisplayName}");
            await audit.RecordAsync(session, caller, "cancel", "followup_batch", batchId, organisation, null, result);
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
