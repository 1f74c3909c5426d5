namespace CampaignDesk.Core.Import;

/// <summary>
/// The counters and issues of a run being imported, written with it in the same transaction. Every issue is
/// counted, but only the first <see cref="MaxStoredIssues"/> are kept, so a file of a million bad lines costs
/// a counter, not a million rows in memory and in the database.
/// </summary>
public sealed class ImportRun(long id, int maxStoredIssues = ImportRun.DefaultMaxStoredIssues)
{
    public const int DefaultMaxStoredIssues = 1000;

    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    public long Id { get; internal set; } = id;

    public int MaxStoredIssues { get; } = maxStoredIssues;

    /// <summary>The publication date of the file (from its name, else the day of the import): contact points keep it.</summary>
    public DateOnly? ReleaseDate { get; set; }

    public int RowsRead { get; set; }

    public int OfficialsAdded { get; set; }

    public int MandatesAdded { get; set; }

    public int MandatesEnded { get; set; }

    public int MandatesReopened { get; set; }

    /// <summary>Mandates missing from the file that were left current because the file did not look complete.</summary>
    public int MandatesHeldBack { get; set; }

    public int MandatesUnchanged { get; set; }

    public int ContactsAdded { get; set; }

    public int ContactsChanged { get; set; }

    public List<ImportIssue> Issues { get; } = [];

    /// <summary>A rolled-back run changed nothing: what it read and reported stays, its changes are zero.</summary>
    public void DiscardChanges() =>
        (OfficialsAdded, MandatesAdded, MandatesEnded, MandatesReopened, MandatesHeldBack, MandatesUnchanged, ContactsAdded, ContactsChanged) =
        (0, 0, 0, 0, 0, 0, 0, 0);

    public int Count(string kind) => _counts.GetValueOrDefault(kind);

    public void Report(int? line, string kind, string message)
    {
        _counts[kind] = Count(kind) + 1;
        if (Issues.Count < MaxStoredIssues)
        {
            Issues.Add(new ImportIssue(line, kind, message));
        }
    }
}
