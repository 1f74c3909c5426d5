using CampaignDesk.Core.Exports;

namespace CampaignDesk.Core.Tests.Exports;

/// <summary>
/// The exports must stream: the managed heap is sampled while the rows are pulled, so a writer that buffered the
/// rows or its output (a list, a StringBuilder, a zip part in memory) would show ~100 MB here, and fail.
/// </summary>
[NonParallelizable]
public class ExportMemoryTests
{
    private const int Rows = 200_000;
    private const int SampleEvery = 20_000;
    private const long Budget = 50L * 1024 * 1024;

    [TestCase("csv")]
    [TestCase("xlsx")]
    public async Task WriteAsync_200000Rows_HeapStaysFlat(string format)
    {
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var peak = baseline;
        var table = new ExportTable("Journal", ["Id", "Élu", "Note", "Montant", "Le", "Fait"], Generate(() => peak = Math.Max(peak, GC.GetTotalMemory(true))));

        await (format == "csv" ? CsvExport.WriteAsync(Stream.Null, table, CancellationToken.None) : XlsxExport.WriteAsync(Stream.Null, table, CancellationToken.None));

        TestContext.Out.WriteLine($"{format}: peak heap growth {(peak - baseline) / 1024 / 1024} MB");
        Assert.That(peak - baseline, Is.LessThan(Budget), $"heap growth while writing {Rows} rows");
        Assert.That(GC.GetTotalMemory(true) - baseline, Is.LessThan(Budget), "heap growth after");
    }

    /// <summary>About 250 bytes of text a row, each string new, so buffered rows would cost ~100 MB.</summary>
    private static IEnumerable<IReadOnlyList<object?>> Generate(Action sample)
    {
        var start = new DateTime(2026, 1, 1, 8, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < Rows; i++)
        {
            if (i % SampleEvery == 0)
            {
                sample();
            }

            yield return
            [
                (long)i, $"Député·e n°{i} « Hôtel de Ville »",
                $"Relance {i}: rendez-vous proposé; réponse attendue avant vendredi, dossier \"budget\" à compléter {i % 97}",
                i * 1.25m, start.AddMinutes(i), i % 2 == 0,
            ];
        }

        sample();
    }
}
