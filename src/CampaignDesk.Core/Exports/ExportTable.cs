namespace CampaignDesk.Core.Exports;

/// <summary>
/// A table to export: a sheet or file title, column headers, and rows streamed once (never all in memory).
/// </summary>
/// <param name="Rows">
/// Enumerated exactly once, row by row, with the writer's cancellation token (an aborted download stops the query), so an
/// unbuffered query can feed up to a million rows. Each row has one cell per header; a cell is null, string, bool, int,
/// long, decimal, double, <see cref="DateOnly"/>, <see cref="DateTime"/> (UTC; written in Europe/Paris) or
/// <see cref="DateTimeOffset"/>.
/// </param>
public sealed record ExportTable(string Title, IReadOnlyList<string> Headers, IAsyncEnumerable<IReadOnlyList<object?>> Rows)
{
    /// <summary>A table whose rows are already computed (coverage, gaps): read as they come, between checks of the cancellation.</summary>
    public ExportTable(string title, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
        : this(title, headers, rows?.ToAsyncEnumerable()!)
    {
    }
}
