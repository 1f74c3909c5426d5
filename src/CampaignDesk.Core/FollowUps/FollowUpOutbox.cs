using System.Diagnostics.CodeAnalysis;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Users;
using Dapper;

namespace CampaignDesk.Core.FollowUps;

/// <summary>
/// The outbox: every transition of a follow-up between its states (<see cref="FollowUpState"/>), each a named operation
/// with its SQL, run in the caller's unit of work. Scheduling inserts a row; a worker claims due rows under a lease,
/// renews it when a send starts, and marks the row sent, failed (to retry, or given up), or hands it back (released,
/// replanned); a person, a batch or an answer cancels what has not left. A transition that re-checks the claim
/// (<c>claim_token</c>) changes nothing when another worker took the row over after its lease ended.
/// </summary>
public sealed class FollowUpOutbox(TimeProvider time)
{
    /// <summary>A claimed row goes back to the outbox, unless an answer came while it was claimed: then it is cancelled.</summary>
    private const string BackToScheduled = $"""
        state = CASE WHEN cancel_reason IS NULL THEN '{FollowUpStates.Scheduled}' ELSE '{FollowUpStates.Cancelled}' END,
        cancelled_utc = CASE WHEN cancel_reason IS NULL THEN NULL ELSE @now END
        """;

    /// <summary>The row is still this worker's: claimed under its token.</summary>
    private const string StillClaimed = $"id = @id AND state = '{FollowUpStates.Claimed}' AND claim_token = @token";

