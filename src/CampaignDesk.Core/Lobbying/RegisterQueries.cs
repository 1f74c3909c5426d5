using CampaignDesk.Core.Data;

namespace CampaignDesk.Core.Lobbying;

/// <summary>
/// The register's reads: the rows of some organisations over a period (interactions, with the follow-up each one was and
/// whether it bounced, and the automatic replies and reports of their inboxes), the officials' mandates, and an
/// organisation's members (its federation roll-up: every organisation below it, at any depth).
/// </summary>
public sealed class RegisterQueries(Database database)
{
    public Task<RegisterOrganisation?> OrganisationAsync(long id, CancellationToken cancellationToken) =>
        database.ReadAsync(session => session.FirstOrDefaultAsync<RegisterOrganisation>(
            "SELECT id, name, type FROM organisations WHERE id = @id", new { id }), cancellationToken);

    /// <summary>The organisation and, with <paramref name="rollUp"/>, every organisation below it.</summary>
    public async Task<long[]> ScopeAsync(long organisationId, bool rollUp, CancellationToken cancellationToken)
    {
        if (!rollUp)
        {
            return [organisationId];
        }

        var edges = await database.ReadAsync(session => session.QueryAsync<(long Child, long Parent)>(
            "SELECT organisation_id, parent_id FROM organisation_parents"), cancellationToken);
        var children = edges.ToLookup(e => e.Parent, e => e.Child);
        var seen = new HashSet<long> { organisationId };
        var frontier = new Queue<long>([organisationId]);
        while (frontier.TryDequeue(out var next))
        {
            foreach (var child in children[next].Where(seen.Add))
            {
                frontier.Enqueue(child);
            }
        }

        return [.. seen.Order()];
    }

    /// <summary>The organisations with an interaction since <paramref name="sinceUtc"/>, and every organisation above them.</summary>
    public async Task<long[]> ActiveOrganisationsAsync(DateTime sinceUtc, CancellationToken cancellationToken)
    {
        var active = await database.ReadAsync(session => session.QueryAsync<long>(
            "SELECT DISTINCT organisation_id FROM interactions WHERE occurred_utc >= @sinceUtc", new { sinceUtc }), cancellationToken);
        var edges = await database.ReadAsync(session => session.QueryAsync<(long Child, long Parent)>(
            "SELECT organisation_id, parent_id FROM organisation_parents"), cancellationToken);
        var parents = edges.ToLookup(e => e.Child, e => e.Parent);
        var seen = new HashSet<long>(active);
        var frontier = new Queue<long>(active);
        while (frontier.TryDequeue(out var next))
        {
            foreach (var parent in parents[next].Where(seen.Add))
            {
                frontier.Enqueue(parent);
            }
        }

        return [.. seen.Order()];
    }

