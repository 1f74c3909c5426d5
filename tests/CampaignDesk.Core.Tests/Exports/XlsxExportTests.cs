using System.Xml.Linq;
using CampaignDesk.Core.Exports;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using static CampaignDesk.Core.Tests.Exports.ExportSamples;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace CampaignDesk.Core.Tests.Exports;

public class XlsxExportTests
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    [Test]
    public async Task WriteAsync_Table_HeaderIsBoldFrozenAndFiltered()
    {
        using var file = await XlsxAsync(new ExportTable("Couverture", ["Nom", "Voix"], [["a", 1], ["b", 2]]));
        using var document = SpreadsheetDocument.Open(file, isEditable: false);

        var sheet = Sheet(document);
        var header = sheet.Element(Main + "sheetData")!.Elements(Main + "row").First();
        Assert.That(header.Elements(Main + "c").Select(Text), Is.EqualTo(new[] { "Nom", "Voix" }));
        var boldStyle = (int)header.Elements(Main + "c").First().Attribute("s")!;
        var stylesheet = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var fontId = (int)stylesheet.CellFormats!.Elements<S.CellFormat>().ElementAt(boldStyle).FontId!.Value;
        Assert.That(stylesheet.Fonts!.Elements<S.Font>().ElementAt(fontId).Bold, Is.Not.Null);
        var pane = sheet.Descendants(Main + "pane").Single();
        Assert.That(((string?)pane.Attribute("state"), (string?)pane.Attribute("ySplit")), Is.EqualTo(("frozen", "1")));
        Assert.That((string?)sheet.Element(Main + "autoFilter")!.Attribute("ref"), Is.EqualTo("A1:B3"));
    }

    [Test]
    public async Task WriteAsync_Values_TypedCells()
    {
        var row = new object?[]
        {
            French, -42, 9_007_199_254_740_993L, -1234.5m, 0.5, true, new DateOnly(2026, 5, 14),
            new DateTime(2026, 3, 29, 23, 30, 0, DateTimeKind.Utc), new DateTimeOffset(2026, 3, 30, 1, 30, 0, TimeSpan.FromHours(2)), null,
        };
        using var file = await XlsxAsync(Table(row));
        using var document = SpreadsheetDocument.Open(file, isEditable: false);

        var cells = DataRows(document).Single().Elements(Main + "c").ToList();
        var formats = NumberFormats(document);

        Assert.That(cells.Select(c => (string?)c.Attribute("t")), Is.EqualTo(new[]
        {
            "inlineStr", null, "inlineStr", null, null, "b", null, null, null,
        }), "the null cell is left out; a 16-digit integer is text, Excel would round it");
        Assert.That(Text(cells[0]), Is.EqualTo(French));
        Assert.That(Text(cells[2]), Is.EqualTo("9007199254740993"));
        Assert.That((Value(cells[1]), Value(cells[3]), Value(cells[4]), Value(cells[5])), Is.EqualTo(("-42", "-1234.5", "0.5", "1")));
        Assert.That(DateTime.FromOADate(double.Parse(Value(cells[6]), System.Globalization.CultureInfo.InvariantCulture)),
            Is.EqualTo(new DateTime(2026, 5, 14)));
        Assert.That(cells.Skip(7).Select(c => DateTime.FromOADate(double.Parse(Value(c), System.Globalization.CultureInfo.InvariantCulture))),
            Is.All.EqualTo(new DateTime(2026, 3, 30, 1, 30, 0)), "23:30 UTC on the day clocks go forward is 01:30 in Paris");
        Assert.That(formats[(int)cells[6].Attribute("s")!], Is.EqualTo("14"), "built-in short date");
        Assert.That(formats[(int)cells[7].Attribute("s")!], Is.EqualTo("dd/mm/yyyy hh:mm:ss"));
    }

    [Test]
    public async Task WriteAsync_Formulas_StoredAsNeutralisedText()
    {
        using var file = await XlsxAsync(new ExportTable("t", ["=1+2"], [.. Formulas.Select(f => new object?[] { f })]));
        using var document = SpreadsheetDocument.Open(file, isEditable: false);

        var sheet = Sheet(document);
        Assert.That(sheet.Descendants(Main + "f"), Is.Empty, "no formula element");
        var cells = sheet.Descendants(Main + "c").ToList();
        Assert.That(cells.Select(c => (string?)c.Attribute("t")), Is.All.EqualTo("inlineStr"));
        Assert.That(cells.Select(Text), Is.EqualTo(new[] { "'=1+2" }.Concat(Formulas.Select(f => "'" + f.Replace('\r', '\n')))));
    }

    [Test]
    public async Task WriteAsync_IllegalXmlCharacters_StrippedBeforeTheGuard()
    {
        using var file = await XlsxAsync(Table(["a\u0001b\u0008c\u001Fd\uFFFE\uD800e\tf"], ["\u0002=1+2"]));
        using var document = SpreadsheetDocument.Open(file, isEditable: false);

        Assert.That(DataRows(document).Select(r => Text(r.Elements(Main + "c").Single())), Is.EqualTo(new[] { "abcde\tf", "'=1+2" }));
    }

    [Test]
    public async Task WriteAsync_LineBreaksAndCharacterEscapes_StoredAsExcelReadsThem()
    {
        using var file = await XlsxAsync(Table(["ligne 1\r\nligne 2\rligne 3"], ["_x003D_1+2"]));
        using var document = SpreadsheetDocument.Open(file, isEditable: false);

        Assert.That(DataRows(document).Select(r => Text(r.Elements(Main + "c").Single())),
            Is.EqualTo(new[] { "ligne 1\nligne 2\nligne 3", "_x005F_x003D_1+2" }), "Excel shows _x005F_ as _, and _x003D_ as =");
    }

    [TestCase("Couverture", "Couverture")]
    [TestCase("Suivi [2026]: a/b\\c*d?", "Suivi _2026__ a_b_c_d_")]
    [TestCase("Journal des relances avec les élus 2026", "Journal des relances avec les é")]
    [TestCase("'cité'", "cité")]
    [TestCase("", "Export")]
    public async Task WriteAsync_Title_SheetNameSanitised(string title, string expected)
    {
        using var file = await XlsxAsync(new ExportTable(title, ["a"], []));
        using var document = SpreadsheetDocument.Open(file, isEditable: false);

        Assert.That(document.WorkbookPart!.Workbook.Sheets!.Elements<S.Sheet>().Single().Name!.Value, Is.EqualTo(expected));
        Assert.That(new OpenXmlValidator().Validate(document), Is.Empty);
    }

    [Test]
    public async Task WriteAsync_EveryKindOfCell_ValidatesWithoutErrors()
    {
        object?[][] rows =
        [
            [French, 1, 2L, 3.5m, 4.5, true, new DateOnly(1899, 12, 31), DateTime.UtcNow, DateTimeOffset.Now, null, "  espaces  "],
            [.. Formulas.Take(11).Concat(Enumerable.Repeat<object?>(null, 11 - Formulas.Length))],
            [new string('x', 40_000), null, null, null, null, null, null, null, null, null, null],
        ];
        using var file = await XlsxAsync(Table(rows));
        using var document = SpreadsheetDocument.Open(file, isEditable: false);

        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}");
        Assert.That(errors, Is.Empty);
        Assert.That(Text(DataRows(document).Last().Elements(Main + "c").First()), Has.Length.EqualTo(32_767), "Excel's cell limit");
    }

    [Test]
    public async Task WriteAsync_UnsupportedValue_NamesTheColumnAndWritesNothing()
    {
        using var output = new MemoryStream();
        var table = new ExportTable("t", ["Nom", "Lien"], [["a", new Uri("https://example.org")]]);

        var error = Assert.ThrowsAsync<ArgumentException>(() => XlsxExport.WriteAsync(output, table, CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("'Lien'"));
        Assert.That(output.Length, Is.Zero);
    }

    [TestCase(0, "A")]
    [TestCase(25, "Z")]
    [TestCase(26, "AA")]
    [TestCase(16_383, "XFD")]
    public void ColumnName_Index_ExcelLetters(int index, string name) => Assert.That(XlsxExport.ColumnName(index), Is.EqualTo(name));

    private static XElement Sheet(SpreadsheetDocument document)
    {
        using var stream = document.WorkbookPart!.WorksheetParts.Single().GetStream();
        return XElement.Load(stream);
    }

    private static IEnumerable<XElement> DataRows(SpreadsheetDocument document) =>
        Sheet(document).Element(Main + "sheetData")!.Elements(Main + "row").Skip(1);

    private static string Text(XElement cell) => string.Concat(cell.Element(Main + "is")!.Elements(Main + "t").Select(t => t.Value));

    private static string Value(XElement cell) => cell.Element(Main + "v")!.Value;

    /// <summary>Each cell style's number format: a built-in id, or the custom format code.</summary>
    private static List<string> NumberFormats(SpreadsheetDocument document)
    {
        var stylesheet = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var custom = stylesheet.NumberingFormats?.Elements<S.NumberingFormat>().ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!)
            ?? [];
        return [.. stylesheet.CellFormats!.Elements<S.CellFormat>()
            .Select(f => custom.TryGetValue(f.NumberFormatId!.Value, out var code) ? code : f.NumberFormatId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))];
    }
}
