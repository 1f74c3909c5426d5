namespace CampaignDesk.Core.Import;

/// <summary>A recorded import run: what was read, what changed, and the first rows or persons it could not take.</summary>
/// <param name="Outcome">What happened, in French, for the people who read the report.</param>
/// <param name="Status">running, succeeded, dry_run, failed, or reverted once <c>POST /api/imports/{id}/revert</c> undid it.</param>
/// <param name="RevertOutcome">What the revert did, in French.</param>
/// <param name="Diff">The first rows of each change; only on the report returned by the run itself.</param>
public sealed record ImportReport(
    long Id,
    string Source,
    string FileType,
    string FileName,
    string Sha256,
    string Format,
    DateOnly? ReleaseDate,
    string? ReleaseDateSource,
    bool DryRun,
    string Status,
    DateTime StartedUtc,
    DateTime? FinishedUtc,
    int RowsRead,
    int RowsUnreadable,
    int OfficialsAdded,
    int MandatesAdded,
    int MandatesEnded,
    int MandatesReopened,
    int MandatesHeldBack,
    int MandatesUnchanged,
    int ContactsAdded,
    int ContactsChanged,
    int Duplicates,
    int Unmatched,
    string? Outcome,
    string? Error,
    DateTime? RevertedUtc,
    string? RevertOutcome,
    IReadOnlyList<ImportIssue> Issues,
    ImportDiff? Diff = null);

/// <param name="Kind">unreadable, duplicate_seat, unmatched, ambiguous, group_changed, older_release, ends_held_back.</param>
public sealed record ImportIssue(int? Line, string Kind, string Message);
