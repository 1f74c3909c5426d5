using System.Data.Common;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Interactions;
using CampaignDesk.Core.Positions;
using CampaignDesk.Core.Users;
using Dapper;
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

    /// <summary>Null when the message was already processed.</summary>
    public async Task<RecordedMail?> RecordAsync(string mailbox, long organisationId, InboundMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        mailbox = mailbox.ToLowerInvariant();
        try
        {
            return await database.TransactAsync(async (connection, transaction) =>
                await connection.ExecuteScalarAsync<long?>(database.Command("SELECT id FROM inbound_messages WHERE mailbox = @mailbox AND message_key = @Key",
                    new { mailbox, mail.Key }, transaction, cancellationToken)) is null
                    ? await RecordAsync(connection, transaction, mailbox, organisationId, mail, cancellationToken)
                    : null, cancellationToken);
        }
        catch (DbException e) when (database.Dialect.IsUniqueViolation(e))
        {
            return null; // another worker recorded it first
        }
    }

    private async Task<RecordedMail> RecordAsync(DbConnection connection, DbTransaction transaction, string mailbox, long organisationId, InboundMail mail,
        CancellationToken cancellationToken)
    {
        var from = mail.From?.ToLowerInvariant();
        var nature = MailNoise.Classify(mail);
        var referenced = MailNoise.ReferencedIds(mail).ToArray();
        var followUp = referenced.Length == 0 ? default : await connection.QueryFirstOrDefaultAsync<(long Id, long OfficialId, long? CampaignId, string ToAddress)>(
            database.Command($"""
                SELECT id, official_id, campaign_id, to_address FROM followups
                WHERE organisation_id = @organisationId AND {database.Dialect.InList("provider_message_id", "referenced")} ORDER BY id DESC
                """, new { organisationId, referenced }, transaction, cancellationToken));
        var row = new Row(mailbox, mail, organisationId, followUp.Id == 0 ? null : followUp.Id);

        if (nature == MailNature.Bounce)
        {
            var bounced = MailNoise.AddressesIn($"{mail.Subject} {mail.Preview}").Append(followUp.ToAddress?.ToLowerInvariant()).OfType<string>()
                .Where(a => a != mailbox).Distinct().ToArray();
            var official = await MarkBouncingAsync(connection, transaction, bounced, cancellationToken);
            return await InsertAsync(connection, transaction, row with { Kind = "bounce", OfficialId = followUp.Id == 0 ? official : followUp.OfficialId },
                cancellationToken);
        }

        // A mairie's address speaks for its current maire.
        List<long> officials = followUp.Id != 0 ? [followUp.OfficialId] : from is null ? [] : (await connection.QueryAsync<long>(database.Command("""
            SELECT official_id FROM contact_points WHERE kind = 'email' AND LOWER(value) = @from
            UNION
            SELECT m.official_id FROM commune_contacts c JOIN mandates m ON m.commune_insee = c.commune_insee AND m.role = 'maire' AND m.end_date IS NULL
            WHERE c.kind = 'email' AND LOWER(c.value) = @from
            """, new { from }, transaction, cancellationToken))).ToList();
        if (officials.Count != 1)
        {
            return await InsertAsync(connection, transaction, row with { Kind = officials.Count == 0 ? "unknown" : "ambiguous" }, cancellationToken);
        }

        row = row with { OfficialId = officials[0] };
        if (nature == MailNature.AutoReply)
        {
            return await InsertAsync(connection, transaction, row with { Kind = "auto_reply" }, cancellationToken);
        }

        // A person wrote from this address: it works, whatever a report said before.
        await connection.ExecuteAsync(database.Command(
            "UPDATE contact_points SET bouncing_since_utc = NULL WHERE kind = 'email' AND LOWER(value) = @from AND bouncing_since_utc IS NOT NULL",
            new { from }, transaction, cancellationToken));
        await connection.ExecuteAsync(database.Command(
            "UPDATE commune_contacts SET bouncing_since_utc = NULL WHERE kind = 'email' AND LOWER(value) = @from AND bouncing_since_utc IS NOT NULL",
            new { from }, transaction, cancellationToken));
        var campaignId = followUp.CampaignId ?? await SharedCampaignAsync(connection, transaction, organisationId, officials[0], cancellationToken);
        return await LogAnswerAsync(connection, transaction, row with { Kind = followUp.Id == 0 ? "message" : "reply", CampaignId = campaignId },
            cancellationToken);
    }

    private async Task<RecordedMail> LogAnswerAsync(DbConnection connection, DbTransaction transaction, Row row, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var received = row.Mail.ReceivedAt > now ? now : row.Mail.ReceivedAt;
        var subject = Shorten(row.Mail.Subject, 300);
        var interaction = await interactions.LogAsync(connection, transaction, Worker, new InteractionInput(row.OrganisationId, row.OfficialId,
            row.CampaignId, "email", "inbound", received, "replied", $"Réponse reçue dans {row.Mailbox} : « {subject} »", false), cancellationToken);
        var interactionId = Require(interaction, row).Id;
        var statedOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(received, ParisTime.Zone).DateTime);
        var position = await positions.RecordAsync(connection, transaction, Worker, new PositionInput(row.OfficialId, row.CampaignId, "reply",
            statedOn > ParisTime.Today(time) ? ParisTime.Today(time) : statedOn, "unknown", $"Réponse par e-mail, à qualifier : « {subject} »", null,
            row.OrganisationId, [interactionId]), cancellationToken);
        return await InsertAsync(connection, transaction, row with { InteractionId = interactionId, PositionId = Require(position, row).Id, Triage = "waiting" },
            cancellationToken);
    }

    /// <summary>The newest campaign the organisation takes part in on which it has already written to or met this official.</summary>
    private async Task<long?> SharedCampaignAsync(DbConnection connection, DbTransaction transaction, long organisationId, long officialId,
        CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<long?>(database.Command("""
            SELECT MAX(c.campaign_id) FROM campaign_organisations c
            WHERE c.organisation_id = @organisationId
              AND (EXISTS (SELECT 1 FROM followups f WHERE f.campaign_id = c.campaign_id AND f.official_id = @officialId AND f.organisation_id = @organisationId)
                OR EXISTS (SELECT 1 FROM interactions i WHERE i.campaign_id = c.campaign_id AND i.official_id = @officialId AND i.organisation_id = @organisationId))
            """, new { organisationId, officialId }, transaction, cancellationToken));

    /// <summary>Marks the officials' addresses among <paramref name="addresses"/> as bouncing; the official of the first one found.</summary>
    private async Task<long?> MarkBouncingAsync(DbConnection connection, DbTransaction transaction, string[] addresses, CancellationToken cancellationToken)
    {
        if (addresses.Length == 0)
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        foreach (var table in new[] { "contact_points", "commune_contacts" })
        {
            await connection.ExecuteAsync(database.Command($"""
                UPDATE {table} SET bouncing_since_utc = @now
                WHERE kind = 'email' AND bouncing_since_utc IS NULL AND {database.Dialect.InList("LOWER(value)", "addresses")}
                """, new { now, addresses }, transaction, cancellationToken));
        }

        return await connection.ExecuteScalarAsync<long?>(database.Command(
            $"SELECT MIN(official_id) FROM contact_points WHERE kind = 'email' AND {database.Dialect.InList("LOWER(value)", "addresses")}",
            new { addresses }, transaction, cancellationToken));
    }

    private async Task<RecordedMail> InsertAsync(DbConnection connection, DbTransaction transaction, Row row, CancellationToken cancellationToken)
    {
        var id = await connection.ExecuteScalarAsync<long>(database.Command(database.Dialect.InsertReturningId("inbound_messages", """
            mailbox, message_key, graph_id, organisation_id, official_id, campaign_id, followup_id, kind, from_address, subject, preview, web_link,
            received_utc, interaction_id, position_id, triage, processed_utc
            """, """
            @Mailbox, @Key, @GraphId, @OrganisationId, @OfficialId, @CampaignId, @FollowUpId, @Kind, @From, @Subject, @Preview, @WebLink,
            @Received, @InteractionId, @PositionId, @Triage, @Now
            """), new
        {
            row.Mailbox,
            row.Mail.Key,
            row.Mail.GraphId,
            row.OrganisationId,
            row.OfficialId,
            row.CampaignId,
            row.FollowUpId,
            row.Kind,
            From = Shorten(row.Mail.From?.ToLowerInvariant(), 320),
            Subject = Shorten(row.Mail.Subject, 1000),
            Preview = Shorten(row.Mail.Preview, 1000),
            row.Mail.WebLink,
            Received = row.Mail.ReceivedAt.UtcDateTime,
            row.InteractionId,
            row.PositionId,
            row.Triage,
            Now = time.GetUtcNow().UtcDateTime,
        }, transaction, cancellationToken));
        // The row's id, not the mailbox nor the internet message id: both are e-mail addresses (or look like one).
        logger.LogInformation("Inbox of organisation {OrganisationId}: inbound message {InboundMessageId} recorded as {Kind} (official {OfficialId}, campaign {CampaignId}).",
            row.OrganisationId, id, row.Kind, row.OfficialId, row.CampaignId);
        return new RecordedMail(id, row.Kind);
    }

    private static T Require<T>(Outcome<T> outcome, Row row) => outcome.IsOk ? outcome.Value!
        : throw new InvalidOperationException($"The reply {row.Mail.Key} in {row.Mailbox} could not be logged: {outcome.Status} {outcome.Detail} "
            + string.Join("; ", (outcome.Errors ?? new Dictionary<string, Message[]>()).Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));

    private static string? Shorten(string? text, int length) => text is null || text.Length <= length ? text : text[..length];

    private sealed record Row(string Mailbox, InboundMail Mail, long OrganisationId, long? FollowUpId)
    {
        public string Kind { get; init; } = "unknown";
        public long? OfficialId { get; init; }
        public long? CampaignId { get; init; }
        public long? InteractionId { get; init; }
        public long? PositionId { get; init; }
        public string? Triage { get; init; }
    }
}
