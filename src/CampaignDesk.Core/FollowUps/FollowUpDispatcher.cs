using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Interactions;
using CampaignDesk.Core.Mail;
using CampaignDesk.Core.Observability;
using CampaignDesk.Core.Users;
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
public sealed class FollowUpDispatcher(Database database, FollowUpOutbox outbox, InteractionService interactions, IMailTransport transport,
    IOptions<FollowUpOptions> options, IOptions<SendingWindow> window, TimeProvider time, ILogger<FollowUpDispatcher> logger, CampaignDeskMetrics? metrics = null,
    IOptions<HostOptions>? host = null)
{
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

    /// <summary>Gives up the rows that keep killing their worker, then claims what is due, in one short write.</summary>
    private async Task<IReadOnlyList<FollowUp>> ClaimAsync(string token, CancellationToken cancellationToken)
    {
        var (abandoned, claimed) = await database.WriteAsync(async session =>
            (await outbox.GiveUpLapsedAsync(session, Options.MaxAttempts), await outbox.ClaimAsync(session, token, Options)), cancellationToken);
        if (abandoned > 0)
        {
            metrics?.SendsAbandoned(abandoned);
        }

        return claimed;
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

        // Recorded whatever the shutdown signal says: the message left.
        var recorded = await database.WriteAsync(async session =>
        {
            if (await outbox.MarkSentAsync(session, row.Id, token, sent.ProviderMessageId) is not { } sentUtc)
            {
                return false; // another worker took the row after its lease ended, and records it
            }

            await LogContactAsync(session, row, sentUtc);
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
    private async Task LogContactAsync(DbSession session, FollowUp row, DateTime sentUtc)
    {
        // A subject has at most TemplateService.MaxSubjectLength characters: the note stays far within an interaction's notes.
        var input = new InteractionInput(row.OrganisationId, row.OfficialId, row.CampaignId, "email", "outbound",
            new DateTimeOffset(sentUtc, TimeSpan.Zero), InteractionOutcomes.Sent, $"Relance envoyée par e-mail : « {row.Subject} »", false);
        // The outreach log takes a connection and its transaction until it takes a session.
        var logged = await interactions.LogAsync(session, Sender, input);
        if (!logged.IsOk && row.CampaignId is not null)
        {
            logged = await interactions.LogAsync(session, Sender, input with { CampaignId = null });
        }

        if (!logged.IsOk)
        {
            logger.LogWarning("Follow-up {FollowUpId} sent, but its contact was not logged ({Fields})", row.Id,
                string.Join(", ", logged.Errors?.Keys ?? [logged.Status.ToString()]));
            return;
        }

        await outbox.LinkContactAsync(session, row.Id, logged.Value!.Id);
    }

    private async Task FailAsync(FollowUp row, string token, Exception error)
    {
        var permanent = error is ArgumentException or MailRejectedException;
        var final = permanent || (row.Attempts >= Options.MaxAttempts && error is not IRetryAfter);
        var retryAfter = error is IRetryAfter { RetryAfter: { } hint } ? hint
            : TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Max(0, row.Attempts - 1))));
        await database.WriteAsync(session => outbox.FailAsync(session, row.Id, token, Describe(error),
            final ? null : time.GetUtcNow().UtcDateTime + retryAfter), CancellationToken.None);
        metrics?.SendFailed(error, final);
        logger.Log(final ? LogLevel.Error : LogLevel.Warning, "Follow-up {FollowUpId} attempt {Attempt} failed ({Error}); {Next}", row.Id, row.Attempts,
            error.GetType().Name, final ? "marked failed" : $"retried in {retryAfter}");
    }

    private Task<int> ReplanAsync(FollowUp row, string token, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync(async session =>
        {
            var plan = await FollowUpPlanner.PlanAsync(session, window.Value, row.OfficialId, row.DepartmentCode, now, row.Id);
            return await outbox.ReplanAsync(session, row.Id, token, plan);
        }, cancellationToken);

    private Task<int> ReleaseAsync(string token, long[] started, CancellationToken cancellationToken) =>
        database.WriteAsync(session => outbox.ReleaseAsync(session, token, started), cancellationToken);

    private Task<bool> RenewAsync(FollowUp row, string token, CancellationToken cancellationToken) =>
        database.WriteAsync(session => outbox.RenewAsync(session, row.Id, token, Options.Lease), cancellationToken);

    /// <summary>The error's type and message, one line, without the message's content (which the transport never puts there).</summary>
    private static string Describe(Exception error)
    {
        var text = $"{error.GetType().Name}: {error.Message}".ReplaceLineEndings(" ");
        return text.Length <= 500 ? text : text[..500];
    }
}
