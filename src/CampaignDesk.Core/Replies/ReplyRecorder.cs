using System.Data.Common;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Interactions;
using CampaignDesk.Core.Positions;
using CampaignDesk.Core.Users;
using Microsoft.Extensions.Logging;

namespace CampaignDesk.Core.Replies;

/// <summary>What became of one message: its row in inbound_messages and its kind (reply, message, auto_reply, bounce, unknown, ambiguous).</summary>
public sealed record RecordedMail(long Id, string Kind);

/// <summary>
/// Turns one inbox message into what it means, in one transaction with the row that marks it processed (so a replayed
/// page, or a second worker, changes nothing): a person's answer from an official becomes an inbound e-mail interaction
/// with outcome replied — logged through <see cref="InteractionService"/>, so coverage, the audit and the cancellation
/// of that official's pending follow-ups on the campaign all happen — and a 'reply' position of stance unknown waiting
/// in the triage queue. Automatic replies and reports are recorded, never counted; unknown senders are only recorded.
/// </summary>
public sealed class ReplyRecorder(Database database, InteractionService interactions, PositionService positions, TimeProvider time,
    ILogger<ReplyRecorder> logger)
{
    public static readonly Caller Worker = Caller.System("mail-replies");

    private readonly InboundMessageStore _store = new(time);

    /// <summary>Null when the message was already processed.</summary>
    public async Task<RecordedMail?> RecordAsync(string mailbox, long organisationId, InboundMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        mailbox = mailbox.ToLowerInvariant();
        try
        {
            return await database.WriteAsync(async session => await InboundMessageStore.RecordedAsync(session, mailbox, mail.Key)
                ? null
                : await RecordAsync(session, new InboundRow(mailbox, mail, organisationId, null)), cancellationToken);
        }
        catch (DbException e) when (database.Dialect.IsUniqueViolation(e))
        {
            return null; // another worker recorded it first
        }
    }

    private async Task<RecordedMail> RecordAsync(DbSession session, InboundRow row)
    {
        var (mailbox, mail, organisationId) = (row.Mailbox, row.Mail, row.OrganisationId);
        var from = mail.From?.ToLowerInvariant();
        var nature = MailNoise.Classify(mail);
        var referenced = MailNoise.ReferencedIds(mail).ToArray();
        var followUp = referenced.Length == 0 ? default : await InboundMessageStore.FollowUpAnsweredAsync(session, organisationId, referenced);
        row = row with { FollowUpId = followUp.Id == 0 ? null : followUp.Id };

        if (nature == MailNature.Bounce)
        {
            var bounced = MailNoise.AddressesIn($"{mail.Subject} {mail.Preview}").Append(followUp.ToAddress?.ToLowerInvariant()).OfType<string>()
                .Where(a => a != mailbox).Distinct().ToArray();
            var official = await _store.MarkBouncingAsync(session, bounced);
            return await InsertAsync(session, row with { Kind = "bounce", OfficialId = followUp.Id == 0 ? official : followUp.OfficialId });
        }

        // A mairie's address speaks for its current maire.
        IReadOnlyList<long> officials = followUp.Id != 0 ? [followUp.OfficialId]
            : from is null ? [] : await InboundMessageStore.OfficialsWritingFromAsync(session, from);
        if (officials.Count != 1)
        {
            return await InsertAsync(session, row with { Kind = officials.Count == 0 ? "unknown" : "ambiguous" });
        }

        row = row with { OfficialId = officials[0] };
        if (nature == MailNature.AutoReply)
        {
            return await InsertAsync(session, row with { Kind = "auto_reply" });
        }

        await InboundMessageStore.ClearBouncingAsync(session, from);
        var campaignId = followUp.CampaignId ?? await InboundMessageStore.SharedCampaignAsync(session, organisationId, officials[0]);
        return await LogAnswerAsync(session, row with { Kind = followUp.Id == 0 ? "message" : "reply", CampaignId = campaignId });
    }

    /// <summary>
    /// A person's answer: an inbound e-mail interaction and a 'reply' position waiting for triage, through the outreach log's
    /// and the positions' own paths (which take a connection and its transaction until they take a session).
    /// </summary>
    private async Task<RecordedMail> LogAnswerAsync(DbSession session, InboundRow row)
    {
        var now = time.GetUtcNow();
        var received = row.Mail.ReceivedAt > now ? now : row.Mail.ReceivedAt;
        var subject = InboundMessageStore.Shorten(row.Mail.Subject, 300);
        var interaction = await interactions.LogAsync(session, Worker, new InteractionInput(row.OrganisationId,
            row.OfficialId, row.CampaignId, "email", "inbound", received, "replied", $"Réponse reçue dans {row.Mailbox} : « {subject} »", false));
        var interactionId = Require(interaction, row).Id;
        var statedOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(received, ParisTime.Zone).DateTime);
        var position = await positions.RecordAsync(session, Worker, new PositionInput(row.OfficialId, row.CampaignId,
            "reply", statedOn > ParisTime.Today(time) ? ParisTime.Today(time) : statedOn, "unknown", $"Réponse par e-mail, à qualifier : « {subject} »", null,
            row.OrganisationId, [interactionId]));
        return await InsertAsync(session, row with { InteractionId = interactionId, PositionId = Require(position, row).Id, Triage = "waiting" });
    }

    private async Task<RecordedMail> InsertAsync(DbSession session, InboundRow row)
    {
        var id = await _store.InsertAsync(session, row);
        // The row's id, not the mailbox nor the internet message id: both are e-mail addresses (or look like one).
        logger.LogInformation("Inbox of organisation {OrganisationId}: inbound message {InboundMessageId} recorded as {Kind} (official {OfficialId}, campaign {CampaignId}).",
            row.OrganisationId, id, row.Kind, row.OfficialId, row.CampaignId);
        return new RecordedMail(id, row.Kind);
    }

    private static T Require<T>(Outcome<T> outcome, InboundRow row) => outcome.IsOk ? outcome.Value!
        : throw new InvalidOperationException($"The reply {row.Mail.Key} in {row.Mailbox} could not be logged: {outcome.Status} {outcome.Detail} "
            + string.Join("; ", (outcome.Errors ?? new Dictionary<string, Message[]>()).Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
}
