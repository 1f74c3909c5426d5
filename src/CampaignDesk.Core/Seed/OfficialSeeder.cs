using CampaignDesk.Core.Data;
using CampaignDesk.Core.Import;
using CampaignDesk.Core.Resources;
using Microsoft.Extensions.Logging;

namespace CampaignDesk.Core.Seed;

/// <summary>
/// Seeds the directory from the snapshot the project ships: the RNE's députés, sénateurs, conseillers
/// départementaux and régionaux (2025-10-07) and maires (2026-04-24), the Assemblée's acteur files (addresses and
/// phones, 2025-11-18), then the Assemblée's and the Sénat's e-mails and groups, and the mairies' e-mails of the
/// administration's directory. Each file goes through the ordinary importer, once (a file already imported is skipped).
/// </summary>
public sealed class OfficialSeeder(Database database, ImportService imports, ILogger<OfficialSeeder> logger)
{
    private const string Acteurs = "seed/contacts/assemblee-acteurs-l17-2025-11-18.zip";
    private const string Mairies = "seed/contacts/mairies-emails-2021-03-02.csv";

    // RNE first (it creates the officials), then the sources that add contacts to them. The acteur files come before the
    // députés' list: that list is newer and gives one e-mail each, which keeps the others the acteur files list.
    public static readonly IReadOnlyList<string> Files =
    [
        "seed/officials/elus-deputes-dep-2025-10-07.csv",
        "seed/officials/elus-senateurs-sen-2025-10-07.csv",
        "seed/officials/elus-maires-mai-2026-04-24.csv",
        "seed/officials/elus-conseillers-departementaux-cd-2025-10-07.csv",
        "seed/officials/elus-conseillers-regionaux-cr-2025-10-07.csv",
        Acteurs,
        "seed/officials/assemblee-deputes-2026-03-04.json",
        "seed/officials/senateurs-api-2026-03-03.json",
        "seed/officials/ODSEN_GENERAL-2025-08-29.json",
        Mairies,
    ];

    /// <summary>Shipped after the first snapshot: a directory fed before them gets each once, unless a file of its type was imported.</summary>
    public static readonly IReadOnlyList<string> ContactFiles = [Acteurs, Mairies];

    public async Task<int> SeedAsync(CancellationToken cancellationToken)
    {
        var done = await database.ReadAsync(session => session.ScalarAsync<int>("SELECT COUNT(*) FROM import_runs WHERE status = 'succeeded'"),
            cancellationToken);

        // A directory already fed takes later releases through imports, not the seed; only contact files it never had.
        var files = done == 0 ? Files : await MissingContactFilesAsync(cancellationToken);
        foreach (var file in files)
        {
            var report = await imports.ImportAsync(() => EmbeddedFiles.Open(file), Path.GetFileName(file), cancellationToken);
            if (report.Status != "succeeded")
            {
                throw new InvalidDataException($"Seeding {file} failed: {report.Error}");
            }
        }

        if (files.Count > 0)
        {
            logger.LogInformation("Seeded the officials directory from {Count} shipped files", files.Count);
        }

        return files.Count;
    }

    private async Task<IReadOnlyList<string>> MissingContactFilesAsync(CancellationToken cancellationToken)
    {
        var missing = new List<string>();
        foreach (var file in ContactFiles)
        {
            var type = imports.Describe(() => EmbeddedFiles.Open(file), Path.GetFileName(file)).FileType;
            if (await database.ReadAsync(session => session.ScalarAsync<int>(
                    "SELECT COUNT(*) FROM import_runs WHERE status = 'succeeded' AND file_type = @type", new { type }), cancellationToken) == 0)
            {
                missing.Add(file);
            }
        }

        return missing;
    }
}
