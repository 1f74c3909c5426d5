using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Interactions;
using CampaignDesk.Core.Users;
using Dapper;

namespace CampaignDesk.Core.Campaigns;

public sealed record CoverageBucket(string Key, string Label, int Targets, int Contacted, int Reached, int Responded, int Supports, int Neutral,
    int Opposes, int Unknown);

public sealed record Coverage(long CampaignId, string By, CoverageBucket Total, IReadOnlyList<CoverageBucket> Buckets);

/// <summary>A target not reached yet, with what the ranking used.</summary>
public sealed record Gap(long OfficialId, string LastName, string FirstName, string Role, string? DepartmentCode, string? GroupLabel, bool Contacted,
    DateTime? LastContactUtc, string Stance, bool InParticipantDepartment);

/// <summary>
/// National coverage of a campaign. A target is <b>contacted</b> by any interaction on the campaign, <b>reached</b> by
/// one whose outcome is not sent, left_message or unreachable, and has <b>responded</b> with an inbound interaction,
/// an outcome replied or declined, or a position on the campaign; its stance is that of its latest position on the
/// campaign (unknown without one). Confidential interactions count (the numbers say nothing of their content).
/// An official targeted through several mandates counts once, under the first of its roles in alphabetical order.
/// </summary>
public sealed class CoverageService(Database database)
{
    public static readonly IReadOnlyList<string> Dimensions = ["department", "group", "role", "organisation"];

    private static readonly string NotReached = string.Join(", ", InteractionLists.NotReached.Select(o => $"'{o}'"));

    public async Task<Coverage?> CoverageAsync(long campaignId, string by, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var targeting = await TargetingAsync(connection, campaignId, cancellationToken);
        if (targeting is null)
        {
            return null;
        }

        var parameters = new DynamicParameters(new { CampaignId = campaignId });
        var with = With(targeting, parameters);
        var stances = """
            SUM(CASE WHEN s.stance = 'supports' THEN 1 ELSE 0 END) AS supports,
            SUM(CASE WHEN s.stance = 'neutral' THEN 1 ELSE 0 END) AS neutral,
            SUM(CASE WHEN s.stance = 'opposes' THEN 1 ELSE 0 END) AS opposes,
            SUM(CASE WHEN s.stance IS NULL OR s.stance = 'unknown' THEN 1 ELSE 0 END) AS unknown
            """;
        var rows = by == "organisation"
            ? await connection.QueryAsync<Row>(database.Command($"""
                {with},
                c AS (SELECT DISTINCT i.organisation_id, i.official_id FROM interactions i JOIN t ON t.official_id = i.official_id
                      WHERE i.campaign_id = @CampaignId)
                SELECT g.id AS bucket_id, g.name AS label,
                       (SELECT COUNT(*) FROM t WHERE t.department_code = g.department_code) AS targets,
                       COUNT(c.official_id) AS contacted,
                       SUM(CASE WHEN r.reached = 1 THEN 1 ELSE 0 END) AS reached,
                       SUM(CASE WHEN r.replied = 1 OR s.official_id IS NOT NULL THEN 1 ELSE 0 END) AS responded,
                       SUM(CASE WHEN s.stance = 'supports' THEN 1 ELSE 0 END) AS supports,
                       SUM(CASE WHEN s.stance = 'neutral' THEN 1 ELSE 0 END) AS neutral,
                       SUM(CASE WHEN s.stance = 'opposes' THEN 1 ELSE 0 END) AS opposes,
                       SUM(CASE WHEN c.official_id IS NOT NULL AND (s.stance IS NULL OR s.stance = 'unknown') THEN 1 ELSE 0 END) AS unknown
                FROM campaign_organisations co JOIN organisations g ON g.id = co.organisation_id
                LEFT JOIN c ON c.organisation_id = g.id
                LEFT JOIN r ON r.official_id = c.official_id
                LEFT JOIN s ON s.official_id = c.official_id
                WHERE co.campaign_id = @CampaignId
                GROUP BY g.id, g.name, g.department_code
                ORDER BY g.name
                """, parameters, cancellationToken: cancellationToken))
            : await connection.QueryAsync<Row>(database.Command($"""
                {with}
                SELECT {Bucket(by)} AS bucket, {Label(by)} AS label, COUNT(*) AS targets,
                       SUM(CASE WHEN r.official_id IS NOT NULL THEN 1 ELSE 0 END) AS contacted,
                       SUM(CASE WHEN r.reached = 1 THEN 1 ELSE 0 END) AS reached,
                       SUM(CASE WHEN r.replied = 1 OR s.official_id IS NOT NULL THEN 1 ELSE 0 END) AS responded,
                       {stances}
                FROM t LEFT JOIN r ON r.official_id = t.official_id LEFT JOIN s ON s.official_id = t.official_id
                {(by == "department" ? "LEFT JOIN departments d ON d.code = t.department_code" : "")}
                GROUP BY {Bucket(by)}{(by == "department" ? ", d.name" : "")}
                ORDER BY {Bucket(by)}
                """, parameters, cancellationToken: cancellationToken));
        var buckets = rows.Select(r => new CoverageBucket(r.BucketId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? r.Bucket ?? "", r.Label ?? r.Bucket ?? Unlabelled(by), (int)r.Targets, (int)(r.Contacted ?? 0),
            (int)(r.Reached ?? 0), (int)(r.Responded ?? 0), (int)(r.Supports ?? 0), (int)(r.Neutral ?? 0), (int)(r.Opposes ?? 0), (int)(r.Unknown ?? 0)))
            .ToList();
        var total = by == "organisation"
            ? (await CoverageAsync(campaignId, "role", cancellationToken))!.Total
            : new CoverageBucket("", "Total", buckets.Sum(b => b.Targets), buckets.Sum(b => b.Contacted), buckets.Sum(b => b.Reached),
                buckets.Sum(b => b.Responded), buckets.Sum(b => b.Supports), buckets.Sum(b => b.Neutral), buckets.Sum(b => b.Opposes), buckets.Sum(b => b.Unknown));
        return new Coverage(campaignId, by, total, buckets);
    }

