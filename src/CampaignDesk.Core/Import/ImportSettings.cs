namespace CampaignDesk.Core.Import;

/// <summary>The bounds of one import, whatever the file.</summary>
public sealed class ImportSettings
{
    public const string SectionName = "Import";

    /// <summary>Issues kept per run, with their line numbers; past this they are only counted.</summary>
    public int MaxStoredIssues { get; set; } = ImportRun.DefaultMaxStoredIssues;

    /// <summary>The largest file the API accepts (the request body as a whole, multipart included).</summary>
    public long MaxUploadBytes { get; set; } = 200L * 1024 * 1024;
}