    /// <summary>Every row of <paramref name="organisations"/> from <paramref name="fromUtc"/> (included) to <paramref name="toUtc"/> (excluded).</summary>
    public Task<IReadOnlyList<RegisterRow>> RowsAsync(long[] organisations, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken) =>
        database.ReadAsync(async session =>
        {
            var parameters = new { organisations, fromUtc, toUtc };
            var interactions = await session.QueryAsync<RowData>($"""
                SELECT 'interaction' AS source, i.id, i.organisation_id, g.name AS organisation_name, i.official_id,
                       o.first_name AS official_first_name, o.last_name AS official_last_name, i.campaign_id, c.title AS campaign_name,
                       i.channel, i.direction, i.outcome, i.occurred_utc, f.id AS followup_id,
                       CASE WHEN EXISTS (SELECT 1 FROM inbound_messages b WHERE b.followup_id = f.id AND b.kind = 'bounce') THEN 1 ELSE 0 END AS bounced
                FROM interactions i
                JOIN organisations g ON g.id = i.organisation_id
                JOIN officials o ON o.id = i.official_id
                LEFT JOIN campaigns c ON c.id = i.campaign_id
                LEFT JOIN followups f ON f.interaction_id = i.id
                WHERE {session.Dialect.InList("i.organisation_id", "organisations")} AND i.occurred_utc >= @fromUtc AND i.occurred_utc < @toUtc
                """, parameters);
            var noise = await session.QueryAsync<RowData>($"""
                SELECT n.kind AS source, n.id, n.organisation_id, g.name AS organisation_name, n.official_id,
                       o.first_name AS official_first_name, o.last_name AS official_last_name, n.campaign_id, c.title AS campaign_name,
                       'email' AS channel, 'inbound' AS direction, n.kind AS outcome, n.received_utc AS occurred_utc, n.followup_id, 0 AS bounced
                FROM inbound_messages n
                JOIN organisations g ON g.id = n.organisation_id
                JOIN officials o ON o.id = n.official_id
                LEFT JOIN campaigns c ON c.id = n.campaign_id
                WHERE n.kind IN ('auto_reply', 'bounce') AND {session.Dialect.InList("n.organisation_id", "organisations")}
                  AND n.received_utc >= @fromUtc AND n.received_utc < @toUtc
                """, parameters);
            return (IReadOnlyList<RegisterRow>)[.. interactions.Concat(noise).Select(d => d.ToRow())];
        }, cancellationToken);

    /// <summary>The mandates of these officials, ended ones too (the day of each contact picks those in force).</summary>
    public async Task<ILookup<long, RegisterMandate>> MandatesAsync(IEnumerable<long> officialIds, CancellationToken cancellationToken)
    {
        var ids = officialIds.Distinct().ToArray();
        var mandates = new List<RegisterMandate>();
        foreach (var chunk in ids.Chunk(500))
        {
            mandates.AddRange(await database.ReadAsync(session => session.QueryAsync<RegisterMandate>($"""
                SELECT official_id, role, function_label, commune_insee, start_date, end_date FROM mandates
                WHERE {session.Dialect.InList("official_id", "chunk")}
                """, new { chunk }), cancellationToken));
        }

        return mandates.ToLookup(m => m.OfficialId);
    }

    public async Task<IReadOnlyDictionary<long, string?>> CampaignGoalsAsync(long[] ids, CancellationToken cancellationToken) => ids.Length == 0
        ? new Dictionary<long, string?>()
        : (await database.ReadAsync(session => session.QueryAsync<(long Id, string? Goal)>(
            $"SELECT id, goal FROM campaigns WHERE {session.Dialect.InList("id", "ids")}", new { ids }), cancellationToken)).ToDictionary(c => c.Id, c => c.Goal);

    /// <summary>The rows of the scope over the period, judged.</summary>
    public async Task<IReadOnlyList<RegisterVerdict>> ExplainAsync(long[] organisations, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var rows = await RowsAsync(organisations, fromUtc, toUtc, cancellationToken);
        var mandates = await MandatesAsync(rows.Select(r => r.OfficialId), cancellationToken);
        return CountingRule.Explain(rows, mandates);
    }

    public sealed class RegisterOrganisation
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public string Type { get; init; } = "";
    }

    private sealed class RowData
    {
        public string Source { get; init; } = "";
        public long Id { get; init; }
        public long OrganisationId { get; init; }
        public string OrganisationName { get; init; } = "";
        public long OfficialId { get; init; }
        public string OfficialFirstName { get; init; } = "";
        public string OfficialLastName { get; init; } = "";
        public long? CampaignId { get; init; }
        public string? CampaignName { get; init; }
        public string Channel { get; init; } = "";
        public string Direction { get; init; } = "";
        public string Outcome { get; init; } = "";
        public DateTime OccurredUtc { get; init; }
        public long? FollowupId { get; init; }
        public long Bounced { get; init; }

        public RegisterRow ToRow() => new(Source, Id, OrganisationId, OrganisationName, OfficialId, $"{OfficialFirstName} {OfficialLastName}",
            CampaignId, CampaignName, Channel, Direction, Outcome, OccurredUtc, FollowupId, Bounced != 0);
    }
}
