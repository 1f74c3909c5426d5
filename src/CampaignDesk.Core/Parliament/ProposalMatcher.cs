using System.Text.Json;
using CampaignDesk.Core.Campaigns;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using Dapper;

namespace CampaignDesk.Core.Parliament;

/// <summary>
/// Turns parliament items into proposed positions: each item a campaign's watch finds (kinds, start date, ministries,
/// keywords in its title, indexation and text — never in the Government's answer) proposes a position for its author, if
/// the directory knows them (and, for a watch on the campaign's targets, if they are one); each member who voted on a vote
/// the campaign recommends proposes a <c>vote</c> position whose stance follows (<see cref="VoteStances"/>). A proposal is
/// made once per campaign, item and official, ever: a re-import or a dismissed proposal proposes nothing again.
/// </summary>
public sealed class ProposalMatcher(TimeProvider time)
{
    private const int PageSize = 500;

    /// <summary>Proposes what the watches and recommended votes of one campaign (or of all, when null) find; returns how many.</summary>
    public async Task<int> ProposeAsync(DbSession session, long? campaignId)
    {
        var identifiers = (await session.QueryAsync<(string Source, string Value, long OfficialId)>(
                "SELECT source, value, official_id FROM official_identifiers WHERE source IN ('assemblee', 'senat')"))
            .GroupBy(i => i.Source + ":" + i.Value).ToDictionary(g => g.Key, g => g.Min(i => i.OfficialId), StringComparer.Ordinal);
        var watches = await session.QueryAsync<WatchRow>("""
            SELECT id, campaign_id, keywords, ministries, kinds, since, scope FROM campaign_watches
            WHERE deleted_utc IS NULL AND (@campaignId IS NULL OR campaign_id = @campaignId) ORDER BY id
            """, new { campaignId });
        var proposed = 0;
        var existing = new Dictionary<long, HashSet<(long, long)>>();
        async Task<HashSet<(long Item, long Official)>> ExistingAsync(long campaign)
        {
            if (!existing.TryGetValue(campaign, out var keys))
            {
                keys = (await session.QueryAsync<(long, long)>("SELECT item_id, official_id FROM position_proposals WHERE campaign_id = @campaign",
                    new { campaign })).ToHashSet();
                existing[campaign] = keys;
            }

            return keys;
        }

        foreach (var watch in watches)
        {
            proposed += await WatchAsync(session, watch, identifiers, await ExistingAsync(watch.CampaignId));
        }

        var ballots = await session.QueryAsync<BallotRow>($"""
            SELECT r.campaign_id, r.item_id, r.recommendation, i.source, i.title, i.stated_on, p.person_ref, p.role
            FROM vote_recommendations r JOIN parliament_items i ON i.id = r.item_id JOIN parliament_item_people p ON p.item_id = r.item_id
            WHERE p.role IN ('{ParliamentRoles.For}', '{ParliamentRoles.Against}', '{ParliamentRoles.Abstention}')
              AND (@campaignId IS NULL OR r.campaign_id = @campaignId)
            ORDER BY r.campaign_id, r.item_id, p.person_ref
            """, new { campaignId });
        foreach (var ballot in ballots)
        {
            if (identifiers.TryGetValue(ballot.Source + ":" + ballot.PersonRef, out var official)
                && (await ExistingAsync(ballot.CampaignId)).Add((ballot.ItemId, official)))
            {
                await InsertAsync(session, ballot.CampaignId, ballot.ItemId, official, null, ParliamentKinds.Vote, ballot.Role, ballot.StatedOn,
                    ballot.Title, [], null, VoteStances.Follow(ballot.Recommendation, ballot.Role));
                proposed++;
            }
        }

        return proposed;
    }

