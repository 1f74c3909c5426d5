namespace CampaignDesk.Core.Import;

/// <summary>What an import knows of its file before reading its rows.</summary>
/// <param name="ReleaseDate">From a yyyy-mm-dd date in the file name, else the day of the import.</param>
public sealed record ImportFile(string Source, string FileType, string FileName, string Sha256, string Format, DateOnly ReleaseDate);
