using System.Text.Json;
using CampaignDesk.Core.Audit;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Import;
using CampaignDesk.Core.Users;

namespace CampaignDesk.Core.Parliament;

/// <summary>
/// A campaign's watches and recommended votes. Anyone signed in reads them; a coordinator of an organisation taking part
/// in the campaign, or an admin, changes them; each change proposes at once what the imported items hold.
/// </summary>
public sealed class WatchService(Database database, AuditLog audit, ProposalMatcher matcher, TimeProvider time)
{
    public const int MaxEntries = 50;

    private const string Columns = "id, campaign_id, name, keywords, ministries, kinds, since, scope, created_by, created_utc, version";

    public Task<IReadOnlyList<CampaignWatch>> ListAsync(long campaignId, CancellationToken cancellationToken) =>
        database.ReadAsync(async session => (IReadOnlyList<CampaignWatch>)[.. (await session.QueryAsync<Row>(
            $"SELECT {Columns} FROM campaign_watches WHERE campaign_id = @campaignId AND deleted_utc IS NULL ORDER BY id", new { campaignId }))
            .Select(r => r.ToWatch())], cancellationToken);

    public Task<Outcome<CampaignWatch>> CreateAsync(Caller caller, long campaignId, WatchInput input, CancellationToken cancellationToken) =>
        SaveAsync(caller, campaignId, null, null, input, cancellationToken);

    public Task<Outcome<CampaignWatch>> UpdateAsync(Caller caller, long campaignId, long id, int? version, WatchInput input,
        CancellationToken cancellationToken) => SaveAsync(caller, campaignId, id, version, input, cancellationToken);

    public Task<Outcome<CampaignWatch>> DeleteAsync(Caller caller, long campaignId, long id, CancellationToken cancellationToken) =>
        database.WriteAsync(async session =>
        {
            if (await RefusalAsync<CampaignWatch>(session, caller, campaignId) is { } refused)
            {
                return refused;
            }

            var current = await GetAsync(session, campaignId, id);
            if (current is null)
            {
                return Outcome<CampaignWatch>.NotFound();
            }

            // Its proposals stay: those accepted are positions, those dismissed must not come back from another watch.
            await session.ExecuteAsync("UPDATE campaign_watches SET deleted_utc = @now WHERE id = @id", new { now = time.GetUtcNow().UtcDateTime, id });
            await audit.RecordAsync(session, caller, "delete", "campaign_watch", id, null, current, null);
            return Outcome<CampaignWatch>.Ok(current);
        }, cancellationToken);

