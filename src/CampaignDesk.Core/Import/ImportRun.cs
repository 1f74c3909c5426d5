namespace CampaignDesk.Core.Import;

/// <summary>The counters and issues of a run being imported, written with it in the same transaction.</summary>
public sealed class ImportRun(long id)
{
    public long Id { get; } = id;

    public int RowsRead { get; set; }

    public int OfficialsAdded { get; set; }

    public int MandatesAdded { get; set; }

    public int MandatesEnded { get; set; }

    public int MandatesUnchanged { get; set; }

    public int ContactsAdded { get; set; }

    public int ContactsChanged { get; set; }

    public List<ImportIssue> Issues { get; } = [];

    public int Count(string kind) => Issues.Count(i => i.Kind == kind);

    public void Report(int? line, string kind, string message) => Issues.Add(new ImportIssue(line, kind, message));
}
