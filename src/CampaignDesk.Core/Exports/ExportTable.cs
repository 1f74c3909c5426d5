namespace CampaignDesk.Core.Exports;

/// <summary>
/// A table to export: a sheet or file title, column headers, and rows streamed once (never all in memory).
/// </summary>
/// <param name="Rows">
/// Enumerated exactly once, row by row, so an unbuffered query can feed up to a million rows. Each row has one cell
/// per header; a cell is null, string, bool, int, long, decimal, double, <see cref="DateOnly"/>,
/// <see cref="DateTime"/> (UTC; written in Europe/Paris) or <see cref="DateTimeOffset"/>.
/// </param>
public sealed record ExportTable(string Title, IReadOnlyList<string> Headers, IEnumerable<IReadOnlyList<object?>> Rows);
