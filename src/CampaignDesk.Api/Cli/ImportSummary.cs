using System.Globalization;
using System.Text;
using CampaignDesk.Core.Import;

namespace CampaignDesk.Api.Cli;

internal static class ImportSummary
{
    public static string Format(ImportReport r)
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"{r.FileName}: {r.FileType} ({r.Format}), release {r.ReleaseDate:yyyy-MM-dd} ({r.ReleaseDateSource}), run {r.Id} {r.Status}");
        if (r.Outcome is not null)
        {
            text.AppendLine(c, $"  {r.Outcome}");
        }

        text.AppendLine(c, $"  rows read {r.RowsRead}, unreadable {r.RowsUnreadable}, duplicates {r.Duplicates}, unmatched {r.Unmatched}");
        text.AppendLine(c, $"  officials added {r.OfficialsAdded}; mandates added {r.MandatesAdded}, ended {r.MandatesEnded}, reopened {r.MandatesReopened}, held back {r.MandatesHeldBack}, unchanged {r.MandatesUnchanged}");
        text.Append(c, $"  contacts added {r.ContactsAdded}, changed {r.ContactsChanged}");
        if (r.Error is not null)
        {
            text.AppendLine().Append(c, $"  error: {r.Error}");
        }

        foreach (var issue in r.Issues.Take(20))
        {
            text.AppendLine().Append(c, $"  {(issue.Line is { } line ? $"line {line}" : "file")}: {issue.Kind}: {issue.Message}");
        }

        if (r.Issues.Count > 20)
        {
            text.AppendLine().Append(c, $"  … and {r.Issues.Count - 20} more issues: GET /api/imports/{r.Id}");
        }

        return text.ToString();
    }
}
