using System.Text.Json;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Import;
using CampaignDesk.Core.Parliament;
using CampaignDesk.Core.Resources;
using CampaignDesk.Core.Users;
using Microsoft.Extensions.Logging;

namespace CampaignDesk.Core.Seed;

/// <summary>
/// Seeds the parliament watch's demo: the demo campaign, when it was just created, gets the watches its
/// <c>campaign.json</c> lists; then the shipped questions au Gouvernement, amendments and votes are imported (each file
/// once), which proposes the positions the watches find.
/// </summary>
public sealed class ParliamentSeeder(Database database, ParliamentImportService imports, WatchService watches, ILogger<ParliamentSeeder> logger)
{
    public static readonly IReadOnlyList<string> Files =
    [
        "seed/parliament/assemblee-questions-gouvernement-l16.zip",
        "seed/parliament/assemblee-amendements-l17.zip",
        "seed/parliament/assemblee-scrutins-l16-l17.zip",
    ];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <param name="demoCampaign">The demo campaign if it was created by this start-up; null otherwise (its watches are its owners').</param>
    public async Task<int> SeedAsync(long? demoCampaign, CancellationToken cancellationToken)
    {
        if (demoCampaign is { } campaign)
        {
            await using var stream = EmbeddedFiles.Open(CampaignSeeder.File);
            var demo = await JsonSerializer.DeserializeAsync<DemoWatches>(stream, Json, cancellationToken);
            foreach (var watch in demo?.Watches ?? [])
            {
                var created = await watches.CreateAsync(Caller.System("seed"), campaign, watch, cancellationToken);
                if (!created.IsOk)
                {
                    throw new InvalidDataException($"{CampaignSeeder.File}: watch « {watch.Name} »: {string.Join(", ", created.Errors?.Keys ?? [])}");
                }
            }
        }

        var imported = 0;
        foreach (var file in Files)
        {
            var name = Path.GetFileName(file);
            if (await database.ReadAsync(session => session.ScalarAsync<int>(
                    "SELECT COUNT(*) FROM import_runs WHERE file_type = @FileType AND file_name = @name AND status = 'succeeded'",
                    new { ParliamentImportService.FileType, name }), cancellationToken) > 0)
            {
                continue;
            }

            var report = await imports.ImportAsync(() => EmbeddedFiles.Open(file), name, cancellationToken);
            if (report.Status != "succeeded")
            {
                throw new InvalidDataException($"Seeding {file} failed: {report.Error}");
            }

            imported++;
        }

        if (imported > 0)
        {
            logger.LogInformation("Seeded {Count} shipped parliament files", imported);
        }

        return imported;
    }

    private sealed record DemoWatches(IReadOnlyList<WatchInput>? Watches);
}
