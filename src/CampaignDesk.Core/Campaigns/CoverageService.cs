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
/// <param name="Title">The role's French title agreed with the official's sex (« Députée », « Sénateur »).</param>
public sealed record Gap(long OfficialId, string LastName, string FirstName, string Role, string? DepartmentCode, string? GroupLabel, bool Contacted,
    DateTime? LastContactUtc, string Stance, bool InParticipantDepartment, string? Sex, string Title)
{
    /// <summary>Why the gap stands where it does in the ranking, in French: each of the ranking's criteria, in its order.</summary>
    public string Reason => GapReasons.Of(this);
}

/// <summary>
/// National coverage of a campaign. A target is <b>contacted</b> by any interaction on the campaign, <b>reached</b> by
/// one whose outcome is not sent, left_message or unreachable, and has <b>responded</b> with an inbound interaction,
/// an outcome replied or declined, or a position on the campaign; its stance is that of its latest position on the
/// campaign (unknown without one). Confidential interactions count (the numbers say nothing of their content).
/// An official targeted through several mandates counts once, under the first of its roles in alphabetical order.
/// By organisation, each participating organisation's ground: the targets of its département, how many of them it
/// contacted itself (its confidential contacts only for those who may read them), and of those how many are reached,
/// have responded and with which stance.
/// </summary>
public sealed class CoverageService(Database database)
{
    public static readonly IReadOnlyList<string> Dimensions = ["department", "group", "role", "organisation"];

    private static readonly Dictionary<string, string> DimensionNames = new(StringComparer.Ordinal)
    {
        ["department"] = "département",
        ["group"] = "groupe politique",
        ["role"] = "mandat",
        ["organisation"] = "structure",
    };

    /// <summary>The coverage as an admin sees it: by organisation, every organisation's contacts are its own.</summary>
    public Task<Coverage?> CoverageAsync(long campaignId, string by, CancellationToken cancellationToken) =>
        CoverageAsync(Caller.BootstrapAdmin, campaignId, by, cancellationToken);