    private async Task<int> WatchAsync(DbSession session, WatchRow watch, Dictionary<string, long> identifiers, HashSet<(long Item, long Official)> existing)
    {
        var matcher = new KeywordMatcher(JsonSerializer.Deserialize<string[]>(watch.Keywords) ?? []);
        var ministries = (JsonSerializer.Deserialize<string[]>(watch.Ministries) ?? []).Select(KeywordMatcher.Fold).ToList();
        var kinds = JsonSerializer.Deserialize<string[]>(watch.Kinds) is { Length: > 0 } listed ? listed : [.. ParliamentKinds.All];
        var targets = watch.Scope == WatchScopes.Targets ? await TargetsAsync(session, watch.CampaignId) : null;
        if (matcher.IsEmpty)
        {
            return 0;
        }

        var proposed = 0;
        long after = 0;
        while (true)
        {
            var page = await session.QueryAsync<ItemRow>($"""
                SELECT id, source, kind, title, subject, analyses, ministry, answering_ministry, body, stated_on FROM parliament_items
                WHERE id > @after AND kind <> '{ParliamentKinds.Vote}' AND (@since IS NULL OR stated_on >= @since)
                ORDER BY id {session.Dialect.Paging}
                """, new { after, since = watch.Since, Skip = 0, Take = PageSize });
            if (page.Count == 0)
            {
                return proposed;
            }

            after = page[^1].Id;
            var found = new List<(ItemRow Item, string Text, IReadOnlyList<KeywordMatch> Matches)>();
            foreach (var item in page.Where(i => kinds.Contains(i.Kind)))
            {
                if (ministries.Count > 0 && !ministries.Any(m => KeywordMatcher.Fold($"{item.Ministry} {item.AnsweringMinistry}").Contains(m, StringComparison.Ordinal)))
                {
                    continue;
                }

                var text = string.Join(" — ", new[] { item.Title, item.Subject, item.Analyses, item.Body }.Where(t => !string.IsNullOrWhiteSpace(t)));
                var matches = matcher.Find(text);
                if (matches.Count > 0)
                {
                    found.Add((item, text, matches));
                }
            }

            if (found.Count == 0)
            {
                continue;
            }

            var ids = found.Select(f => f.Item.Id).ToArray();
            var authors = (await session.QueryAsync<(long ItemId, string PersonRef)>(
                    $"SELECT item_id, person_ref FROM parliament_item_people WHERE role = '{ParliamentRoles.Author}' AND {session.Dialect.InList("item_id", "ids")}",
                    new { ids }))
                .ToLookup(a => a.ItemId, a => a.PersonRef);
            foreach (var (item, text, matches) in found)
            {
                foreach (var author in authors[item.Id])
                {
                    if (!identifiers.TryGetValue(item.Source + ":" + author, out var official) || (targets is not null && !targets.Contains(official))
                        || !existing.Add((item.Id, official)))
                    {
                        continue;
                    }

                    var (excerpt, highlights) = Excerpt.Around(text, matches);
                    await InsertAsync(session, watch.CampaignId, item.Id, official, watch.Id, item.Kind, ParliamentRoles.Author, item.StatedOn, excerpt,
                        highlights, string.Join(" ; ", matches.Select(m => m.Keyword).Distinct()), null);
                    proposed++;
                }
            }
        }
    }

    private async Task InsertAsync(DbSession session, long campaign, long item, long official, long? watch, string kind, string role, string statedOn,
        string excerpt, IReadOnlyList<int[]> highlights, string? matched, string? stance) =>
        await session.ExecuteAsync("""
            INSERT INTO position_proposals (campaign_id, item_id, official_id, watch_id, kind, role, stated_on, excerpt, highlights, matched,
                suggested_stance, state, created_utc)
            VALUES (@campaign, @item, @official, @watch, @kind, @role, @statedOn, @excerpt, @highlights, @matched, @stance, 'waiting', @now)
            """, new
        {
            campaign,
            item,
            official,
            watch,
            kind,
            role,
            statedOn,
            excerpt,
            highlights = JsonSerializer.Serialize(highlights),
            matched,
            stance,
            now = time.GetUtcNow().UtcDateTime,
        });

    /// <summary>The officials the campaign targets, as its coverage counts them.</summary>
    private static async Task<HashSet<long>> TargetsAsync(DbSession session, long campaignId)
    {
        var targeting = CampaignTargeting.FromJson(await session.ScalarAsync<string?>("SELECT targeting_json FROM campaigns WHERE id = @campaignId",
            new { campaignId })) ?? CampaignTargeting.Default;
        var parameters = new DynamicParameters();
        parameters.Add("CampaignId", campaignId);
        var sql = $"WITH matched AS ({targeting.MandatesSql(session.Dialect.InList, parameters)}) SELECT DISTINCT official_id FROM matched";
        return (await session.QueryAsync<long>(sql, parameters)).ToHashSet();
    }

    private sealed class WatchRow
    {
        public long Id { get; init; }
        public long CampaignId { get; init; }
        public string Keywords { get; init; } = "";
        public string Ministries { get; init; } = "";
        public string Kinds { get; init; } = "";
        public string? Since { get; init; }
        public string Scope { get; init; } = "";
    }

    private sealed class ItemRow
    {
        public long Id { get; init; }
        public string Source { get; init; } = "";
        public string Kind { get; init; } = "";
        public string Title { get; init; } = "";
        public string? Subject { get; init; }
        public string? Analyses { get; init; }
        public string? Ministry { get; init; }
        public string? AnsweringMinistry { get; init; }
        public string? Body { get; init; }
        public string StatedOn { get; init; } = "";
    }

    private sealed class BallotRow
    {
        public long CampaignId { get; init; }
        public long ItemId { get; init; }
        public string Recommendation { get; init; } = "";
        public string Source { get; init; } = "";
        public string Title { get; init; } = "";
        public string StatedOn { get; init; } = "";
        public string PersonRef { get; init; } = "";
        public string Role { get; init; } = "";
    }
}

public static class WatchScopes
{
    public const string Targets = "targets";
    public const string Anyone = "anyone";

    public static readonly IReadOnlyList<string> All = [Targets, Anyone];
}

/// <summary>
/// The stance a member's vote takes on a vote the campaign recommends: voting as recommended supports the campaign, voting
/// the other way opposes it, abstaining is neutral (the member voted and chose neither side). A member who did not vote
/// (non-votant, or absent) took no position: nothing is proposed, their stance stays unknown.
/// </summary>
public static class VoteStances
{
    public static readonly IReadOnlyList<string> Recommendations = [ParliamentRoles.For, ParliamentRoles.Against];

    public static string Follow(string recommendation, string ballot) =>
        ballot == ParliamentRoles.Abstention ? "neutral" : ballot == recommendation ? "supports" : "opposes";
}
