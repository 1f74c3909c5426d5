using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CampaignDesk.Core.Exports;

/// <summary>The smallest stylesheet Excel accepts, with the three styles an export needs.</summary>
internal static class XlsxStyles
{
    public const uint Bold = 1;

    /// <summary>Built-in format 14: the reader's own short date (jj/mm/aaaa in French Excel).</summary>
    public const uint Date = 2;

    /// <summary>No built-in format shows a date with seconds; this one matches the CSV export (French order, Paris time).</summary>
    public const uint DateTime = 3;

    private const uint DateTimeFormatId = 164;

    public static Stylesheet Create() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = DateTimeFormatId, FormatCode = "dd/mm/yyyy hh:mm:ss" })
        { Count = 1 },
        new Fonts(Font(bold: false), Font(bold: true)) { Count = 2 },
        // Excel requires the first two fills to be these.
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
        { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()))
        { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            Format(0, 0),
            Format(0, 1),
            Format(14, 0),
            Format(DateTimeFormatId, 0))
        { Count = 4 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    private static Font Font(bool bold)
    {
        var font = new Font();
        if (bold)
        {
            font.Append(new Bold());
        }

        font.Append(new FontSize { Val = 11 }, new FontName { Val = "Calibri" });
        return font;
    }

    private static CellFormat Format(uint numberFormatId, uint fontId) => new()
    {
        NumberFormatId = numberFormatId,
        FontId = fontId,
        FillId = 0,
        BorderId = 0,
        FormatId = 0,
        ApplyFont = fontId != 0 ? true : null,
        ApplyNumberFormat = numberFormatId != 0 ? true : null,
    };
}
