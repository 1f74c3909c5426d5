using System.Data.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Text;
using Dapper;

namespace CampaignDesk.Core.Officials;

/// <summary>
/// Official search by name (<see cref="SearchQuery"/>): the engine's index gives the candidates (SQLite: the FTS5 word
/// table officials_fts, whose vocabulary gives the words within typos; PostgreSQL: pg_trgm under LIKE), each with the rank of its best mandate among those the filters
/// keep; the words are checked and the results ranked here, in C#, so that every engine returns the same page. Ranking:
/// the exact full name first, then officials with a mandate in progress before former ones, then the mandate's weight
/// (<see cref="Weights"/>), then how well the words matched, then alphabetical order.
/// </summary>
internal static class OfficialSearch
{
    public const string WordIndex = "officials_fts";

    /// <summary>Words of the vocabulary looked up for one typed word at most (the closest are not sorted first: a bound, not a choice).</summary>
    private const int MaxTypoWords = 500;

    /// <summary>The heaviest mandates first: a council's président, then the roles in this order; a former mandate after every current one.</summary>
    public static readonly IReadOnlyList<string> Weights =
        [Roles.Depute, Roles.Senateur, Roles.DeputeEuropeen, Roles.Maire, Roles.ConseillerRegional, Roles.ConseillerDepartemental,
            Roles.ConseillerArrondissement, Roles.ConseillerMunicipal];

    private const int Past = 100;

    /// <summary>A mandate's rank, lower is heavier (see <see cref="Weights"/>): current 0-99, ended 100-199.</summary>
    private static readonly string RankOfMandate =
        $"CASE WHEN m.end_date IS NULL THEN 0 ELSE {Past} END + CASE WHEN LOWER(m.function_label) LIKE 'pr_sident%' THEN 0 ELSE CASE m.role "
        + string.Join(" ", Weights.Select((role, i) => $"WHEN '{role}' THEN {10 * (i + 1)}")) + $" ELSE {10 * (Weights.Count + 1)} END END";

    public sealed record Hit(long Id, string Text, SearchMatch Match, int Rank);

    /// <summary>
    /// Every official that matches, ranked. <paramref name="mandate"/> is the condition one same mandate must meet
    /// (correlated on o.id); <paramref name="formerOnly"/> keeps officials with no mandate in progress.
    /// </summary>
    public static async Task<IReadOnlyList<Hit>> FindAsync(Database database, DbConnection connection, SearchQuery query, string mandate,
        bool formerOnly, DynamicParameters parameters, CancellationToken cancellationToken)
    {
        var hits = await PassAsync(database, connection, query, forgiving: false, mandate, formerOnly, parameters, cancellationToken);
        if (hits.Count == 0 && query.ForgivesTypos)
        {
            hits = await PassAsync(database, connection, query, forgiving: true, mandate, formerOnly, parameters, cancellationToken);
        }

        return hits.OrderBy(h => h.Match.Kind == SearchMatchKind.ExactName ? 0 : 1).ThenBy(h => h.Rank / Past).ThenBy(h => h.Rank % Past)
            .ThenBy(h => h.Match.Kind).ThenBy(h => h.Match.Typos).ThenBy(h => h.Text, StringComparer.Ordinal).ThenBy(h => h.Id).ToList();
    }

    private static async Task<List<Hit>> PassAsync(Database database, DbConnection connection, SearchQuery query, bool forgiving, string mandate,
        bool formerOnly, DynamicParameters parameters, CancellationToken cancellationToken)
    {
        Func<SearchToken, IEnumerable<string>>? typoWords = null;
        if (forgiving && database.Dialect.WordIndexTerms(WordIndex) is { } terms)
        {
            var vocabulary = (await connection.QueryAsync<string>(database.Command(terms, cancellationToken: cancellationToken))).AsList();
            typoWords = token => SearchQuery.WithinTypos(token, vocabulary).Take(MaxTypoWords);
        }

        var sql = CandidatesSql(database.Dialect, query.IndexGroups(forgiving, typoWords), mandate, formerOnly, parameters);
        var rows = await connection.QueryAsync<(long Id, string Text, int? Rank)>(database.Command(sql, parameters, cancellationToken: cancellationToken));
        var hits = new List<Hit>();
        foreach (var row in rows)
        {
            if (row.Rank is { } rank && query.Match(row.Text, forgiving) is { } match)
            {
                hits.Add(new Hit(row.Id, row.Text, match, rank));
            }
        }

        return hits;
    }

    /// <summary>The candidates (id, search_text, rank of the best mandate the filters keep, null for none) of the index's groups.</summary>
    internal static string CandidatesSql(SqlDialect dialect, IReadOnlyList<IReadOnlyList<SearchPiece>> groups, string mandate, bool formerOnly,
        DynamicParameters parameters) => $"""
        SELECT o.id, o.search_text, (SELECT MIN({RankOfMandate}) FROM mandates m WHERE {mandate}) AS rank
        FROM officials o WHERE {dialect.ContainsAll("o", WordIndex, groups, parameters)}
        {(formerOnly ? "AND NOT EXISTS (SELECT 1 FROM mandates a WHERE a.official_id = o.id AND a.end_date IS NULL)" : "")}
        """;
}
