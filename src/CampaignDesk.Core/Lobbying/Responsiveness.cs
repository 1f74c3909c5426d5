using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Exports;
using CampaignDesk.Core.Interactions;
using CampaignDesk.Core.Officials;
using CampaignDesk.Core.Territories;

namespace CampaignDesk.Core.Lobbying;

/// <summary>
/// How officials answer, per official, group, mandate or département, for a campaign or a period. <see cref="Contacts"/>:
/// outbound interactions; <see cref="OfficialsContacted"/> and <see cref="OfficialsAnswered"/>: officials written to or met,
/// and those of them who answered (<see cref="AnswerRule"/>) after a first contact; <see cref="MedianDaysToAnswer"/>: for
/// each organisation and official, the days from its first contact to the first answer after it, their median;
/// <see cref="AutoReplyShare"/> and <see cref="BounceShare"/>: automatic replies and non-delivery reports over the e-mails sent.
/// </summary>
public sealed record ResponsivenessRow(string Key, string Label, int Contacts, int OfficialsContacted, int OfficialsAnswered, double? MedianDaysToAnswer,
    int EmailsSent, int AutoReplies, int Bounces, double? AutoReplyShare, double? BounceShare);

public sealed class Responsiveness(Database database)
{
    public static readonly IReadOnlyList<string> Dimensions = ["official", "group", "role", "department"];

    /// <summary>
    /// The figures by <paramref name="by"/>, for <paramref name="campaignId"/> or else the period [<paramref name="fromUtc"/>,
    /// <paramref name="toUtc"/>); each official is placed by its main mandate in force (the first in <see cref="Roles.All"/>).
    /// </summary>
    public async Task<IReadOnlyList<ResponsivenessRow>> ByAsync(string by, long? campaignId, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var where = campaignId is null ? "occurred_utc >= @fromUtc AND occurred_utc < @toUtc" : "campaign_id = @campaignId";
        var parameters = new { campaignId, fromUtc, toUtc };
        var (contacts, noise, mandates) = await database.ReadAsync(async session => (
            await session.QueryAsync<(long Organisation, long Official, string Channel, string Direction, string Outcome, DateTime At)>(
                $"SELECT organisation_id, official_id, channel, direction, outcome, occurred_utc FROM interactions WHERE {where}", parameters),
            await session.QueryAsync<(long Official, string Kind)>($"""
                SELECT official_id, kind FROM inbound_messages
                WHERE official_id IS NOT NULL AND kind IN ('auto_reply', 'bounce') AND {where.Replace("occurred_utc", "received_utc", StringComparison.Ordinal)}
                """, parameters),
            await session.QueryAsync<(long Official, string First, string Last, string Role, string? Department, string? Group)>("""
                SELECT m.official_id, o.first_name, o.last_name, m.role, m.department_code, m.group_label
                FROM mandates m JOIN officials o ON o.id = m.official_id
                WHERE m.end_date IS NULL AND m.official_id IN (SELECT official_id FROM interactions)
                """)), cancellationToken);
        var main = mandates.GroupBy(m => m.Official).ToDictionary(g => g.Key, g => g.OrderBy(m => Rank(m.Role)).First());
        string KeyOf(long official) => main.TryGetValue(official, out var m)
            ? by switch
            {
                "official" => $"{official}",
                "group" => m.Group ?? "",
                "role" => m.Role,
                _ => m.Department ?? "",
            }
            : by == "official" ? $"{official}" : "";
        string LabelOf(string key, long official) => by switch
        {
            "official" => main.TryGetValue(official, out var m) ? $"{m.First} {m.Last}" : $"n° {official}",
            "role" => key.Length == 0 ? "Sans mandat en cours" : RoleTitles.Collective(key),
            "department" => key.Length == 0 ? "Sans département" : DepartmentCatalog.Find(key)?.Name is { } name ? $"{key} {name}" : key,
            _ => key.Length == 0 ? "Sans groupe" : key,
        };

        var officials = contacts.Select(c => c.Official).Concat(noise.Select(n => n.Official)).Distinct();
        return [.. officials.GroupBy(KeyOf).Select(g =>
        {
            var set = g.ToHashSet();
            var mine = contacts.Where(c => set.Contains(c.Official)).ToList();
            var outbound = mine.Where(c => c.Direction != AnswerRule.Inbound).ToList();
            var delays = mine.GroupBy(c => (c.Organisation, c.Official)).Select(pair =>
            {
                var first = pair.Where(c => c.Direction != AnswerRule.Inbound).Select(c => (DateTime?)c.At).Min();
                var answer = first is null ? null : pair.Where(c => AnswerRule.Came(c.Direction, c.Outcome) && c.At >= first).Select(c => (DateTime?)c.At).Min();
                return answer is null ? (double?)null : (answer.Value - first!.Value).TotalDays;
            }).OfType<double>().ToList();
            var answered = mine.GroupBy(c => c.Official).Count(o => o.Any(c => AnswerRule.Came(c.Direction, c.Outcome)
                && o.Any(x => x.Direction != AnswerRule.Inbound && x.At <= c.At)));
            var emails = outbound.Count(c => c.Channel == "email");
            var autoReplies = noise.Count(n => set.Contains(n.Official) && n.Kind == "auto_reply");
            var bounces = noise.Count(n => set.Contains(n.Official) && n.Kind == "bounce");
            return new ResponsivenessRow(g.Key, LabelOf(g.Key, g.First()), outbound.Count, outbound.Select(c => c.Official).Distinct().Count(), answered,
                Median(delays), emails, autoReplies, bounces, Share(autoReplies, emails), Share(bounces, emails));
        }).OrderByDescending(r => r.Contacts).ThenBy(r => r.Label, StringComparer.Ordinal)];
    }

    private static int Rank(string role) => Roles.All.ToList().IndexOf(role) is var i and >= 0 ? i : int.MaxValue;

    private static double? Share(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);

    /// <summary>The median of the delays in days, rounded to a tenth; null without any.</summary>
    public static double? Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return Math.Round(sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2, 1);
    }

    public static ExportTable ToTable(string by, IReadOnlyList<ResponsivenessRow> rows) => new($"Réactivité par {By(by)}",
        [By(by), "Contacts", "Élus contactés", "Élus ayant répondu", "Délai médian de réponse (jours)", "Courriels envoyés", "Réponses automatiques",
            "Non-remises", "Part de réponses automatiques", "Part de non-remises"],
        rows.Select(r => (IReadOnlyList<object?>)[r.Label, r.Contacts, r.OfficialsContacted, r.OfficialsAnswered, r.MedianDaysToAnswer, r.EmailsSent,
            r.AutoReplies, r.Bounces, r.AutoReplyShare, r.BounceShare]));

    private static string By(string by) => by switch
    {
        "official" => "Élu·e",
        "group" => "Groupe",
        "role" => "Mandat",
        _ => "Département",
    };
}