    /// <summary>
    /// The coverage as <paramref name="caller"/> may see it. The national numbers count every contact; by organisation, an
    /// organisation's confidential contacts count as its own only for those who may read its confidential notes (its
    /// members and admins): nobody else learns from the table that it contacted an élu.
    /// </summary>
    public async Task<Coverage?> CoverageAsync(Caller caller, long campaignId, string by, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var targeting = await TargetingAsync(connection, campaignId, cancellationToken);
        if (targeting is null)
        {
            return null;
        }

        var visible = caller.IsAdmin ? [] : caller.OrganisationIds.Where(caller.ActsFor).ToArray();
        var parameters = new DynamicParameters(new { CampaignId = campaignId, Visible = visible });
        var with = With(targeting, parameters);
        var attributable = caller.IsAdmin ? ""
            : visible.Length == 0 ? "AND c.last_shared_contact_utc IS NOT NULL"
            : $"AND (c.last_shared_contact_utc IS NOT NULL OR {database.Dialect.InList("c.organisation_id", "Visible")})";
        var rows = by == "organisation"
            ? await connection.QueryAsync<Row>(database.Command($"""
                {with},
                ground AS (SELECT g.id AS organisation_id, COUNT(*) AS targets, COUNT(c.official_id) AS contacted,
                                  SUM(CASE WHEN c.official_id IS NOT NULL AND p.reached = 1 THEN 1 ELSE 0 END) AS reached,
                                  SUM(CASE WHEN c.official_id IS NOT NULL AND (p.replied = 1 OR p.stance IS NOT NULL) THEN 1 ELSE 0 END) AS responded,
                                  SUM(CASE WHEN c.official_id IS NOT NULL AND p.stance = 'supports' THEN 1 ELSE 0 END) AS supports,
                                  SUM(CASE WHEN c.official_id IS NOT NULL AND p.stance = 'neutral' THEN 1 ELSE 0 END) AS neutral,
                                  SUM(CASE WHEN c.official_id IS NOT NULL AND p.stance = 'opposes' THEN 1 ELSE 0 END) AS opposes,
                                  SUM(CASE WHEN c.official_id IS NOT NULL AND (p.stance IS NULL OR p.stance = 'unknown') THEN 1 ELSE 0 END) AS unknown
                           FROM t JOIN organisations g ON g.department_code = t.department_code
                           JOIN campaign_organisations co ON co.campaign_id = @CampaignId AND co.organisation_id = g.id
                           LEFT JOIN campaign_contacts c ON c.campaign_id = @CampaignId AND c.organisation_id = g.id AND c.official_id = t.official_id
                                     {attributable}
                           LEFT JOIN campaign_progress p ON p.campaign_id = @CampaignId AND p.official_id = c.official_id
                           GROUP BY g.id)
                SELECT g.id AS bucket_id, g.name AS label, COALESCE(ground.targets, 0) AS targets, ground.contacted, ground.reached, ground.responded,
                       ground.supports, ground.neutral, ground.opposes, ground.unknown
                FROM campaign_organisations co JOIN organisations g ON g.id = co.organisation_id
                LEFT JOIN ground ON ground.organisation_id = g.id
                WHERE co.campaign_id = @CampaignId
                ORDER BY g.name, g.id
                """, parameters, cancellationToken: cancellationToken))
            : await connection.QueryAsync<Row>(database.Command($"""
                {with}
                SELECT {Bucket(by)} AS bucket, {Label(by)} AS label, COUNT(*) AS targets,
                       SUM(CASE WHEN p.last_contact_utc IS NOT NULL THEN 1 ELSE 0 END) AS contacted,
                       SUM(CASE WHEN p.reached = 1 THEN 1 ELSE 0 END) AS reached,
                       SUM(CASE WHEN p.replied = 1 OR p.stance IS NOT NULL THEN 1 ELSE 0 END) AS responded,
                       SUM(CASE WHEN p.stance = 'supports' THEN 1 ELSE 0 END) AS supports,
                       SUM(CASE WHEN p.stance = 'neutral' THEN 1 ELSE 0 END) AS neutral,
                       SUM(CASE WHEN p.stance = 'opposes' THEN 1 ELSE 0 END) AS opposes,
                       SUM(CASE WHEN p.stance IS NULL OR p.stance = 'unknown' THEN 1 ELSE 0 END) AS unknown
                FROM t LEFT JOIN campaign_progress p ON p.campaign_id = @CampaignId AND p.official_id = t.official_id
                {(by == "department" ? "LEFT JOIN departments d ON d.code = t.department_code" : "")}
                GROUP BY {Bucket(by)}{(by == "department" ? ", d.name" : "")}
                ORDER BY {Bucket(by)}
                """, parameters, cancellationToken: cancellationToken));
        var buckets = rows.Select(r => new CoverageBucket(r.BucketId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? r.Bucket ?? "",
            by == "role" && r.Bucket is { } role ? Officials.RoleTitles.Collective(role) : r.Label ?? r.Bucket ?? Unlabelled(by), (int)r.Targets, (int)(r.Contacted ?? 0),
            (int)(r.Reached ?? 0), (int)(r.Responded ?? 0), (int)(r.Supports ?? 0), (int)(r.Neutral ?? 0), (int)(r.Opposes ?? 0), (int)(r.Unknown ?? 0)))
            .ToList();
        var total = by == "organisation"
            ? (await CoverageAsync(caller, campaignId, "role", cancellationToken))!.Total
            : new CoverageBucket("", "Total", buckets.Sum(b => b.Targets), buckets.Sum(b => b.Contacted), buckets.Sum(b => b.Reached),
                buckets.Sum(b => b.Responded), buckets.Sum(b => b.Supports), buckets.Sum(b => b.Neutral), buckets.Sum(b => b.Opposes), buckets.Sum(b => b.Unknown));
        return new Coverage(campaignId, by, total, buckets);
    }

