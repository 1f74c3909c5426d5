using System.Text.Json;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Officials;
using Dapper;

namespace CampaignDesk.Core.Campaigns;

/// <summary>Officials holding one of <paramref name="Roles"/> in the territories <paramref name="Where"/> names.</summary>
public sealed record TargetRule(IReadOnlyList<string> Roles, string Where, IReadOnlyList<string>? Departments = null);

/// <summary>
/// Who a campaign targets: the current holders of the seats its rules describe, plus an explicit list of officials.
/// Targets are resolved from the directory at each read, so when a seat changes holder the new holder becomes the
/// target; the former holder's interactions and positions stay in their history.
/// </summary>
public sealed record CampaignTargeting(IReadOnlyList<TargetRule> Rules, IReadOnlyList<long>? OfficialIds = null)
{
    public const int MaxRules = 20;
    /// <summary>Kept under SQL Server's 2,100 parameters per statement.</summary>
    public const int MaxOfficials = 2_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static class Scopes
    {
        public const string Everywhere = "everywhere";
        public const string Departments = "departments";
        public const string DepartmentsOfParticipants = "departments_of_participants";
        public const string CommunesOfParticipants = "communes_of_participants";
        public const string CirconscriptionsOfParticipants = "circonscriptions_of_participants";

        public static readonly IReadOnlyList<string> All =
            [Everywhere, Departments, DepartmentsOfParticipants, CommunesOfParticipants, CirconscriptionsOfParticipants];
    }

    /// <summary>"Every député and sénateur of the départements where a participating structure stands, plus the maires of their communes."</summary>
    public static CampaignTargeting Default { get; } = new(
        [new TargetRule([Roles.Depute, Roles.Senateur], Scopes.DepartmentsOfParticipants), new TargetRule([Roles.Maire], Scopes.CommunesOfParticipants)]);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static CampaignTargeting? FromJson(string? json) => json is null ? null : JsonSerializer.Deserialize<CampaignTargeting>(json, Json);

    public void Validate(Errors errors)
    {
        if (Rules is null || Rules.Count > MaxRules)
        {
            errors.Add("targeting.rules", Messages.TargetingRulesTooMany, MaxRules);
            return;
        }

        for (var i = 0; i < Rules.Count; i++)
        {
            var rule = Rules[i];
            if (rule is null)
            {
                errors.Add($"targeting.rules[{i}]", Messages.TargetingRuleShape);
                continue;
            }

            if (rule.Roles is not { Count: > 0 } || rule.Roles.Any(r => !Roles.All.Contains(r)))
            {
                errors.Add($"targeting.rules[{i}].roles", Messages.TargetingRoles, Roles.All);
            }

            if (!Scopes.All.Contains(rule.Where))
            {
                errors.Add($"targeting.rules[{i}].where", Messages.OneOf, Scopes.All);
            }
            else if (rule.Where == Scopes.Departments
                && (rule.Departments is not { Count: > 0 and <= 200 } || rule.Departments.Any(d => string.IsNullOrWhiteSpace(d) || d.Length > 3)))
            {
                errors.Add($"targeting.rules[{i}].departments", Messages.TargetingDepartments);
            }
        }

        if (OfficialIds is { Count: > MaxOfficials })
        {
            errors.Add("targeting.officialIds", Messages.TargetingOfficialsTooMany, MaxOfficials);
        }
    }

    /// <summary>
    /// A query of (official_id, role, department_code, group_label) for every active mandate that makes an official a
    /// target of campaign <c>@CampaignId</c>. Each rule adds its parameters to <paramref name="parameters"/>. With
    /// <paramref name="participantsGiven"/>, the participating organisations are the parameter <c>@Participants</c> (a
    /// preview of rules not saved yet) instead of the campaign's.
    /// </summary>
    internal string MandatesSql(Func<string, string, string> inList, DynamicParameters parameters, bool participantsGiven = false)
    {
        var participating = participantsGiven
            ? inList("o.id", "Participants")
            : "o.id IN (SELECT co.organisation_id FROM campaign_organisations co WHERE co.campaign_id = @CampaignId)";
        var participants = $"SELECT o.{{0}} FROM organisations o WHERE {participating} AND o.{{0}} IS NOT NULL";
        var parts = new List<string>();
        for (var i = 0; i < Rules.Count; i++)
        {
            var rule = Rules[i];
            parameters.Add($"Roles{i}", rule.Roles.ToArray());
            var territory = rule.Where switch
            {
                Scopes.Departments => AddDepartments(i, rule, parameters, inList),
                Scopes.DepartmentsOfParticipants => $"m.department_code IN ({string.Format(null, participants, "department_code")})",
                Scopes.CommunesOfParticipants => $"m.commune_insee IN ({string.Format(null, participants, "commune_insee")})",
                Scopes.CirconscriptionsOfParticipants => $"""
                    m.circonscription_code IN (
                        SELECT COALESCE(o.circonscription_code, cc.circonscription_code)
                        FROM organisations o LEFT JOIN commune_circonscriptions cc ON cc.commune_insee = o.commune_insee
                        WHERE {participating})
                    """,
                _ => "1 = 1",
            };
            parts.Add($"""
                SELECT m.official_id, m.role, m.department_code, m.group_label FROM mandates m
                WHERE m.end_date IS NULL AND {inList("m.role", $"Roles{i}")} AND {territory}
                """);
        }

        if (OfficialIds is { Count: > 0 })
        {
            parameters.Add("TargetOfficials", OfficialIds.Distinct().ToArray());
            // An official named explicitly stays a target even without a current mandate.
            parts.Add($"""
                SELECT o.id AS official_id, COALESCE(m.role, 'autre') AS role, m.department_code, m.group_label
                FROM officials o LEFT JOIN mandates m ON m.official_id = o.id AND m.end_date IS NULL
                WHERE {inList("o.id", "TargetOfficials")}
                """);
        }

        return parts.Count == 0 ? "SELECT official_id, role, department_code, group_label FROM mandates WHERE 1 = 0" : string.Join("\nUNION ALL\n", parts);
    }

    private static string AddDepartments(int i, TargetRule rule, DynamicParameters parameters, Func<string, string, string> inList)
    {
        parameters.Add($"Departments{i}", rule.Departments!.Select(d => d.Trim().ToUpperInvariant()).ToArray());
        return inList("m.department_code", $"Departments{i}");
    }
}
