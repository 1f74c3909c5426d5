namespace CampaignDesk.Core.Import;

/// <summary>What reverting an import run did: the rows it took away and the rows it put back as they were.</summary>
/// <param name="AlreadyReverted">The run had been reverted before: nothing was changed this time, and the counts are zero.</param>
/// <param name="OfficialsKept">Officials the run added that others' records (interactions, tasks, positions…) now name: kept, without the run's mandates.</param>
/// <param name="MandatesReopened">Mandates the run had ended, current again.</param>
/// <param name="MandatesRestored">Mandates the run had reopened or regrouped, back as they were.</param>
/// <param name="ContactsRestored">Contact points the run had retired or seen again, back as they were.</param>
/// <param name="Outcome">What happened, in French.</param>
public sealed record RevertReport(
    long RunId,
    bool AlreadyReverted,
    DateTime RevertedUtc,
    int OfficialsDeleted,
    int OfficialsKept,
    int MandatesDeleted,
    int MandatesReopened,
    int MandatesRestored,
    int ContactsDeleted,
    int ContactsRestored,
    int IdentifiersDeleted,
    string Outcome);
