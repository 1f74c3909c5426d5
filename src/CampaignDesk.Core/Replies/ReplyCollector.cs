using CampaignDesk.Core.Mail.Graph;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Kiota.Abstractions;

namespace CampaignDesk.Core.Replies;

/// <summary>
/// Reads every organisation's inbox from where it was left. After each page the link to the next one (or, at the end
/// of a round, the delta link) is saved, so a restart resumes there; a page replayed after a crash between its messages
/// and its link is harmless, since each message is recorded once (<see cref="ReplyRecorder"/>). One mailbox failing
/// does not stop the others; the round then fails, naming them.
/// </summary>
public sealed class ReplyCollector(MailboxSyncStore sync, GraphInboxReader reader, ReplyRecorder recorder, IOptions<ReplyOptions> options,
    ILogger<ReplyCollector> logger)
{
    /// <summary>Messages newly recorded, all mailboxes together.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var recorded = 0;
        var failures = new List<Exception>();
        foreach (var (mailbox, organisationId) in await sync.MailboxesAsync(cancellationToken))
        {
            try
            {
                recorded += await CollectAsync(mailbox, organisationId, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Named by the organisation, not its mailbox's address; Graph's own error text (which may quote the address) is
                // left out of the log, its status and code are in the reason.
                logger.LogError(e is ApiException ? null : e, "Reading the inbox of organisation {OrganisationId} failed: {Reason}.", organisationId,
                    GraphResilience.Describe(e));
                failures.Add(new InvalidOperationException($"Reading the inbox of organisation {organisationId} failed: {GraphResilience.Describe(e)}.", e));
            }
        }

        return failures.Count == 0 ? recorded : throw new AggregateException("Some inboxes could not be read.", failures);
    }

    public async Task<int> CollectAsync(string mailbox, long organisationId, CancellationToken cancellationToken)
    {
        var (link, startedUtc) = await sync.LoadAsync(mailbox, cancellationToken);
        if (link is not null && !reader.CanFollow(link))
        {
            logger.LogWarning("The saved delta link of organisation {OrganisationId}'s inbox points at another Graph: starting a new round.", organisationId);
            link = null;
        }

        var notBefore = new DateTimeOffset(startedUtc, TimeSpan.Zero) - options.Value.InitialLookback;
        var recorded = 0;
        while (true)
        {
            var page = await reader.ReadAsync(mailbox, link, notBefore, cancellationToken);
            foreach (var mail in page.Messages)
            {
                recorded += await recorder.RecordAsync(mailbox, organisationId, mail, cancellationToken) is null ? 0 : 1;
            }

            link = page.NextLink ?? page.DeltaLink ?? throw new InvalidOperationException("Graph answered a delta page with neither a next nor a delta link.");
            await sync.SaveAsync(mailbox, link, cancellationToken);
            if (page.NextLink is null)
            {
                return recorded;
            }
        }
    }
}
