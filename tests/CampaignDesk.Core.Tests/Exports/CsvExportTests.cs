using System.Text;
using CampaignDesk.Core.Exports;
using static CampaignDesk.Core.Tests.Exports.ExportSamples;

namespace CampaignDesk.Core.Tests.Exports;

public class CsvExportTests
{
    [Test]
    public async Task WriteAsync_TextWithSpecials_RoundTripsThroughAnRfc4180Reader()
    {
        string[] texts = [French, "a;b", "il a dit \"oui\"", "ligne 1\r\nligne 2", "seul\nLF", "seul\rCR", "", "Jean-Pierre"];
        var table = new ExportTable("Couverture", ["Nom; prénom", "Texte"], texts.Select(t => (IReadOnlyList<object?>)[French, t]));

        var file = await CsvAsync(table);

        var records = CsvReader.Read(file);
        Assert.That(records[0], Is.EqualTo(new[] { "Nom; prénom", "Texte" }));
        Assert.That(records.Skip(1).Select(r => r[1]), Is.EqualTo(texts));
        Assert.That(records.Skip(1).Select(r => r[0]), Is.All.EqualTo(French));
    }

    [Test]
    public async Task WriteAsync_Always_BomSemicolonsAndCrlf()
    {
        var file = await CsvAsync(Table(["a", 1], ["b", 2]));

        Assert.That(file, Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("C1;C2\r\na;1\r\nb;2\r\n"))));
    }

    [Test]
    public async Task WriteAsync_SeekableStreamNotAtStart_StillWritesTheBom()
    {
        using var output = new MemoryStream();
        output.Write("xyz"u8);

        await CsvExport.WriteAsync(output, Table(["a"]), CancellationToken.None);

        Assert.That(output.ToArray()[3..6], Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
    }

    [Test]
    public async Task WriteAsync_FormulaText_IsNeutralisedButNegativeNumbersStayNumbers()
    {
        var rows = Formulas.Select(f => new object?[] { f, -42, -1.5m });

        var records = CsvReader.Read(await CsvAsync(Table([.. rows])));

        Assert.That(records.Skip(1).Select(r => r[0]), Is.EqualTo(Formulas.Select(f => "'" + f)));
        Assert.That(records.Skip(1).Select(r => (r[1], r[2])), Is.All.EqualTo(("-42", "-1,5")));
    }

    [Test]
    public async Task WriteAsync_FormulaHeader_IsNeutralised()
    {
        var table = new ExportTable("t", ["=1+2"], []);

        Assert.That(CsvReader.Read(await CsvAsync(table))[0], Is.EqualTo(new[] { "'=1+2" }));
    }

    [Test]
    public async Task WriteAsync_Values_FormattedForFrenchExcel()
    {
        var row = new object?[]
        {
            null, true, false, int.MinValue, 9_007_199_254_740_993L, 1234.50m, 0.1 + 0.2, 1e21, new DateOnly(2026, 5, 14),
            new DateTime(2026, 3, 29, 23, 30, 5, DateTimeKind.Utc), new DateTimeOffset(2026, 3, 30, 1, 30, 5, TimeSpan.FromHours(2)),
        };

        var record = CsvReader.Read(await CsvAsync(Table(row)))[1];

        Assert.That(record, Is.EqualTo(new[]
        {
            "", "oui", "non", "-2147483648", "9007199254740993", "1234,50", "0,30000000000000004", "1E+21", "14/05/2026",
            "30/03/2026 01:30:05", "30/03/2026 01:30:05",
        }));
    }

    [Test]
    public void WriteAsync_UnsupportedValue_NamesTheColumn()
    {
        var table = new ExportTable("t", ["Nom", "Créé"], [["a", TimeSpan.FromHours(1)]]);

        var error = Assert.ThrowsAsync<ArgumentException>(() => CsvAsync(table));

        Assert.That(error!.Message, Does.Contain("'Créé'").And.Contain("TimeSpan"));
    }

    [Test]
    public void WriteAsync_NotFiniteDouble_NamesTheColumn() =>
        Assert.That(Assert.ThrowsAsync<ArgumentException>(() => CsvAsync(Table([double.NaN])))!.Message, Does.Contain("'C1'"));

    [Test]
    public void WriteAsync_RowOfTheWrongLength_Throws() =>
        Assert.That(Assert.ThrowsAsync<ArgumentException>(() => CsvAsync(new ExportTable("t", ["a", "b"], [["x"]])))!.Message,
            Does.Contain("Row 1 has 1 cells"));

    [Test]
    public void WriteAsync_Cancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.CatchAsync<OperationCanceledException>(() => CsvExport.WriteAsync(Stream.Null, Table(["a"]), cancelled.Token));
    }
}
