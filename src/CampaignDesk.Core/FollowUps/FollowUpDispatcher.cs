using System.Data.Common;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Interactions;
using CampaignDesk.Core.Mail;
using CampaignDesk.Core.Observability;
using CampaignDesk.Core.Users;
using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CampaignDesk.Core.FollowUps;

/// <summary>
/// Sends the due follow-ups, exactly once. A round claims due rows (a lease: state claimed, a token, an end time), sends
/// each through the transport under the row's idempotency key, and records the provider's id. A worker that dies
/// mid-send leaves claimed rows whose lease ends; the next claim sends them again under the same key, and the transport
/// answers "already sent" for those that had left (the Graph transport finds the message by the key in the mailbox).
/// Several workers may run at once: a row is claimed by one update that re-checks its state.
/// A follow-up that left is a contact: the row turns sent and its outbound e-mail interaction is logged through the outreach
/// log's own path in one transaction, so coverage, gaps, the timeline and the no-reply rule see it, once.
/// On shutdown (the job's token) a round starts no new send: the sends under way finish and are recorded, the claimed
/// rows not started go back to the outbox at once. A send still running near the host's shutdown timeout is abandoned
/// with its lease, as a crash would leave it.
/// </summary>
/// <param name="metrics">Counts sends and failures (null where a test builds the dispatcher by hand).</param>
public sealed class FollowUpDispatcher(Database database, InteractionService interactions, IMailTransport transport, IOptions<FollowUpOptions> options, IOptions<SendingWindow> window,
    TimeProvider time, ILogger<FollowUpDispatcher> logger, CampaignDeskMetrics? metrics = null, IOptions<HostOptions>? host = null)
{
    /// <summary>A claimed row goes back to the outbox, unless an answer came while it was claimed: then it is cancelled.</summary>
    private const string BackToScheduled = $"""
        state = CASE WHEN cancel_reason IS NULL THEN '{FollowUpStates.Scheduled}' ELSE '{FollowUpStates.Cancelled}' END,
        cancelled_utc = CASE WHEN cancel_reason IS NULL THEN NULL ELSE @now END
        """;

    /// <summary>Who logs the contact a sent follow-up makes (the audit trail's actor).</summary>
    private static readonly Caller Sender = Caller.System("envoi des relances");

    private FollowUpOptions.DispatchOptions Options => options.Value.Dispatch;

    /// <summary>One round: claims, sends, records. Returns how many were claimed (0: nothing was due).</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var token = Guid.NewGuid().ToString("N");
        var claimed = await ClaimAsync(token, cancellationToken);
        if (claimed.Count == 0)
        {
            return 0;
        }

        var started = new System.Collections.Concurrent.ConcurrentDictionary<long, bool>();
        // A send under way is not cut by the shutdown signal (cut, it may be accepted and not recorded): it gets most of the
        // host's shutdown timeout to finish, the rest being left to record it and hand the others back.
        using var sends = new CancellationTokenSource();
        var grace = (host?.Value ?? new HostOptions()).ShutdownTimeout * 0.75;
        await using var stopping = cancellationToken.Register(() => sends.CancelAfter(grace));
        try
        {
            await Parallel.ForEachAsync(claimed, new ParallelOptions { MaxDegreeOfParallelism = Options.Concurrency, CancellationToken = cancellationToken },
                async (row, ct) =>
                {
                    // The request that scheduled the row: everything logged about its send, here and in the transport, carries it.
                    using var scope = row.CorrelationId is null ? null : logger.BeginScope("CorrelationId:{CorrelationId}", row.CorrelationId);
                    await DispatchAsync(row, token, started, ct, sends.Token);
                });
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: hand back at once the rows whose send never started. One whose send was cut keeps its lease: the
            // provider may have accepted it, and the next worker must not look it up before the lease ends.
            var released = await ReleaseAsync(token, [.. started.Keys], CancellationToken.None);
            logger.LogInformation("Dispatch stopped by shutdown: {Finished} sends finished, {Released} claimed follow-ups handed back unstarted",
                started.Count, released);
            throw;
        }

        return claimed.Count;
    }

    /// <summary>Rounds until nothing is due (for a job run and for tests).</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        int claimed;
        while ((claimed = await RunOnceAsync(cancellationToken)) > 0)
        {
            total += claimed;
        }

        return total;
    }

    private async Task<IReadOnlyList<FollowUp>> ClaimAsync(string token, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var connection = await database.OpenAsync(cancellationToken);
        // A due row, or one whose claim lapsed; the outer condition re-checks it on the latest row version, so two
        // workers racing for a row cannot both take it. At most ClaimPerMailbox rows per mailbox per round.
        const string Claimable = $"((state = '{FollowUpStates.Scheduled}' AND due_utc <= @now) OR (state = '{FollowUpStates.Claimed}' AND lease_until_utc < @now))";
        // A row whose worker died on it again and again (it may be what kills the worker) stops being claimed.
        var abandoned = await connection.ExecuteAsync(database.Command($"""
            UPDATE followups SET state = '{FollowUpStates.Failed}', last_error = @error, claim_token = NULL, lease_until_utc = NULL, updated_utc = @now
            WHERE state = '{FollowUpStates.Claimed}' AND lease_until_utc < @now AND attempts >= @max
            """, new { now, max = Options.MaxAttempts, error = $"Given up after {Options.MaxAttempts} attempts whose worker stopped before the end." },
            cancellationToken: cancellationToken));
        if (abandoned > 0)
        {
            metrics?.SendsAbandoned(abandoned);
        }

        await connection.ExecuteAsync(database.Command($"""
            UPDATE followups SET state = '{FollowUpStates.Claimed}', claim_token = @token, lease_until_utc = @lease, attempts = attempts + 1, updated_utc = @now
            WHERE id IN (SELECT id FROM (SELECT id, due_utc, ROW_NUMBER() OVER (PARTITION BY from_mailbox ORDER BY due_utc, id) AS n
                                         FROM followups WHERE {Claimable}) due
                         WHERE n <= @perMailbox ORDER BY due_utc, id {database.Dialect.Paging})
              AND {Claimable}
            """, new { token, now, lease = now + Options.Lease, perMailbox = Options.ClaimPerMailbox, Skip = 0, Take = Options.ClaimPerRound },
            cancellationToken: cancellationToken));
        return (await connection.QueryAsync<FollowUp>(database.Command(
            $"""
            SELECT {FollowUpService.Columns}, f.idempotency_key, g.name AS from_name
            FROM followups f JOIN organisations g ON g.id = f.organisation_id
            WHERE f.claim_token = @token AND f.state = '{FollowUpStates.Claimed}' ORDER BY f.due_utc, f.id
            """,
            new { token }, cancellationToken: cancellationToken))).ToList();
    }

    private async Task DispatchAsync(FollowUp row, string token, System.Collections.Concurrent.ConcurrentDictionary<long, bool> started,
        CancellationToken cancellationToken, CancellationToken sendCancellation)
    {
        var now = time.GetUtcNow();
        if (!window.Value.IsOpen(now, row.DepartmentCode) || IsoDate.Format(SendingWindow.WindowKey(now)) != row.WindowDate)
        {
            // Its window passed while no worker ran (or it was claimed late): plan it again rather than send out of hours.
            await ReplanAsync(row, token, now, cancellationToken);
            return;
        }

        // The row may have waited its turn in this round: renew the lease, and give the row up if another worker took it.
        if (!await RenewAsync(row, token, cancellationToken))
        {
            return;
        }

        started[row.Id] = true;
        SentMail sent;
        try
        {
            sent = await transport.SendAsync(new OutgoingMail(row.IdempotencyKey, new MailAddress(row.FromMailbox, row.FromName), [new MailAddress(row.ToAddress, row.ToName)],
                row.Subject, row.Body, CorrelationId: row.CorrelationId), sendCancellation);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !sendCancellation.IsCancellationRequested)
        {
            await FailAsync(row, token, ex);
            return;
        }

        var recorded = await database.TransactAsync(async (connection, transaction) =>
        {
            var sentUtc = time.GetUtcNow().UtcDateTime;
            if (await connection.ExecuteAsync(database.Command($"""
                    UPDATE followups SET state = '{FollowUpStates.Sent}', provider_message_id = @ProviderMessageId, sent_utc = @sentUtc, claim_token = NULL,
                                         lease_until_utc = NULL, last_error = NULL, updated_utc = @sentUtc
                    WHERE id = @Id AND state = '{FollowUpStates.Claimed}' AND claim_token = @token
                    """, new { sent.ProviderMessageId, sentUtc, row.Id, token }, transaction, CancellationToken.None)) == 0)
            {
                return false; // another worker took the row after its lease ended, and records it
            }

            await LogContactAsync(connection, transaction, row, sentUtc);
            return true;
        }, CancellationToken.None);
        if (!recorded)
        {
            return;
        }

        metrics?.FollowUpSent();
        logger.LogInformation("Follow-up {FollowUpId} sent{Again}", row.Id, sent.AlreadySent ? " (found already sent)" : "");
    }

    /// <summary>
    /// Logs the e-mail that left as the organisation's outbound contact, in the transaction that records it sent. A contact the
    /// outreach log refuses (the organisation left the campaign since) does not undo the send: it is logged without the campaign.
    /// </summary>
    private async Task LogContactAsync(DbConnection connection, DbTransaction transaction, FollowUp row, DateTime sentUtc)
    {
        // A subject has at most TemplateService.MaxSubjectLength characters: the note stays far within an interaction's notes.
        var input = new InteractionInput(row.OrganisationId, row.OfficialId, row.CampaignId, "email", "outbound",
            new DateTimeOffset(sentUtc, TimeSpan.Zero), InteractionOutcomes.Sent, $"Relance envoyée par e-mail : « {row.Subject} »", false);
        var logged = await interactions.LogAsync(connection, transaction, Sender, input, CancellationToken.None);
        if (!logged.IsOk && row.CampaignId is not null)
        {
            logged = await interactions.LogAsync(connection, transaction, Sender, input with { CampaignId = null }, CancellationToken.None);
        }

        if (!logged.IsOk)
        {
            logger.LogWarning("Follow-up {FollowUpId} sent, but its contact was not logged ({Fields})", row.Id,
                string.Join(", ", logged.Errors?.Keys ?? [logged.Status.ToString()]));
            return;
        }

        await connection.ExecuteAsync(database.Command("UPDATE followups SET interaction_id = @InteractionId WHERE id = @Id",
            new { InteractionId = logged.Value!.Id, row.Id }, transaction, CancellationToken.None));
    }

    private async Task FailAsync(FollowUp row, string token, Exception error)
    {
        var permanent = error is ArgumentException or MailRejectedException;
        var final = permanent || (row.Attempts >= Options.MaxAttempts && error is not IRetryAfter);
        var retryAfter = error is IRetryAfter { RetryAfter: { } hint } ? hint
            : TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Max(0, row.Attempts - 1))));
        var now = time.GetUtcNow().UtcDateTime;
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(database.Command($"""
            UPDATE followups SET {(final ? $"state = '{FollowUpStates.Failed}'" : BackToScheduled)},
                                 due_utc = @due, last_error = @error, claim_token = NULL, lease_until_utc = NULL, updated_utc = @now
            WHERE id = @Id AND state = '{FollowUpStates.Claimed}' AND claim_token = @token
            """, new
        {
            due = final ? row.DueUtc : now + retryAfter,
            error = Describe(error),
            now,
            row.Id,
            token,
        }, cancellationToken: CancellationToken.None));
        metrics?.SendFailed(error, final);
        logger.Log(final ? LogLevel.Error : LogLevel.Warning, "Follow-up {FollowUpId} attempt {Attempt} failed ({Error}); {Next}", row.Id, row.Attempts,
            error.GetType().Name, final ? "marked failed" : $"retried in {retryAfter}");
    }

    private async Task ReplanAsync(FollowUp row, string token, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await database.TransactAsync(async (connection, transaction) =>
        {
            var (due, windowDate) = await FollowUpPlanner.PlanAsync(database, connection, transaction, window.Value, row.OfficialId, row.DepartmentCode,
                now, row.Id, cancellationToken);
            await connection.ExecuteAsync(database.Command($"""
                UPDATE followups SET {BackToScheduled}, due_utc = @Due, window_date = @windowDate, attempts = attempts - 1, claim_token = NULL,
                                     lease_until_utc = NULL, updated_utc = @now
                WHERE id = @Id AND state = '{FollowUpStates.Claimed}' AND claim_token = @token
                """, new { Due = due.UtcDateTime, windowDate, now = now.UtcDateTime, row.Id, token }, transaction, cancellationToken));
            return 0;
        }, cancellationToken);
    }

    private async Task<int> ReleaseAsync(string token, long[] started, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var parameters = new DynamicParameters(new { token, started, now = time.GetUtcNow().UtcDateTime });
        var notStarted = started.Length == 0 ? "" : $"AND NOT ({database.Dialect.InList("id", "started")})";
        return await connection.ExecuteAsync(database.Command($"""
            UPDATE followups SET {BackToScheduled}, attempts = attempts - 1, claim_token = NULL, lease_until_utc = NULL, updated_utc = @now
            WHERE claim_token = @token AND state = '{FollowUpStates.Claimed}' {notStarted}
            """, parameters, cancellationToken: cancellationToken));
    }

    private async Task<bool> RenewAsync(FollowUp row, string token, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(database.Command($"""
            UPDATE followups SET lease_until_utc = @lease, updated_utc = @now WHERE id = @Id AND state = '{FollowUpStates.Claimed}' AND claim_token = @token
            """, new { lease = now + Options.Lease, now, row.Id, token }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>The error's type and message, one line, without the message's content (which the transport never puts there).</summary>
    private static string Describe(Exception error)
    {
        var text = $"{error.GetType().Name}: {error.Message}".ReplaceLineEndings(" ");
        return text.Length <= 500 ? text : text[..500];
    }
}
