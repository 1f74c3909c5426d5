namespace CampaignDesk.Core.Import;

/// <summary>What an import knows of its file before reading its rows.</summary>
/// <param name="ReleaseDate">From a yyyy-mm-dd date in the file name, else the day of the import.</param>
/// <param name="ReleaseDateSource">Where <paramref name="ReleaseDate"/> came from, in French for the report.</param>
public sealed record ImportFile(string Source, string FileType, string FileName, string Sha256, string Format, DateOnly ReleaseDate,
    string ReleaseDateSource = ImportFile.FromFileName)
{
    public const string FromFileName = "date lue dans le nom du fichier";
    public const string FromImportDay = "aucune date dans le nom du fichier : date du jour de l'import";
}