    /// <summary>The coverage as a table to export, in French: one line per bucket, then the total.</summary>
    public static Exports.ExportTable ToTable(Coverage coverage) => new($"Couverture par {DimensionNames.GetValueOrDefault(coverage.By, coverage.By)}",
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
        var parameters = new DynamicParameters(new { CampaignId = campaignId, paging.Skip, paging.Take, Visible = visible });
        // The date of the last contact the caller may see: a shared one, or one of their own organisations' (confidential or
        // not). Computed for the page only, after the ranking, from the per-organisation summary.
        var lastVisible = caller.IsAdmin ? "page.last_contact_utc"
            : visible.Length == 0 ? "page.last_shared_contact_utc"
            : $"""
                CASE WHEN mine.last_contact_utc IS NULL OR mine.last_contact_utc < page.last_shared_contact_utc THEN page.last_shared_contact_utc
                     ELSE mine.last_contact_utc END
                """;
        var mine = caller.IsAdmin || visible.Length == 0 ? "" : $"""
            LEFT JOIN (SELECT c.official_id, MAX(c.last_contact_utc) AS last_contact_utc FROM campaign_contacts c
                       WHERE c.campaign_id = @CampaignId AND {database.Dialect.InList("c.organisation_id", "Visible")}
                       GROUP BY c.official_id) mine ON mine.official_id = page.official_id
            """;
        var with = With(targeting, parameters);
        var rows = (await connection.QueryAsync<GapRow>(database.Command($"""
            {with},
            participant_departments AS (SELECT DISTINCT g.department_code FROM organisations g JOIN campaign_organisations co ON co.organisation_id = g.id
                     WHERE co.campaign_id = @CampaignId AND g.department_code IS NOT NULL),
            page AS (SELECT t.official_id, o.last_name, o.first_name, o.sex, t.role, t.department_code, t.group_label,
                            p.last_contact_utc, p.last_shared_contact_utc,
                            CASE WHEN p.last_contact_utc IS NULL THEN 0 ELSE 1 END AS contacted, COALESCE(p.stance, 'unknown') AS stance,
                            CASE WHEN t.department_code IN (SELECT department_code FROM participant_departments) THEN 1 ELSE 0 END AS near,
                            CASE t.role WHEN 'depute' THEN 0 WHEN 'senateur' THEN 1 WHEN 'maire' THEN 2 ELSE 3 END AS role_rank,
                            COUNT(*) OVER () AS total
                     FROM t JOIN officials o ON o.id = t.official_id
                     LEFT JOIN campaign_progress p ON p.campaign_id = @CampaignId AND p.official_id = t.official_id
                     WHERE p.reached IS NULL OR p.reached = 0
                     ORDER BY contacted, CASE WHEN COALESCE(p.stance, 'unknown') = 'unknown' THEN 0 ELSE 1 END, near DESC, role_rank,
                              o.last_name, o.first_name, o.id
                     {database.Dialect.Paging})
            SELECT page.official_id, page.last_name, page.first_name, page.sex, page.role, page.department_code, page.group_label, page.contacted,
                   {lastVisible} AS last_contact_utc, page.stance, page.near, page.total
            FROM page {mine}
            ORDER BY page.contacted, CASE WHEN page.stance = 'unknown' THEN 0 ELSE 1 END, page.near DESC, page.role_rank,
                     page.last_name, page.first_name, page.official_id
            """, parameters, cancellationToken: cancellationToken))).ToList();
        var total = rows.Count > 0 ? rows[0].Total
            : await connection.ExecuteScalarAsync<long>(database.Command($"""
                {with}
                SELECT COUNT(*) FROM t LEFT JOIN campaign_progress p ON p.campaign_id = @CampaignId AND p.official_id = t.official_id
                WHERE p.reached IS NULL OR p.reached = 0
                """, parameters, cancellationToken: cancellationToken));
        return new Page<Gap>(rows.Select(r => new Gap(r.OfficialId, r.LastName, r.FirstName, r.Role, r.DepartmentCode, r.GroupLabel, r.Contacted == 1,
            r.LastContactUtc, r.Stance, r.Near == 1, r.Sex, Officials.RoleTitles.Of(r.Role, r.Sex))).ToList(), total);
    }

    /// <summary>The targets of the campaign, t: one row per official, under the first of its roles in alphabetical order.</summary>
    private string With(CampaignTargeting targeting, DynamicParameters parameters) => $"""
        WITH matched AS ({targeting.MandatesSql(database.Dialect.InList, parameters)}),
        t AS (SELECT official_id, MIN(role) AS role, MIN(department_code) AS department_code, MAX(group_label) AS group_label
              FROM matched GROUP BY official_id)
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
        public string? Sex { get; init; }
        public string Role { get; init; } = "";
        public string? DepartmentCode { get; init; }
        public string? GroupLabel { get; init; }
        public long Contacted { get; init; }
        public DateTime? LastContactUtc { get; init; }
        public string Stance { get; init; } = "";
        public long Near { get; init; }
        public long Total { get; init; }
    }
}
