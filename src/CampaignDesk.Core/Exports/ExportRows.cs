using System.Runtime.CompilerServices;

namespace CampaignDesk.Core.Exports;

/// <summary>What the two writers check the same way: the table's shape, the row length and the cell types.</summary>
internal static class ExportRows
{
    public static void CheckTable(ExportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(table.Title, nameof(table));
        ArgumentNullException.ThrowIfNull(table.Headers, nameof(table));
        ArgumentNullException.ThrowIfNull(table.Rows, nameof(table));
        if (table.Headers.Count == 0 || table.Headers.Any(h => h is null))
        {
            throw new ArgumentException("An export needs at least one column, and every header must be set.", nameof(table));
        }
    }

    /// <summary>
    /// Enumerates the rows once, checking each one's length and the cancellation between rows; the token also reaches the
    /// rows' source (its query stops when the request is aborted).
    /// </summary>
    public static async IAsyncEnumerable<IReadOnlyList<object?>> EnumerateAsync(ExportTable table,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var number = 0;
        await foreach (var row in table.Rows.WithCancellation(cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            number++;
            if (row is null || row.Count != table.Headers.Count)
            {
                throw new ArgumentException(
                    $"Row {number} has {row?.Count ?? 0} cells, the table has {table.Headers.Count} columns.", nameof(table));
            }

            yield return row;
        }
    }

    public static ArgumentException Unsupported(ExportTable table, int column, object value) =>
        new($"Column '{table.Headers[column]}': a {value.GetType().Name} cannot be exported "
            + "(null, string, bool, int, long, decimal, double, DateOnly, DateTime or DateTimeOffset).", nameof(table));

    public static ArgumentException NotFinite(ExportTable table, int column, double value) =>
        new($"Column '{table.Headers[column]}': {value} is not a finite number, which a spreadsheet cannot hold.", nameof(table));

    /// <summary>
    /// Exports are read by people in France: a time shows in Europe/Paris, as their clocks read it. A
    /// <see cref="DateTimeKind.Local"/> value is converted; an unspecified one is read as UTC, like the values Dapper hands
    /// back from our UTC columns.
    /// </summary>
    public static DateTime Paris(DateTime value) => TimeZoneInfo.ConvertTimeFromUtc(value.Kind switch
    {
        DateTimeKind.Local => value.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => value,
    }, Common.ParisTime.Zone);

    public static DateTime Paris(DateTimeOffset value) => TimeZoneInfo.ConvertTimeFromUtc(value.UtcDateTime, Common.ParisTime.Zone);

    /// <summary>French dates and times, as French Excel types and reads them back: 30/03/2026 and 30/03/2026 01:30:05.</summary>
    public const string DateFormat = "dd/MM/yyyy";

    public const string DateTimeFormat = "dd/MM/yyyy HH:mm:ss";
}
