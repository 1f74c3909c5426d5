namespace CampaignDesk.TestSupport;

/// <summary>
/// Real open-data files for tests: the copies the project ships (src/CampaignDesk.Core/Seed/Data) first, else the
/// originals in ../shared/data beside the repository (as in CI), else CAMPAIGNDESK_SHARED_DATA. Null when absent.
/// </summary>
public static class DataFiles
{
    private static readonly Dictionary<string, string> Shipped = new(StringComparer.Ordinal)
    {
        ["rne/2025-10-07/elus-deputes-dep.csv"] = "officials/elus-deputes-dep-2025-10-07.csv",
        ["rne/2025-10-07/elus-senateurs-sen.csv"] = "officials/elus-senateurs-sen-2025-10-07.csv",
        ["rne/2025-10-07/elus-conseillers-departementaux-cd.csv"] = "officials/elus-conseillers-departementaux-cd-2025-10-07.csv",
        ["rne/2025-10-07/elus-conseillers-regionaux-cr.csv"] = "officials/elus-conseillers-regionaux-cr-2025-10-07.csv",
        ["rne/2026-04-24/elus-maires-mai.csv"] = "officials/elus-maires-mai-2026-04-24.csv",
        ["assemblee/deputes.json"] = "officials/assemblee-deputes-2026-03-04.json",
        ["senat/senateurs-api-2026-03-03.json"] = "officials/senateurs-api-2026-03-03.json",
        ["senat/ODSEN_GENERAL-2025-08-29.json"] = "officials/ODSEN_GENERAL-2025-08-29.json",
        ["insee/v_departement_2026.csv"] = "insee/v_departement_2026.csv",
        ["insee/circo_composition.csv"] = "insee/circo_composition.csv",
        ["mairies/mairies_emails_etablissements-publics-api_2021.csv"] = "contacts/mairies-emails-2021-03-02.csv",
    };

    /// <summary>A file the project ships (its path under src/CampaignDesk.Core/Seed/Data, e.g. "contacts/….zip").</summary>
    public static string ShippedFile(string relative) =>
        Path.Combine(BuiltPrograms.RepositoryRoot, "src", "CampaignDesk.Core", "Seed", "Data", relative);

    /// <param name="sharedPath">The file's path under shared/data, e.g. "rne/2025-10-07/elus-deputes-dep.csv".</param>
    public static string? Find(string sharedPath)
    {
        var root = BuiltPrograms.RepositoryRoot;
        var candidates = new List<string>();
        if (Shipped.TryGetValue(sharedPath, out var shipped))
        {
            candidates.Add(Path.Combine(root, "src", "CampaignDesk.Core", "Seed", "Data", shipped));
        }

        // Format samples are kept as test fixtures.
        candidates.Add(Path.Combine(root, "tests", "CampaignDesk.Core.Tests", "Fixtures", "parliament", Path.GetFileName(sharedPath)));

        if (Environment.GetEnvironmentVariable("CAMPAIGNDESK_SHARED_DATA") is { Length: > 0 } custom)
        {
            candidates.Add(Path.Combine(custom, sharedPath));
        }

        candidates.Add(Path.GetFullPath(Path.Combine(root, "..", "shared", "data", sharedPath)));
        return candidates.FirstOrDefault(File.Exists);
    }
}
