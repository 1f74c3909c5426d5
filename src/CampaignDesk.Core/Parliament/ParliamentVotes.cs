using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;

namespace CampaignDesk.Core.Parliament;

/// <summary>An imported public vote (« scrutin »), as a coordinator looks for one to recommend.</summary>
/// <param name="Result">The publisher's outcome (« l'Assemblée nationale a adopté »), when it gives one.</param>
public sealed record ImportedVote(string Uid, DateOnly StatedOn, string Title, string? Result, string Url);

/// <summary>One page of imported votes, the newest first; <paramref name="More"/> when a next page holds some.</summary>
public sealed record ImportedVotePage(IReadOnlyList<ImportedVote> Items, int Page, int PageSize, bool More);

/// <summary>
/// The imported votes a campaign may recommend, found by words of their title or by their uid (« VTANR5L17V1000 »),
/// so a coordinator picks one from the page instead of typing the publisher's uid.
/// </summary>
public sealed class ParliamentVotes(Database database)
{
    public const int PageSize = 20;

    public Task<ImportedVotePage> SearchAsync(string? query, int? page, CancellationToken cancellationToken)
    {
        var number = Math.Max(1, page ?? 1);
        var words = query?.Trim() ?? "";
        var pattern = "%" + words.ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";
        return database.ReadAsync(async session =>
        {
            // One row more than the page says whether another page follows, without counting them all.
            var rows = (await session.QueryAsync<Row>($"""
                SELECT uid, stated_on, title, status, url FROM parliament_items
                WHERE kind = 'vote' AND (@words = '' OR LOWER(title) LIKE @pattern ESCAPE '\' OR uid = @words)
                ORDER BY stated_on DESC, uid {session.Dialect.Paging}
                """, new { words, pattern, Skip = (number - 1) * PageSize, Take = PageSize + 1 })).ToList();
            return new ImportedVotePage([.. rows.Take(PageSize).Select(r => r.ToVote())], number, PageSize, rows.Count > PageSize);
        }, cancellationToken);
    }

    private sealed class Row
    {
        public string Uid { get; init; } = "";
        public string StatedOn { get; init; } = "";
        public string Title { get; init; } = "";
        public string? Status { get; init; }
        public string Url { get; init; } = "";

        public ImportedVote ToVote() => new(Uid, IsoDate.Parse(StatedOn)!.Value, Title, Status, Url);
    }
}
