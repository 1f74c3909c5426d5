using CampaignDesk.Core.Exports;

namespace CampaignDesk.Core.Tests.Exports;

internal static class ExportSamples
{
    public const string French = "« Député·e » Hôtel de Ville, Œuvre ça 🎉";

    /// <summary>Every OWASP trigger, each also after spaces.</summary>
    public static readonly string[] Formulas =
        ["=1+2", "+1+2", "-1+2", "@SUM(A1)", "\t=1", "\r=1", "  =HYPERLINK(\"http://x\")", "=cmd|' /C calc'!A0"];

    public static ExportTable Table(params object?[][] rows) =>
        new("Couverture", [.. Enumerable.Range(1, rows.Length == 0 ? 1 : rows[0].Length).Select(i => $"C{i}")], rows);

    public static async Task<byte[]> CsvAsync(ExportTable table)
    {
        using var output = new MemoryStream();
        await CsvExport.WriteAsync(output, table, CancellationToken.None);
        return output.ToArray();
    }

    public static async Task<MemoryStream> XlsxAsync(ExportTable table)
    {
        var output = new MemoryStream();
        await XlsxExport.WriteAsync(output, table, CancellationToken.None);
        output.Position = 0;
        return output;
    }
}
