using S = DocumentFormat.OpenXml.Spreadsheet;

namespace CampaignDesk.Core.Exports;

/// <summary>
/// Column widths from the header and the first row, so dates do not open as ##### and the autofilter button does
/// not hide the header; the rows are streamed, so the first is the only one looked at.
/// </summary>
internal static class XlsxColumns
{
    private const int FilterButton = 3;
    private const int Min = 8;
    private const int Max = 60;

    public static S.Columns Widths(IReadOnlyList<string> headers, IReadOnlyList<object?>? first)
    {
        var columns = new S.Columns();
        for (var i = 0; i < headers.Count; i++)
        {
            var width = Math.Clamp(Math.Max(headers[i].Length + FilterButton, Width(first?[i])), Min, Max);
            var index = (uint)i + 1;
            columns.Append(new S.Column { Min = index, Max = index, Width = width + 1, CustomWidth = true });
        }

        return columns;
    }

    private static int Width(object? value) => value switch
    {
        string text => text.Length,
        DateOnly => 11,
        DateTime or DateTimeOffset => 19,
        null or bool => 0,
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)?.Length ?? 0,
    };
}
