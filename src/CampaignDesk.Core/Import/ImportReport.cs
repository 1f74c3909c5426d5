namespace CampaignDesk.Core.Import;

/// <summary>A recorded import run: what was read, what changed, and every row or person it could not take.</summary>
public sealed record ImportReport(
    long Id,
    string Source,
    string FileType,
    string FileName,
    string Sha256,
    string Format,
    DateOnly? ReleaseDate,
    string Status,
    DateTime StartedUtc,
    DateTime? FinishedUtc,
    int RowsRead,
    int RowsUnreadable,
    int OfficialsAdded,
    int MandatesAdded,
    int MandatesEnded,
    int MandatesUnchanged,
    int ContactsAdded,
    int ContactsChanged,
    int Duplicates,
    int Unmatched,
    string? Error,
    IReadOnlyList<ImportIssue> Issues);

/// <param name="Kind">unreadable, duplicate_seat, unmatched, ambiguous, group_changed, older_release.</param>
public sealed record ImportIssue(int? Line, string Kind, string Message);
