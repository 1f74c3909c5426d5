using System.Data.Common;
using System.Text.Json;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Users;
using Dapper;

namespace CampaignDesk.Core.Audit;

/// <summary>One write: who, when, what, and the record before and after (as the API shows it; never a secret).</summary>
public sealed record AuditEntry(long Id, DateTime AtUtc, long? ActorUserId, string Actor, string Action, string Entity, string? EntityId,
    long? OrganisationId, JsonElement? Before, JsonElement? After);

/// <summary>Which entries: each filter given narrows the list; <paramref name="From"/> and <paramref name="To"/> are days in Paris, both included.</summary>
public sealed record AuditQuery(string? Entity, string? EntityId, long? ActorUserId, long? OrganisationId, PageRequest Paging,
    string? Action = null, DateOnly? From = null, DateOnly? To = null);

/// <summary>
/// The audit trail. Every write records its entry in the writing transaction, so the trail and the data never
/// disagree: a rolled-back write leaves no entry, a committed one always has one.
/// </summary>
public sealed class AuditLog(Database database, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Records an entry in the write's unit of work: it commits or rolls back with the change it describes.</summary>
    public Task<int> RecordAsync(DbSession session, Caller caller, string action, string entity, object? entityId, long? organisationId, object? before,
        object? after) =>
        session.ExecuteAsync("""
            INSERT INTO audit_entries (at_utc, actor_user_id, actor, action, entity, entity_id, organisation_id, before_json, after_json)
            VALUES (@At, @ActorUserId, @Actor, @Action, @Entity, @EntityId, @OrganisationId, @Before, @After)
            """, new
        {
            At = time.GetUtcNow().UtcDateTime,
            ActorUserId = caller.UserId,
            Actor = caller.Name,
            Action = action,
            Entity = entity,
            EntityId = entityId?.ToString(),
            OrganisationId = organisationId,
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
        });

    /// <summary>Records an entry in a transaction of its own, for writes that commit elsewhere (an import run).</summary>
    public Task RecordAsync(Caller caller, string action, string entity, object? entityId, long? organisationId, object? before, object? after,
        CancellationToken cancellationToken) =>
        database.WriteAsync(async session =>
        {
            await RecordAsync(session, caller, action, entity, entityId, organisationId, before, after);
            return 0;
        }, cancellationToken);

    /// <summary>Newest first.</summary>
    public async Task<Page<AuditEntry>> SearchAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        var where = new List<string>();
        if (query.Entity is not null)
        {
            where.Add("entity = @Entity");
        }

        if (query.EntityId is not null)
        {
            where.Add("entity_id = @EntityId");
        }

        if (query.ActorUserId is not null)
        {
            where.Add("actor_user_id = @ActorUserId");
        }

        if (query.OrganisationId is not null)
        {
            where.Add("organisation_id = @OrganisationId");
        }

        if (query.Action is not null)
        {
            where.Add("action = @Action");
        }

        // A day in Paris starts at its midnight there: the bounds are those instants in UTC, the day after To excluded.
        var fromUtc = query.From is { } from ? StartOfParisDay(from) : (DateTime?)null;
        var beforeUtc = query.To is { } to ? StartOfParisDay(to.AddDays(1)) : (DateTime?)null;
        if (fromUtc is not null)
        {
            where.Add("at_utc >= @FromUtc");
        }

        if (beforeUtc is not null)
        {
            where.Add("at_utc < @BeforeUtc");
        }

        var filter = where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where);
        var parameters = new
        {
            query.Entity,
            query.EntityId,
            query.ActorUserId,
            query.OrganisationId,
            query.Action,
            FromUtc = fromUtc,
            BeforeUtc = beforeUtc,
            query.Paging.Skip,
            query.Paging.Take,
        };
        await using var connection = await database.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(database.Command(
            $"SELECT COUNT(*) FROM audit_entries {filter}", parameters, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<Row>(database.Command($"""
            SELECT id, at_utc, actor_user_id, actor, action, entity, entity_id, organisation_id, before_json, after_json
            FROM audit_entries {filter} ORDER BY id DESC {database.Dialect.Paging}
            """, parameters, cancellationToken: cancellationToken));
        return new Page<AuditEntry>(rows.Select(r => new AuditEntry(r.Id, r.AtUtc, r.ActorUserId, r.Actor, r.Action, r.Entity, r.EntityId,
            r.OrganisationId, Parse(r.BeforeJson), Parse(r.AfterJson))).ToList(), total);
    }

    private static DateTime StartOfParisDay(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), ParisTime.Zone);

    private static JsonElement? Parse(string? json) => json is null ? null : JsonSerializer.Deserialize<JsonElement>(json);

    private sealed class Row
    {
        public long Id { get; init; }
        public DateTime AtUtc { get; init; }
        public long? ActorUserId { get; init; }
        public string Actor { get; init; } = "";
        public string Action { get; init; } = "";
        public string Entity { get; init; } = "";
        public string? EntityId { get; init; }
        public long? OrganisationId { get; init; }
        public string? BeforeJson { get; init; }
        public string? AfterJson { get; init; }
    }
}