    /// <summary>A due row, or one whose claim lapsed.</summary>
    private const string Claimable =
        $"((state = '{FollowUpStates.Scheduled}' AND due_utc <= @now) OR (state = '{FollowUpStates.Claimed}' AND lease_until_utc < @now))";

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Schedules the rendered <paramref name="mail"/> for the window <paramref name="plan"/> chose; the new row's id.</summary>
    internal Task<long> ScheduleAsync(DbSession session, Caller caller, FollowUpInput input, RenderedMail mail, string? departmentCode,
        DateTimeOffset notBefore, FollowUpPlan plan, FollowUpOrigin origin) =>
        session.InsertAsync("followups", """
            campaign_id, organisation_id, official_id, template_id, from_mailbox, to_address, to_name, subject, body, department_code, not_before_utc,
            due_utc, window_date, state, idempotency_key, attempts, source, source_interaction_id, created_by_user_id, created_by, created_utc, updated_utc,
            correlation_id, batch_id
            """, $"""
            @CampaignId, @OrganisationId, @OfficialId, @TemplateId, @FromMailbox, @ToAddress, @ToName, @Subject, @Body, @departmentCode, @NotBefore,
            @Due, @WindowDate, '{FollowUpStates.Scheduled}', @Key, 0, @Source, @SourceInteractionId, @UserId, @By, @now, @now, @CorrelationId, @BatchId
            """, new
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
            departmentCode,
            NotBefore = notBefore.UtcDateTime,
            Due = plan.Due.UtcDateTime,
            plan.WindowDate,
            Key = Guid.NewGuid().ToString("N"),
            origin.Source,
            origin.SourceInteractionId,
            caller.UserId,
            By = caller.DisplayName,
            now = Now,
            origin.CorrelationId,
            origin.BatchId,
        });

    /// <summary>Opens a batch of follow-ups scheduled together (and cancelled together); its id.</summary>
    internal Task<long> OpenBatchAsync(DbSession session, Caller caller, long organisationId, long? campaignId) =>
        session.InsertAsync("followup_batches", "organisation_id, campaign_id, created_by_user_id, created_by, created_utc",
            "@organisationId, @campaignId, @UserId, @By, @now", new { organisationId, campaignId, caller.UserId, By = caller.DisplayName, now = Now });

    /// <summary>
    /// Gives up the rows whose worker died on them again and again (the row may be what kills the worker): a lapsed claim
    /// after <paramref name="maxAttempts"/> attempts turns failed instead of being claimed again. How many.
    /// </summary>
    internal Task<int> GiveUpLapsedAsync(DbSession session, int maxAttempts) => session.ExecuteAsync($"""
        UPDATE followups SET state = '{FollowUpStates.Failed}', last_error = @error, claim_token = NULL, lease_until_utc = NULL, updated_utc = @now
        WHERE state = '{FollowUpStates.Claimed}' AND lease_until_utc < @now AND attempts >= @maxAttempts
        """, new { now = Now, maxAttempts, error = $"Given up after {maxAttempts} attempts whose worker stopped before the end." });

    /// <summary>
    /// Claims the due rows (and those whose claim lapsed) under <paramref name="token"/> and a lease, at most
    /// <see cref="FollowUpOptions.DispatchOptions.ClaimPerMailbox"/> per mailbox and <see cref="FollowUpOptions.DispatchOptions.ClaimPerRound"/>
    /// in all, oldest due first; the rows claimed, with the sending organisation's name. The outer condition re-checks each
    /// row on its latest version, so two workers racing for a row cannot both take it.
    /// </summary>
    internal async Task<IReadOnlyList<FollowUp>> ClaimAsync(DbSession session, string token, FollowUpOptions.DispatchOptions dispatch)
    {
        var now = Now;
        await session.ExecuteAsync($"""
            UPDATE followups SET state = '{FollowUpStates.Claimed}', claim_token = @token, lease_until_utc = @lease, attempts = attempts + 1, updated_utc = @now
            WHERE id IN (SELECT id FROM (SELECT id, due_utc, ROW_NUMBER() OVER (PARTITION BY from_mailbox ORDER BY due_utc, id) AS n
                                         FROM followups WHERE {Claimable}) due
                         WHERE n <= @perMailbox ORDER BY due_utc, id {session.Dialect.Paging})
              AND {Claimable}
            """, new { token, now, lease = now + dispatch.Lease, perMailbox = dispatch.ClaimPerMailbox, Skip = 0, Take = dispatch.ClaimPerRound });
        return await session.QueryAsync<FollowUp>($"""
            SELECT {FollowUpQueries.Columns}, f.idempotency_key, g.name AS from_name
            FROM followups f JOIN organisations g ON g.id = f.organisation_id
            WHERE f.claim_token = @token AND f.state = '{FollowUpStates.Claimed}' ORDER BY f.due_utc, f.id
            """, new { token });
    }

    /// <summary>Extends the claim by <paramref name="lease"/> from now; false when the row is no longer this worker's.</summary>
    internal async Task<bool> RenewAsync(DbSession session, long id, string token, TimeSpan lease)
    {
        var now = Now;
        return await session.ExecuteAsync($"UPDATE followups SET lease_until_utc = @lease, updated_utc = @now WHERE {StillClaimed}",
            new { lease = now + lease, now, id, token }) == 1;
    }

    /// <summary>
    /// The message left under the provider's id: when it is recorded sent (now); null when another worker took the row over
    /// after its lease ended (that worker records it).
    /// </summary>
    internal async Task<DateTime?> MarkSentAsync(DbSession session, long id, string token, string? providerMessageId)
    {
        var sentUtc = Now;
        return await session.ExecuteAsync($"""
            UPDATE followups SET state = '{FollowUpStates.Sent}', provider_message_id = @providerMessageId, sent_utc = @sentUtc, claim_token = NULL,
                                 lease_until_utc = NULL, last_error = NULL, updated_utc = @sentUtc
            WHERE {StillClaimed}
            """, new { providerMessageId, sentUtc, id, token }) == 1 ? sentUtc : null;
    }

    /// <summary>Links a sent follow-up to the outbound contact logged for it.</summary>
    [SuppressMessage("Performance", "CA1822", Justification = "An operation of the outbox: its callers reach it through the injected instance.")]
    internal Task LinkContactAsync(DbSession session, long id, long interactionId) =>
        session.ExecuteAsync("UPDATE followups SET interaction_id = @interactionId WHERE id = @id", new { interactionId, id });

    /// <summary>
    /// A send failed with <paramref name="error"/>: the row goes back to the outbox, due at <paramref name="retryAtUtc"/>
    /// (cancelled instead if an answer came meanwhile), or, without one, is given up (failed).
    /// </summary>
    internal Task<int> FailAsync(DbSession session, long id, string token, string error, DateTime? retryAtUtc) => session.ExecuteAsync($"""
        UPDATE followups SET {(retryAtUtc is null ? $"state = '{FollowUpStates.Failed}'" : $"{BackToScheduled}, due_utc = @retryAtUtc")},
                             last_error = @error, claim_token = NULL, lease_until_utc = NULL, updated_utc = @now
        WHERE {StillClaimed}
        """, new { retryAtUtc, error, now = Now, id, token });

    /// <summary>
    /// The row's window passed before it could be sent: it goes back to the outbox for the window <paramref name="plan"/>
    /// chose, the claim not counted as an attempt.
    /// </summary>
    internal Task<int> ReplanAsync(DbSession session, long id, string token, FollowUpPlan plan) => session.ExecuteAsync($"""
        UPDATE followups SET {BackToScheduled}, due_utc = @Due, window_date = @WindowDate, attempts = attempts - 1, claim_token = NULL,
                             lease_until_utc = NULL, updated_utc = @now
        WHERE {StillClaimed}
        """, new { Due = plan.Due.UtcDateTime, plan.WindowDate, now = Now, id, token });

    /// <summary>
    /// Hands back the rows claimed under <paramref name="token"/> whose send never started (all but <paramref name="started"/>),
    /// the claim not counted as an attempt; how many.
    /// </summary>
    internal Task<int> ReleaseAsync(DbSession session, string token, long[] started)
    {
        var notStarted = started.Length == 0 ? "" : $"AND NOT ({session.Dialect.InList("id", "started")})";
        return session.ExecuteAsync($"""
            UPDATE followups SET {BackToScheduled}, attempts = attempts - 1, claim_token = NULL, lease_until_utc = NULL, updated_utc = @now
            WHERE claim_token = @token AND state = '{FollowUpStates.Claimed}' {notStarted}
            """, new DynamicParameters(new { token, started, now = Now }));
    }

    /// <summary>Cancels one scheduled follow-up; false when it is not scheduled (being sent, sent, failed, cancelled).</summary>
    internal async Task<bool> CancelAsync(DbSession session, long id, string reason) => await session.ExecuteAsync($"""
        UPDATE followups SET state = '{FollowUpStates.Cancelled}', cancelled_utc = @now, cancel_reason = @reason, updated_utc = @now
        WHERE id = @id AND state = '{FollowUpStates.Scheduled}'
        """, new { id, now = Now, reason }) == 1;

    /// <summary>Cancels what of a batch is still scheduled, and counts what of it already left or is leaving.</summary>
    internal async Task<BatchCancellation> CancelBatchAsync(DbSession session, long batchId, string reason)
    {
        var cancelled = await session.ExecuteAsync($"""
            UPDATE followups SET state = '{FollowUpStates.Cancelled}', cancelled_utc = @now, cancel_reason = @reason, updated_utc = @now
            WHERE batch_id = @batchId AND state = '{FollowUpStates.Scheduled}'
            """, new { batchId, now = Now, reason });
        var left = await session.ScalarAsync<int>(
            $"SELECT COUNT(*) FROM followups WHERE batch_id = @batchId AND state IN ('{FollowUpStates.Claimed}', '{FollowUpStates.Sent}')", new { batchId });
        return new BatchCancellation(batchId, cancelled, left);
    }

    /// <summary>
    /// An answer came (a reply, a position): the scheduled follow-ups to that official on that campaign are cancelled, and
    /// one being sent right now is marked so that it is cancelled rather than retried if this send fails.
    /// </summary>
    public async Task<int> CancelPendingAsync(DbSession session, long? campaignId, long officialId, string reason) =>
        campaignId is null ? 0 : await session.ExecuteAsync($"""
            UPDATE followups SET state = CASE WHEN state = '{FollowUpStates.Scheduled}' THEN '{FollowUpStates.Cancelled}' ELSE state END,
                                 cancelled_utc = CASE WHEN state = '{FollowUpStates.Scheduled}' THEN @nowUtc ELSE cancelled_utc END,
                                 cancel_reason = @reason, updated_utc = @nowUtc
            WHERE official_id = @officialId AND campaign_id = @campaignId AND state IN ('{FollowUpStates.Scheduled}', '{FollowUpStates.Claimed}')
            """, new { officialId, campaignId, reason, nowUtc = Now });
}

/// <summary>
/// Where a follow-up comes from: a person's request (<c>manual</c>, with the API request's correlation id) or a campaign's
/// rule (<c>rule</c>, with the contact it follows up), signed by <see cref="SenderName"/> when given, in a batch if any.
/// </summary>
internal sealed record FollowUpOrigin(string Source, long? SourceInteractionId = null, string? SenderName = null, string? CorrelationId = null,
    long? BatchId = null)
{
    public static FollowUpOrigin Manual(string? correlationId, long? batchId = null) => new("manual", CorrelationId: correlationId, BatchId: batchId);
}
