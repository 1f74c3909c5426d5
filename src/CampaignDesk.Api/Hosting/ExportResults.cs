using CampaignDesk.Core.Exports;

namespace CampaignDesk.Api.Hosting;

/// <summary>Streams an export as a download: CSV (UTF-8 with BOM, ';', for French Excel) or XLSX.</summary>
public static class ExportResults
{
    public static readonly string[] Formats = ["csv", "xlsx"];

    public const string XlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IResult File(ExportTable table, string format, string fileName) => format == "xlsx"
        ? Results.Stream(stream => XlsxExport.WriteAsync(stream, table, CancellationToken.None),
            XlsxMediaType, fileName + ".xlsx")
        : Results.Stream(stream => CsvExport.WriteAsync(stream, table, CancellationToken.None), "text/csv; charset=utf-8", fileName + ".csv");
}
