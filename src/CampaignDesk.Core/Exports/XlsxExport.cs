using System.IO.Packaging;
using DocumentFormat.OpenXml;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace CampaignDesk.Core.Exports;

/// <summary>
/// Writes a one-sheet xlsx: a bold header row, frozen, with an autofilter; numbers, booleans and dates as typed
/// cells; text as inline strings through <see cref="FormulaGuard"/>. Memory stays flat for a million rows.
/// </summary>
/// <remarks>
/// The sheet is streamed with the SAX-style <see cref="OpenXmlWriter"/>, and its text is inline rather than in the
/// shared string table: that table is its own part, indexed from the cells, so it would grow with every distinct
/// value and be held in memory until the sheet ends. Excel converts inline strings on its first save.
/// Spreadsheet types are aliased (<c>S.</c>): <c>Workbook</c> and friends clash with Microsoft.Graph.Models.
/// </remarks>
public static class XlsxExport
{
    private const int MaxColumns = 16_384;

    /// <summary>Writes <paramref name="table"/> as xlsx to <paramref name="stream"/>, which is left open.</summary>
    /// <remarks>
    /// System.IO.Packaging and OpenXml write synchronously, which an HTTP response refuses (and the package is
    /// happier on a seekable stream); so the file is built in a temporary file, deleted on close, then copied
    /// asynchronously. A failure half-way (a bad cell, too many rows, the request aborted) therefore writes nothing to
    /// the target. The rows are awaited (<see cref="ExportTable.Rows"/> is asynchronous), with the cancellation.
    /// </remarks>
    public static async Task WriteAsync(Stream stream, ExportTable table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ExportRows.CheckTable(table);
        if (table.Headers.Count > MaxColumns)
        {
            throw new ArgumentException($"Excel allows {MaxColumns} columns, the table has {table.Headers.Count}.", nameof(table));
        }

        var path = Path.Combine(Path.GetTempPath(), $"campaigndesk-export-{Guid.NewGuid():N}.xlsx");
        await using var temporary = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await WritePackageAsync(temporary, table, cancellationToken);
        temporary.Position = 0;
        await temporary.CopyToAsync(stream, cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    private static async Task WritePackageAsync(Stream temporary, ExportTable table, CancellationToken cancellationToken)
    {
        // SpreadsheetDocument opens its package ReadWrite, i.e. a ZipArchive in Update mode, which keeps every part
        // uncompressed in memory until the end (hundreds of MB for a million rows), and OpenXml 2.x refuses a
        // write-only package. So the parts are laid out with System.IO.Packaging in write-only mode
        // (ZipArchiveMode.Create streams each part to the file) and OpenXml writes their XML. In that mode a part
        // must be written whole before the next is created: the sheet first, as the workbook needs its row count.
        using var package = Package.Open(temporary, FileMode.Create, FileAccess.Write);
        var columns = Enumerable.Range(0, table.Headers.Count).Select(ColumnName).ToArray();
        var sheet = Part(package, "/xl/worksheets/sheet1.xml", "worksheet");
        int rows;
        using (var stream = sheet.GetStream(FileMode.Create, FileAccess.Write))
        {
            rows = await XlsxSheet.WriteAsync(stream, table, columns, cancellationToken);
        }

        var styles = Part(package, "/xl/styles.xml", "styles");
        using (var stream = styles.GetStream(FileMode.Create, FileAccess.Write))
        {
            XlsxStyles.Create().Save(stream);
        }

        var workbook = Part(package, "/xl/workbook.xml", "sheet.main");
        package.CreateRelationship(workbook.Uri, TargetMode.Internal, Relationship("officeDocument"), "rId1");
        var sheetId = workbook.CreateRelationship(sheet.Uri, TargetMode.Internal, Relationship("worksheet"), "rId1").Id;
        workbook.CreateRelationship(styles.Uri, TargetMode.Internal, Relationship("styles"), "rId2");
        var sheetName = XlsxText.SheetName(table.Title);
        var filterRange = $"'{sheetName.Replace("'", "''", StringComparison.Ordinal)}'!$A$1:${columns[^1]}${rows + 1}";
        using (var stream = workbook.GetStream(FileMode.Create, FileAccess.Write))
        {
            new S.Workbook(
                new S.Sheets(new S.Sheet { Name = sheetName, SheetId = 1, Id = sheetId }),
                // Excel keeps an autofilter's range in this hidden name too; without it the filter can be lost.
                new S.DefinedNames(new S.DefinedName(filterRange) { Name = "_xlnm._FilterDatabase", LocalSheetId = 0, Hidden = true }))
                .Save(stream);
        }
    }

    private static PackagePart Part(Package package, string path, string kind) =>
        package.CreatePart(new Uri(path, UriKind.Relative), $"application/vnd.openxmlformats-officedocument.spreadsheetml.{kind}+xml",
            CompressionOption.Fast);

    private static string Relationship(string kind) => "http://schemas.openxmlformats.org/officeDocument/2006/relationships/" + kind;

    /// <summary>0 → A, 25 → Z, 26 → AA.</summary>
    internal static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }
}
