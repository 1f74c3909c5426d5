using CampaignDesk.Core.Data;
using CampaignDesk.Core.Import;
using CampaignDesk.Core.Resources;
using Dapper;
using Microsoft.Extensions.Logging;

namespace CampaignDesk.Core.Seed;

/// <summary>
/// Seeds the directory from the snapshot the project ships: the RNE's députés, sénateurs, conseillers
/// départementaux and régionaux (2025-10-07) and maires (2026-04-24), then the Assemblée's and the Sénat's
/// e-mails and groups. Each file goes through the ordinary importer, once (a file already imported is skipped).
/// </summary>
public sealed class OfficialSeeder(Database database, ImportService imports, ILogger<OfficialSeeder> logger)
{
    // RNE first (it creates the officials), then the sources that add contacts to them.
    public static readonly IReadOnlyList<string> Files =
    [
        "seed/officials/elus-deputes-dep-2025-10-07.csv",
        "seed/officials/elus-senateurs-sen-2025-10-07.csv",
        "seed/officials/elus-maires-mai-2026-04-24.csv",
        "seed/officials/elus-conseillers-departementaux-cd-2025-10-07.csv",
        "seed/officials/elus-conseillers-regionaux-cr-2025-10-07.csv",
        "seed/officials/assemblee-deputes-2026-03-04.json",
        "seed/officials/senateurs-api-2026-03-03.json",
        "seed/officials/ODSEN_GENERAL-2025-08-29.json",
    ];

    public async Task<int> SeedAsync(CancellationToken cancellationToken)
    {
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            var done = await connection.ExecuteScalarAsync<int>(database.Command(
                "SELECT COUNT(*) FROM import_runs WHERE status = 'succeeded'", cancellationToken: cancellationToken));
            if (done > 0)
            {
                return 0; // the directory is already fed: later releases come through imports, not the seed
            }
        }

        foreach (var file in Files)
        {
            var report = await imports.ImportAsync(() => EmbeddedFiles.Open(file), Path.GetFileName(file), cancellationToken);
            if (report.Status != "succeeded")
            {
                throw new InvalidDataException($"Seeding {file} failed: {report.Error}");
            }
        }

        logger.LogInformation("Seeded the officials directory from {Count} shipped files", Files.Count);
        return Files.Count;
    }
}
