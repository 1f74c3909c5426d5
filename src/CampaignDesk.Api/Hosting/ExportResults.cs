using CampaignDesk.Core.Exports;

namespace CampaignDesk.Api.Hosting;

/// <summary>
/// Streams an export as a download: CSV (UTF-8 with BOM, ';', for French Excel) or XLSX. The rows are read while the
/// response is written, with the request's cancellation: a client that goes away stops the query.
/// </summary>
public static class ExportResults
{
    public static readonly string[] Formats = ["csv", "xlsx"];

    public const string XlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IResult File(ExportTable table, string format, string fileName) => new Download(table, format == "xlsx", fileName);

    private sealed class Download(ExportTable table, bool xlsx, string fileName) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var aborted = httpContext.RequestAborted;
            var result = xlsx
                ? TypedResults.Stream(stream => XlsxExport.WriteAsync(stream, table, aborted), XlsxMediaType, fileName + ".xlsx")
                : TypedResults.Stream(stream => CsvExport.WriteAsync(stream, table, aborted), "text/csv; charset=utf-8", fileName + ".csv");
            return result.ExecuteAsync(httpContext);
        }
    }
}