    private Task<Outcome<CampaignWatch>> SaveAsync(Caller caller, long campaignId, long? id, int? version, WatchInput input,
        CancellationToken cancellationToken)
    {
        var errors = new Errors();
        var name = input.Name?.Trim();
        if (name is not { Length: > 0 and <= 200 })
        {
            errors.Add("name", Messages.WatchNameInvalid);
        }

        var keywords = Clean(input.Keywords);
        if (keywords is not { Length: > 0 } || keywords.Any(k => k.Trim('*').Length < 2))
        {
            errors.Add("keywords", Messages.WatchKeywordsInvalid);
        }

        var ministries = Clean(input.Ministries ?? []);
        if (ministries is null)
        {
            errors.Add("ministries", Messages.WatchListInvalid);
        }

        var kinds = (input.Kinds ?? []).Select(k => k?.Trim().ToLowerInvariant()).ToArray();
        foreach (var kind in kinds)
        {
            errors.OneOf(kind, "kinds", ParliamentKinds.All.Where(k => k != ParliamentKinds.Vote).ToList());
        }

        var scope = errors.OneOf(input.Scope ?? WatchScopes.Targets, "scope", WatchScopes.All);
        return database.WriteAsync(async session =>
        {
            if (await RefusalAsync<CampaignWatch>(session, caller, campaignId) is { } refused)
            {
                return refused;
            }

            var before = id is null ? null : await GetAsync(session, campaignId, id.Value);
            if (id is not null && before is null)
            {
                return Outcome<CampaignWatch>.NotFound();
            }

            if (errors.Any)
            {
                return Outcome<CampaignWatch>.Invalid(errors);
            }

            var values = new
            {
                campaignId,
                name,
                keywords = JsonSerializer.Serialize(keywords),
                ministries = JsonSerializer.Serialize(ministries),
                kinds = JsonSerializer.Serialize(kinds.Distinct()),
                since = IsoDate.Format(input.Since),
                scope,
                by = caller.DisplayName,
                now = time.GetUtcNow().UtcDateTime,
                id,
                version = version ?? before?.Version,
            };
            if (before is null)
            {
                id = await session.InsertAsync("campaign_watches", "campaign_id, name, keywords, ministries, kinds, since, scope, created_by, created_utc",
                    "@campaignId, @name, @keywords, @ministries, @kinds, @since, @scope, @by, @now", values);
            }
            else if (await session.ExecuteAsync("""
                UPDATE campaign_watches SET name = @name, keywords = @keywords, ministries = @ministries, kinds = @kinds, since = @since, scope = @scope,
                    version = version + 1
                WHERE id = @id AND version = @version AND deleted_utc IS NULL
                """, values) == 0)
            {
                return Outcome<CampaignWatch>.Conflict(Messages.WatchChangedConcurrently);
            }

            // Serialised with the imports, which propose too: a proposal is made once.
            await session.Dialect.LockAsync(session.Connection, session.Transaction!, ImportReverter.Lock, session.CancellationToken);
            await matcher.ProposeAsync(session, campaignId);
            var after = (await GetAsync(session, campaignId, id!.Value))!;
            await audit.RecordAsync(session, caller, before is null ? "create" : "update", "campaign_watch", after.Id, null, before, after);
            return Outcome<CampaignWatch>.Ok(after);
        }, cancellationToken);
    }

    /// <summary>Null when the caller coordinates an organisation taking part in the campaign, or is an admin.</summary>
    internal static async Task<Outcome<T>?> RefusalAsync<T>(DbSession session, Caller caller, long campaignId)
    {
        if (await session.ScalarAsync<int>("SELECT COUNT(*) FROM campaigns WHERE id = @campaignId", new { campaignId }) == 0)
        {
            return Outcome<T>.NotFound();
        }

        if (caller.IsAdmin)
        {
            return null;
        }

        var participants = await session.QueryAsync<long>("SELECT organisation_id FROM campaign_organisations WHERE campaign_id = @campaignId",
            new { campaignId });
        return participants.Any(caller.Coordinates) ? null : Outcome<T>.Forbidden(Messages.WatchForbidden);
    }

    private static async Task<CampaignWatch?> GetAsync(DbSession session, long campaignId, long id) =>
        (await session.SingleOrDefaultAsync<Row>($"SELECT {Columns} FROM campaign_watches WHERE id = @id AND campaign_id = @campaignId AND deleted_utc IS NULL",
            new { id, campaignId }))?.ToWatch();

    /// <summary>Trimmed, distinct, each of 2 to 200 characters, at most <see cref="MaxEntries"/>; null when not.</summary>
    private static string[]? Clean(IReadOnlyList<string>? entries)
    {
        var cleaned = entries?.Select(e => e?.Trim() ?? "").Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        return cleaned is null || cleaned.Length > MaxEntries || cleaned.Any(e => e.Length is < 2 or > 200) ? null : cleaned;
    }

    private sealed class Row
    {
        public long Id { get; init; }
        public long CampaignId { get; init; }
        public string Name { get; init; } = "";
        public string Keywords { get; init; } = "[]";
        public string Ministries { get; init; } = "[]";
        public string Kinds { get; init; } = "[]";
        public string? Since { get; init; }
        public string Scope { get; init; } = "";
        public string CreatedBy { get; init; } = "";
        public DateTime CreatedUtc { get; init; }
        public int Version { get; init; }

        public CampaignWatch ToWatch() => new(Id, CampaignId, Name, JsonSerializer.Deserialize<string[]>(Keywords) ?? [],
            JsonSerializer.Deserialize<string[]>(Ministries) ?? [], JsonSerializer.Deserialize<string[]>(Kinds) ?? [], IsoDate.Parse(Since), Scope,
            CreatedBy, CreatedUtc, Version);
    }
}
