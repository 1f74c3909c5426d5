using System.Globalization;
using System.Text;

namespace CampaignDesk.Core.Exports;

/// <summary>
/// Writes a CSV that French Excel opens by double-click: UTF-8 with a BOM (without it Excel reads ANSI and mangles
/// « Député·e »), <c>;</c> between fields (the list separator of a French locale, where <c>,</c> is the decimal
/// separator), CRLF line endings and RFC 4180 quoting.
/// </summary>
/// <remarks>
/// Values are written the way a French Excel parses them back into the same type: integers as digits, decimals and
/// doubles with a decimal comma and no thousands separator (<c>1234,5</c>), dates as <c>dd/MM/yyyy</c>, date-times in
/// Europe/Paris as <c>dd/MM/yyyy HH:mm:ss</c> (what French Excel writes and reads), booleans as <c>oui</c>/<c>non</c>.
/// Every text cell, headers included, goes through <see cref="FormulaGuard"/>. Limits of the format: Excel shows an
/// integer of more than 15 digits rounded (the xlsx export keeps those as text), and rows are written as they come,
/// so a bad cell half-way leaves a truncated file: the caller aborts the response.
/// </remarks>
public static class CsvExport
{
    private const char Separator = ';';
    private const int RowsPerFlush = 10_000;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];
    private static readonly NumberFormatInfo FrenchNumbers = new() { NumberDecimalSeparator = "," };

    /// <summary>Streams <paramref name="table"/> to <paramref name="stream"/>, which is left open.</summary>
    public static async Task WriteAsync(Stream stream, ExportTable table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ExportRows.CheckTable(table);
        // The BOM is written here rather than by the encoder, which skips it on a seekable stream not at position 0.
        await stream.WriteAsync(ByteOrderMark, cancellationToken);
        await using var writer = new StreamWriter(stream, Utf8, bufferSize: 64 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        var line = new StringBuilder();
        for (var column = 0; column < table.Headers.Count; column++)
        {
            AppendText(line, column, table.Headers[column]);
        }

        await writer.WriteAsync(line.Append("\r\n"), cancellationToken);
        var rows = 0;
        await foreach (var row in ExportRows.EnumerateAsync(table, cancellationToken))
        {
            line.Clear();
            for (var column = 0; column < row.Count; column++)
            {
                AppendCell(line, table, column, row[column]);
            }

            await writer.WriteAsync(line.Append("\r\n"), cancellationToken);
            // Push what is ready to the client (an HTTP response) instead of holding it until the end.
            if (++rows % RowsPerFlush == 0)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }

        await writer.FlushAsync(cancellationToken);
    }

    private static void AppendCell(StringBuilder line, ExportTable table, int column, object? value)
    {
        var text = value switch
        {
            null => "",
            string s => s,
            bool b => b ? "oui" : "non",
            int i => i.ToString(CultureInfo.InvariantCulture),
            long l => l.ToString(CultureInfo.InvariantCulture),
            decimal m => m.ToString(FrenchNumbers),
            double d when double.IsFinite(d) => d.ToString(FrenchNumbers),
            double d => throw ExportRows.NotFinite(table, column, d),
            DateOnly date => date.ToString(ExportRows.DateFormat, CultureInfo.InvariantCulture),
            DateTime at => ExportRows.Paris(at).ToString(ExportRows.DateTimeFormat, CultureInfo.InvariantCulture),
            DateTimeOffset at => ExportRows.Paris(at).ToString(ExportRows.DateTimeFormat, CultureInfo.InvariantCulture),
            _ => throw ExportRows.Unsupported(table, column, value),
        };
        if (value is string)
        {
            AppendText(line, column, text);
        }
        else
        {
            // Numbers and dates never contain ; " CR or LF, and are not guarded: -3 must stay the number -3.
            AppendSeparator(line, column).Append(text);
        }
    }

    private static void AppendText(StringBuilder line, int column, string text)
    {
        AppendSeparator(line, column);
        text = FormulaGuard.Neutralise(text);
        if (text.AsSpan().IndexOfAny(";\"\r\n") < 0)
        {
            line.Append(text);
            return;
        }

        line.Append('"').Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }

    private static StringBuilder AppendSeparator(StringBuilder line, int column) =>
        column == 0 ? line : line.Append(Separator);
}
