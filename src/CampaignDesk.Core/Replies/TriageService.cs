using System.Data.Common;
using CampaignDesk.Core.Audit;
using CampaignDesk.Core.Campaigns;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Outreach;
using CampaignDesk.Core.Positions;
using CampaignDesk.Core.Users;
using Dapper;

namespace CampaignDesk.Core.Replies;

/// <summary>
/// The answers waiting for a stance. A mailbox's messages are its organisation's: its members and the admins see
/// and decide them; to anyone else they do not exist.
/// </summary>
public sealed class TriageService(Database database, AuditLog audit, OutreachEffects effects, TimeProvider time)
{
    public const int MaxItems = 500;

    private const string Select = """
        SELECT m.id, m.organisation_id, g.name AS organisation_name, m.official_id, o.first_name, o.last_name, m.campaign_id, m.kind,
               m.from_address, m.subject, m.preview, m.web_link, m.received_utc, m.interaction_id, m.position_id, m.triage
        FROM inbound_messages m JOIN organisations g ON g.id = m.organisation_id JOIN officials o ON o.id = m.official_id
        """;

    /// <summary>Oldest first: the queue is worked from its end.</summary>
    public async Task<IReadOnlyList<TriageItem>> WaitingAsync(Caller caller, CancellationToken cancellationToken)
    {
        var visible = caller.OrganisationIds.Where(caller.ActsFor).ToArray();
        if (!caller.IsAdmin && visible.Length == 0)
        {
            return [];
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(database.Command($"""
            {Select}
            WHERE m.triage = 'waiting' {(caller.IsAdmin ? "" : "AND " + database.Dialect.InList("m.organisation_id", "visible"))}
            ORDER BY m.received_utc, m.id {database.Dialect.Paging}
            """, new { visible, Skip = 0, Take = MaxItems }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToItem())];
    }

    public Task<Outcome<TriageItem>> DecideAsync(Caller caller, long id, TriageDecision decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var errors = new Errors();
        var dismiss = decision.Dismiss == true;
        var stance = dismiss ? null : errors.OneOf(decision.Stance, "stance", PositionLists.Stances);
        var summary = decision.Summary?.Trim();
        if (!dismiss && summary is not { Length: > 0 and <= 4000 })
        {
            errors.Add("summary", Messages.TriageSummaryInvalid);
        }

        return database.TransactAsync(async (connection, transaction) =>
        {
            var item = await GetAsync(connection, transaction, id, cancellationToken);
            if (item is null || !caller.ActsFor(item.OrganisationId))
            {
                return Outcome<TriageItem>.NotFound();
            }

            if (errors.Any)
            {
                return Outcome<TriageItem>.Invalid(errors);
            }

            var now = time.GetUtcNow().UtcDateTime;
            if (await connection.ExecuteAsync(database.Command(
                    "UPDATE inbound_messages SET triage = @state, triaged_by = @Name, triaged_utc = @now WHERE id = @id AND triage = 'waiting'",
                    new { state = dismiss ? "dismissed" : "done", Name = caller.DisplayName, now, id }, transaction, cancellationToken)) == 0)
            {
                return Outcome<TriageItem>.Conflict(Messages.AlreadyTriaged);
            }

            if (!dismiss)
            {
                await SetStanceAsync(connection, transaction, caller, item, stance!, summary!, cancellationToken);
            }

            return Outcome<TriageItem>.Ok((await GetAsync(connection, transaction, id, cancellationToken))!);
        }, cancellationToken);
    }

    private async Task SetStanceAsync(DbConnection connection, DbTransaction transaction, Caller caller, TriageItem item, string stance, string summary,
        CancellationToken cancellationToken)
    {
        var before = await connection.QuerySingleAsync<(string Stance, string Summary, string ConfirmedBy)>(database.Command(
            "SELECT stance, summary, confirmed_by FROM positions WHERE id = @PositionId", new { item.PositionId }, transaction, cancellationToken));
        await connection.ExecuteAsync(database.Command("""
            UPDATE positions SET stance = @stance, summary = @summary, confirmed_by_user_id = @UserId, confirmed_by = @Name, version = version + 1,
                updated_utc = @now
            WHERE id = @PositionId
            """, new { stance, summary, caller.UserId, Name = caller.DisplayName, item.PositionId, now = time.GetUtcNow().UtcDateTime }, transaction,
            cancellationToken));
        await effects.ProgressChangedAsync(new DbSession(database, connection, transaction, cancellationToken), item.CampaignId, item.OfficialId);
        await audit.RecordAsync(connection, transaction, caller, "update", "position", item.PositionId, item.OrganisationId,
            new { before.Stance, before.Summary, before.ConfirmedBy }, new { Stance = stance, Summary = summary, ConfirmedBy = caller.DisplayName }, cancellationToken);
    }

    private async Task<TriageItem?> GetAsync(DbConnection connection, DbTransaction transaction, long id, CancellationToken cancellationToken) =>
        (await connection.QuerySingleOrDefaultAsync<Row>(database.Command($"{Select} WHERE m.id = @id AND m.triage IS NOT NULL", new { id }, transaction,
            cancellationToken)))?.ToItem();

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
