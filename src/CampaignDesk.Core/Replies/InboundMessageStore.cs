using CampaignDesk.Core.Data;

namespace CampaignDesk.Core.Replies;

/// <summary>
/// The replies' SQL, one operation each, in the caller's unit of work: the inbox messages recorded (inbound_messages),
/// what a message is matched with (the follow-up it answers, the officials writing from its address, the campaign they
/// share with the organisation), and the addresses a report says bounce — or a person's message says work again.
/// </summary>
internal sealed class InboundMessageStore(TimeProvider time)
{
    private static readonly string[] AddressTables = ["contact_points", "commune_contacts"];

    public static async Task<bool> RecordedAsync(DbSession session, string mailbox, string key) =>
        await session.ScalarAsync<long?>("SELECT id FROM inbound_messages WHERE mailbox = @mailbox AND message_key = @key", new { mailbox, key }) is not null;

    /// <summary>The organisation's latest follow-up whose provider id the message refers to (Id 0 when none).</summary>
    public static Task<(long Id, long OfficialId, long? CampaignId, string ToAddress)> FollowUpAnsweredAsync(DbSession session, long organisationId,
        string[] referenced) =>
        session.FirstOrDefaultAsync<(long Id, long OfficialId, long? CampaignId, string ToAddress)>($"""
            SELECT id, official_id, campaign_id, to_address FROM followups
            WHERE organisation_id = @organisationId AND {session.Dialect.InList("provider_message_id", "referenced")} ORDER BY id DESC
            """, new { organisationId, referenced });

    /// <summary>The officials who write from <paramref name="from"/>: their own address, or the address of the mairie whose maire they are.</summary>
    public static Task<IReadOnlyList<long>> OfficialsWritingFromAsync(DbSession session, string from) => session.QueryAsync<long>("""
        SELECT official_id FROM contact_points WHERE kind = 'email' AND LOWER(value) = @from
        UNION
        SELECT m.official_id FROM commune_contacts c JOIN mandates m ON m.commune_insee = c.commune_insee AND m.role = 'maire' AND m.end_date IS NULL
        WHERE c.kind = 'email' AND LOWER(c.value) = @from
        """, new { from });

    /// <summary>The newest campaign the organisation takes part in on which it has already written to or met this official.</summary>
    public static Task<long?> SharedCampaignAsync(DbSession session, long organisationId, long officialId) => session.ScalarAsync<long?>("""
        SELECT MAX(c.campaign_id) FROM campaign_organisations c
        WHERE c.organisation_id = @organisationId
          AND (EXISTS (SELECT 1 FROM followups f WHERE f.campaign_id = c.campaign_id AND f.official_id = @officialId AND f.organisation_id = @organisationId)
            OR EXISTS (SELECT 1 FROM interactions i WHERE i.campaign_id = c.campaign_id AND i.official_id = @officialId AND i.organisation_id = @organisationId))
        """, new { organisationId, officialId });

    /// <summary>A person wrote from this address: it works, whatever a report said before.</summary>
    public static async Task ClearBouncingAsync(DbSession session, string? from)
    {
        foreach (var table in AddressTables)
        {
            await session.ExecuteAsync($"UPDATE {table} SET bouncing_since_utc = NULL WHERE kind = 'email' AND LOWER(value) = @from AND bouncing_since_utc IS NOT NULL",
                new { from });
        }
    }

    /// <summary>Marks the officials' and mairies' addresses among <paramref name="addresses"/> as bouncing; the official of the first one found.</summary>
    public async Task<long?> MarkBouncingAsync(DbSession session, string[] addresses)
    {
        if (addresses.Length == 0)
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        foreach (var table in AddressTables)
        {
            await session.ExecuteAsync($"""
                UPDATE {table} SET bouncing_since_utc = @now
                WHERE kind = 'email' AND bouncing_since_utc IS NULL AND {session.Dialect.InList("LOWER(value)", "addresses")}
                """, new { now, addresses });
        }

        return await session.ScalarAsync<long?>(
            $"SELECT MIN(official_id) FROM contact_points WHERE kind = 'email' AND {session.Dialect.InList("LOWER(value)", "addresses")}", new { addresses });
    }

    /// <summary>Records the message as processed, with what it turned out to be; its row's id.</summary>
    public Task<long> InsertAsync(DbSession session, InboundRow row) => session.InsertAsync("inbound_messages", """
        mailbox, message_key, graph_id, organisation_id, official_id, campaign_id, followup_id, kind, from_address, subject, preview, web_link,
        received_utc, interaction_id, position_id, triage, processed_utc
        """, """
        @Mailbox, @Key, @GraphId, @OrganisationId, @OfficialId, @CampaignId, @FollowUpId, @Kind, @From, @Subject, @Preview, @WebLink,
        @Received, @InteractionId, @PositionId, @Triage, @Now
        """, new
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
    });

    internal static string? Shorten(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}

/// <summary>An inbox message as it is recorded: what it is (<see cref="Kind"/>), and whom and what it was matched with.</summary>
internal sealed record InboundRow(string Mailbox, InboundMail Mail, long OrganisationId, long? FollowUpId)
{
    public string Kind { get; init; } = "unknown";
    public long? OfficialId { get; init; }
    public long? CampaignId { get; init; }
    public long? InteractionId { get; init; }
    public long? PositionId { get; init; }
    public string? Triage { get; init; }
}
