namespace CampaignDesk.Core.Data;

/// <summary>What a backup or a restore produced, as checked after writing it.</summary>
/// <param name="Integrity"><c>ok</c>, or the first problems <c>PRAGMA integrity_check</c> found.</param>
/// <param name="SchemaVersion">The highest migration in its journal (0 without one).</param>
public sealed record SqliteFileReport(string Path, long Bytes, int Tables, int SchemaVersion, string Integrity);

/// <param name="Previous">Where the database it replaced was kept (null when there was none).</param>
public sealed record RestoreReport(SqliteFileReport Restored, string? Previous);
