using CampaignDesk.Core.Data;
using CampaignDesk.Core.Users;
using Dapper;

namespace CampaignDesk.Core.Replies;

/// <summary>The triage queue's SQL, one operation each: the answers waiting, one of them, its decision, and the stance it gives its position.</summary>
internal sealed class TriageStore(TimeProvider time)
{
    private const string Select = """
        SELECT m.id, m.organisation_id, g.name AS organisation_name, m.official_id, o.first_name, o.last_name, m.campaign_id, m.kind,
               m.from_address, m.subject, m.preview, m.web_link, m.received_utc, m.interaction_id, m.position_id, m.triage
        FROM inbound_messages m JOIN organisations g ON g.id = m.organisation_id JOIN officials o ON o.id = m.official_id
        """;

    /// <summary>Oldest first, at most <paramref name="take"/>; of <paramref name="visible"/> organisations only, unless null (an admin).</summary>
    public static async Task<IReadOnlyList<TriageItem>> WaitingAsync(DbSession session, long[]? visible, int take) =>
        [.. (await session.QueryAsync<Row>($"""
            {Select}
            WHERE m.triage = 'waiting' {(visible is null ? "" : "AND " + session.Dialect.InList("m.organisation_id", "visible"))}
            ORDER BY m.received_utc, m.id {session.Dialect.Paging}
            """, new { visible, Skip = 0, Take = take })).Select(r => r.ToItem())];

    public static async Task<TriageItem?> GetAsync(DbSession session, long id) =>
        (await session.SingleOrDefaultAsync<Row>($"{Select} WHERE m.id = @id AND m.triage IS NOT NULL", new { id }))?.ToItem();

    /// <summary>Takes the answer out of the queue (done, or dismissed); false when someone decided it first.</summary>
    public async Task<bool> MarkTriagedAsync(DbSession session, Caller caller, long id, bool dismissed) => await session.ExecuteAsync(
        "UPDATE inbound_messages SET triage = @state, triaged_by = @Name, triaged_utc = @now WHERE id = @id AND triage = 'waiting'",
        new { state = dismissed ? "dismissed" : "done", Name = caller.DisplayName, now = time.GetUtcNow().UtcDateTime, id }) == 1;

    /// <summary>The stance the person who triaged the answer gives its position, which they confirm; the position's fields before.</summary>
    public async Task<(string Stance, string Summary, string ConfirmedBy)> ConfirmStanceAsync(DbSession session, Caller caller, long positionId, string stance,
        string summary)
    {
        var before = await session.Connection.QuerySingleAsync<(string Stance, string Summary, string ConfirmedBy)>(session.Command(
            "SELECT stance, summary, confirmed_by FROM positions WHERE id = @positionId", new { positionId }));
        await session.ExecuteAsync("""
            UPDATE positions SET stance = @stance, summary = @summary, confirmed_by_user_id = @UserId, confirmed_by = @Name, version = version + 1,
                updated_utc = @now
            WHERE id = @positionId
            """, new { stance, summary, caller.UserId, Name = caller.DisplayName, positionId, now = time.GetUtcNow().UtcDateTime });
        return before;
    }

    private sealed class Row
    {
        public long Id { get; init; }
        public long OrganisationId { get; init; }
        public string OrganisationName { get; init; } = "";
        public long OfficialId { get; init; }
        public string FirstName { get; init; } = "";
        public string LastName { get; init; } = "";
        public long? CampaignId { get; init; }
        public string Kind { get; init; } = "";
        public string? FromAddress { get; init; }
        public string? Subject { get; init; }
        public string? Preview { get; init; }
        public string? WebLink { get; init; }
        public DateTime ReceivedUtc { get; init; }
        public long InteractionId { get; init; }
        public long PositionId { get; init; }
        public string Triage { get; init; } = "";

        public TriageItem ToItem() => new(Id, OrganisationId, OrganisationName, OfficialId, $"{FirstName} {LastName}", CampaignId, Kind, FromAddress, Subject,
            Preview, WebLink, ReceivedUtc, InteractionId, PositionId, Triage);
    }
}
