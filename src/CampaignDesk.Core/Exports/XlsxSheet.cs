using System.Globalization;
using DocumentFormat.OpenXml;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace CampaignDesk.Core.Exports;

/// <summary>
/// Streams the worksheet XML with <see cref="OpenXmlWriter"/>: cells are written as start/end tags and strings, not
/// built as elements, which keeps a million rows fast and the heap flat.
/// </summary>
internal sealed class XlsxSheet
{
    /// <summary>Excel's sheet has 1,048,576 rows; one is the header.</summary>
    public const int MaxDataRows = 1_048_575;

    /// <summary>Excel keeps 15 significant digits: a longer integer (an identifier) is written as text, intact.</summary>
    private const long MaxExactInteger = 999_999_999_999_999;

    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";
    private static readonly DateOnly FirstExcelDate = new(1900, 3, 1);

    // Element templates: OpenXmlWriter takes only their names from them.
    private readonly S.Row _row = new();
    private readonly S.Cell _cell = new();
    private readonly S.CellValue _value = new();
    private readonly S.InlineString _inline = new();
    private readonly S.Text _text = new();
    private readonly OpenXmlWriter _writer;
    private readonly ExportTable _table;
    private readonly string[] _columns;

    private XlsxSheet(OpenXmlWriter writer, ExportTable table, string[] columns) => (_writer, _table, _columns) = (writer, table, columns);

    /// <returns>The number of data rows written.</returns>
    /// <remarks>The rows are awaited; the XML goes synchronously to <paramref name="part"/>, a part of a package in a temporary file.</remarks>
    public static async Task<int> WriteAsync(Stream part, ExportTable table, string[] columns, CancellationToken cancellationToken)
    {
        await using var rows = ExportRows.EnumerateAsync(table, cancellationToken).GetAsyncEnumerator(cancellationToken);
        // The first row is read before the sheet starts, to size the columns: <cols> comes before <sheetData>.
        var first = await rows.MoveNextAsync() ? rows.Current : null;
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartDocument();
        writer.WriteStartElement(new S.Worksheet());
        writer.WriteElement(new S.SheetViews(new S.SheetView(
            new S.Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = S.PaneValues.BottomLeft, State = S.PaneStateValues.Frozen },
            new S.Selection { Pane = S.PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        { TabSelected = true, WorkbookViewId = 0 }));
        writer.WriteElement(XlsxColumns.Widths(table.Headers, first));
        writer.WriteStartElement(new S.SheetData());
        var sheet = new XlsxSheet(writer, table, columns);
        sheet.WriteRow(1, table.Headers.Select(h => (object?)h).ToList(), XlsxStyles.Bold);
        var count = 0;
        for (var row = first; row is not null; row = await rows.MoveNextAsync() ? rows.Current : null)
        {
            if (++count > MaxDataRows)
            {
                throw new ArgumentException($"Excel shows at most {MaxDataRows} rows a sheet: export this table as CSV.", nameof(table));
            }

            sheet.WriteRow(count + 1, row, textStyle: null);
        }

        writer.WriteEndElement();
        writer.WriteElement(new S.AutoFilter { Reference = $"A1:{columns[^1]}{count + 1}" });
        writer.WriteEndElement();
        return count;
    }

    private void WriteRow(int number, IReadOnlyList<object?> row, uint? textStyle)
    {
        var suffix = number.ToString(CultureInfo.InvariantCulture);
        _writer.WriteStartElement(_row, [new OpenXmlAttribute("r", "", suffix)]);
        for (var column = 0; column < _columns.Length; column++)
        {
            var reference = _columns[column] + suffix;
            switch (row[column])
            {
                case null:
                    break;
                case string text:
                    Text(reference, text, textStyle);
                    break;
                case bool b:
                    Value(reference, b ? "1" : "0", "b", style: null);
                    break;
                case int i:
                    Value(reference, i.ToString(CultureInfo.InvariantCulture), type: null, style: null);
                    break;
                case long l when Math.Abs((decimal)l) <= MaxExactInteger:
                    Value(reference, l.ToString(CultureInfo.InvariantCulture), type: null, style: null);
                    break;
                case long l:
                    Text(reference, l.ToString(CultureInfo.InvariantCulture), style: null);
                    break;
                case decimal m:
                    Value(reference, m.ToString(CultureInfo.InvariantCulture), type: null, style: null);
                    break;
                case double d when double.IsFinite(d):
                    Value(reference, d.ToString("R", CultureInfo.InvariantCulture), type: null, style: null);
                    break;
                case double d:
                    throw ExportRows.NotFinite(_table, column, d);
                case DateOnly date:
                    Date(reference, date.ToDateTime(TimeOnly.MinValue), XlsxStyles.Date);
                    break;
                case DateTime at:
                    Date(reference, ExportRows.Paris(at), XlsxStyles.DateTime);
                    break;
                case DateTimeOffset at:
                    Date(reference, ExportRows.Paris(at), XlsxStyles.DateTime);
                    break;
                case var other:
                    throw ExportRows.Unsupported(_table, column, other);
            }
        }

        _writer.WriteEndElement();
    }

    /// <summary>
    /// A date is a serial number with a date format. Excel's serials start in 1900 and are off by one before
    /// 1 March 1900 (its 29 February 1900), so an earlier date is written as French text instead of a wrong date.
    /// </summary>
    private void Date(string reference, DateTime value, uint style)
    {
        if (DateOnly.FromDateTime(value) < FirstExcelDate)
        {
            Text(reference, value.ToString(style == XlsxStyles.Date ? ExportRows.DateFormat : ExportRows.DateTimeFormat, CultureInfo.InvariantCulture), null);
            return;
        }

        Value(reference, value.ToOADate().ToString("R", CultureInfo.InvariantCulture), type: null, style);
    }

    private void Value(string reference, string value, string? type, uint? style)
    {
        _writer.WriteStartElement(_cell, CellAttributes(reference, type, style));
        _writer.WriteStartElement(_value);
        _writer.WriteString(value);
        _writer.WriteEndElement();
        _writer.WriteEndElement();
    }

    private void Text(string reference, string text, uint? style)
    {
        var value = XlsxText.Cell(text);
        _writer.WriteStartElement(_cell, CellAttributes(reference, "inlineStr", style));
        _writer.WriteStartElement(_inline);
        _writer.WriteStartElement(_text, value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
            ? [new OpenXmlAttribute("xml", "space", XmlNamespace, "preserve")]
            : []);
        _writer.WriteString(value);
        _writer.WriteEndElement();
        _writer.WriteEndElement();
        _writer.WriteEndElement();
    }

    private static OpenXmlAttribute[] CellAttributes(string reference, string? type, uint? style) => (type, style) switch
    {
        (null, null) => [new("r", "", reference)],
        (_, null) => [new("r", "", reference), new("t", "", type)],
        (null, _) => [new("r", "", reference), new("s", "", style.Value.ToString(CultureInfo.InvariantCulture))],
        _ => [new("r", "", reference), new("s", "", style.Value.ToString(CultureInfo.InvariantCulture)), new("t", "", type)],
    };
}