    /// <summary>The coverage as a table to export: one line per bucket, then the total.</summary>
    public static Exports.ExportTable ToTable(Coverage coverage) => new($"Couverture par {coverage.By}",
        ["Clé", "Libellé", "Cibles", "Contactés", "Atteints", "Ont répondu", "Soutiennent", "Neutres", "S'opposent", "Position inconnue"],
        coverage.Buckets.Append(coverage.Total).Select(b => (IReadOnlyList<object?>)
            [b.Key, b.Label, b.Targets, b.Contacted, b.Reached, b.Responded, b.Supports, b.Neutral, b.Opposes, b.Unknown]));

    /// <summary>
    /// Targets not reached yet, most useful first: never contacted before contacted without reaching anyone; stance
    /// unknown before known; in a département where a participating organisation stands before elsewhere; députés,
    /// then sénateurs, then maires, then the other roles; then by name.
    /// </summary>
    /// <remarks>Whether a target was contacted counts every organisation's contacts; the last contact's date shown is
    /// that of the contacts the caller may see, so a confidential contact's date does not leak.</remarks>
    public async Task<Page<Gap>?> GapsAsync(Caller caller, long campaignId, PageRequest paging, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var targeting = await TargetingAsync(connection, campaignId, cancellationToken);
        if (targeting is null)
        {
            return null;
        }

        var visible = caller.IsAdmin ? [] : caller.OrganisationIds.Where(caller.ActsFor).ToArray();
        var parameters = new DynamicParameters(new { CampaignId = campaignId, paging.Skip, paging.Take, Shared = false, Visible = visible });
        var visibleContact = caller.IsAdmin ? "1 = 1"
            : visible.Length == 0 ? "i.confidential = @Shared"
            : $"(i.confidential = @Shared OR {database.Dialect.InList("i.organisation_id", "Visible")})";
        var with = $"""
            {With(targeting, parameters, visibleContact)},
            p AS (SELECT DISTINCT g.department_code FROM organisations g JOIN campaign_organisations co ON co.organisation_id = g.id
                  WHERE co.campaign_id = @CampaignId AND g.department_code IS NOT NULL),
            gaps AS (SELECT t.official_id, t.role, t.department_code, t.group_label, r.last_visible_utc AS last_contact_utc,
                            CASE WHEN r.official_id IS NULL THEN 0 ELSE 1 END AS contacted, COALESCE(s.stance, 'unknown') AS stance,
                            CASE WHEN t.department_code IN (SELECT department_code FROM p) THEN 1 ELSE 0 END AS near
                     FROM t LEFT JOIN r ON r.official_id = t.official_id LEFT JOIN s ON s.official_id = t.official_id
                     WHERE r.reached IS NULL OR r.reached = 0)
            """;
        var total = await connection.ExecuteScalarAsync<long>(database.Command($"{with} SELECT COUNT(*) FROM gaps", parameters,
            cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<GapRow>(database.Command($"""
            {with}
            SELECT gaps.official_id, o.last_name, o.first_name, gaps.role, gaps.department_code, gaps.group_label, gaps.contacted,
                   gaps.last_contact_utc, gaps.stance, gaps.near
            FROM gaps JOIN officials o ON o.id = gaps.official_id
            ORDER BY gaps.contacted, CASE WHEN gaps.stance = 'unknown' THEN 0 ELSE 1 END, gaps.near DESC,
                     CASE gaps.role WHEN 'depute' THEN 0 WHEN 'senateur' THEN 1 WHEN 'maire' THEN 2 ELSE 3 END, o.last_name, o.first_name, o.id
            {database.Dialect.Paging}
            """, parameters, cancellationToken: cancellationToken));
        return new Page<Gap>(rows.Select(r => new Gap(r.OfficialId, r.LastName, r.FirstName, r.Role, r.DepartmentCode, r.GroupLabel, r.Contacted == 1,
            r.LastContactUtc, r.Stance, r.Near == 1)).ToList(), total);
    }

    /// <summary>The common table expressions: t (targets), r (their contacts on the campaign), s (their latest stance on it).</summary>
    private string With(CampaignTargeting targeting, DynamicParameters parameters, string visibleContact = "1 = 1") => $"""
        WITH matched AS ({targeting.MandatesSql(database.Dialect.InList, parameters)}),
        t AS (SELECT official_id, MIN(role) AS role, MIN(department_code) AS department_code, MAX(group_label) AS group_label
              FROM matched GROUP BY official_id),
        r AS (SELECT i.official_id, MAX(i.occurred_utc) AS last_contact_utc,
                     MAX(CASE WHEN {visibleContact} THEN i.occurred_utc END) AS last_visible_utc,
                     MAX(CASE WHEN i.outcome NOT IN ({NotReached}) THEN 1 ELSE 0 END) AS reached,
                     MAX(CASE WHEN i.direction = 'inbound' OR i.outcome IN ('replied', 'declined') THEN 1 ELSE 0 END) AS replied
              FROM interactions i WHERE i.campaign_id = @CampaignId GROUP BY i.official_id),
        s AS (SELECT p.official_id, p.stance FROM positions p
              WHERE p.campaign_id = @CampaignId
                AND NOT EXISTS (SELECT 1 FROM positions q WHERE q.campaign_id = @CampaignId AND q.official_id = p.official_id
                                  AND (q.stated_on > p.stated_on OR (q.stated_on = p.stated_on AND q.id > p.id))))
        """;

    private async Task<CampaignTargeting?> TargetingAsync(System.Data.Common.DbConnection connection, long campaignId, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<(long Id, string? Json)>(database.Command(
            "SELECT id, targeting_json FROM campaigns WHERE id = @campaignId", new { campaignId }, cancellationToken: cancellationToken));
        return row.Id == 0 ? null : CampaignTargeting.FromJson(row.Json) ?? CampaignTargeting.Default;
    }

    private static string Bucket(string by) => by switch
    {
        "department" => "t.department_code",
        "group" => "t.group_label",
        _ => "t.role",
    };

    private static string Label(string by) => by switch
    {
        "department" => "d.name",
        "group" => "t.group_label",
        _ => "t.role",
    };

    private static string Unlabelled(string by) => by switch
    {
        "department" => "Sans département",
        "group" => "Sans groupe connu",
        _ => "",
    };

    private sealed class Row
    {
        public string? Bucket { get; init; }
        public long? BucketId { get; init; }
        public string? Label { get; init; }
        public long Targets { get; init; }
        public long? Contacted { get; init; }
        public long? Reached { get; init; }
        public long? Responded { get; init; }
        public long? Supports { get; init; }
        public long? Neutral { get; init; }
        public long? Opposes { get; init; }
        public long? Unknown { get; init; }
    }

    private sealed class GapRow
    {
        public long OfficialId { get; init; }
        public string LastName { get; init; } = "";
        public string FirstName { get; init; } = "";
        public string Role { get; init; } = "";
        public string? DepartmentCode { get; init; }
        public string? GroupLabel { get; init; }
        public long Contacted { get; init; }
        public DateTime? LastContactUtc { get; init; }
        public string Stance { get; init; } = "";
        public long Near { get; init; }
    }
}
