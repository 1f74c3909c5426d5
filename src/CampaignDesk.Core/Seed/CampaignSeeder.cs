using System.Text.Json;
using CampaignDesk.Core.Campaigns;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Positions;
using CampaignDesk.Core.Resources;
using CampaignDesk.Core.Text;
using CampaignDesk.Core.Users;
using Microsoft.Extensions.Logging;

namespace CampaignDesk.Core.Seed;

/// <summary>
/// Seeds the shipped demo campaign, once (when no campaign exists): every seeded structure takes part, with the
/// default targeting, and its known positions are recorded for the officials the directory holds.
/// </summary>
public sealed class CampaignSeeder(Database database, CampaignService campaigns, PositionService positions, FollowUps.TemplateService templates,
    ILogger<CampaignSeeder> logger)
{
    public const string File = "seed/campaign/campaign.json";

    private static readonly Caller Seed = Caller.System("seed");
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<long?> SeedAsync(CancellationToken cancellationToken)
    {
        var structures = await database.ReadAsync(async session =>
            await session.ScalarAsync<long>("SELECT COUNT(*) FROM campaigns") > 0
                ? null
                : (await session.QueryAsync<long>("SELECT id FROM organisations WHERE type = 'structure' ORDER BY id")).ToArray(), cancellationToken);
        if (structures is null)
        {
            return null;
        }

        await using var stream = EmbeddedFiles.Open(File);
        var demo = await JsonSerializer.DeserializeAsync<DemoCampaign>(stream, Json, cancellationToken)
            ?? throw new InvalidDataException($"{File} is empty.");
        var created = await campaigns.CreateAsync(Seed, new CampaignFields(demo.Title, demo.Goal, demo.Deadline, demo.Status, structures), cancellationToken);
        if (created.Status == Common.OutcomeStatus.Conflict)
        {
            return null; // another process seeded it a moment ago
        }

        if (!created.IsOk)
        {
            throw new InvalidDataException($"{File}: {created.Detail?.ToString() ?? string.Join(", ", created.Errors?.Keys ?? [])}");
        }

        var id = created.Value!.Id;
        foreach (var position in demo.Positions ?? [])
        {
            var official = await FindAsync(position, cancellationToken);
            if (official is null)
            {
                // Not the official's name: logs carry no names.
                logger.LogInformation("Demo position of {Date} not seeded: its {Role} is not a current one in the directory", position.StatedOn, position.Role);
                continue;
            }

            var recorded = await positions.RecordAsync(Seed, new PositionInput(official, id, position.Kind, position.StatedOn, position.Stance,
                position.Summary, position.Source, null, null), cancellationToken);
            if (!recorded.IsOk)
            {
                throw new InvalidDataException($"{File}: position of {position.StatedOn}: {string.Join(", ", recorded.Errors?.Keys ?? [])}");
            }
        }

        foreach (var template in demo.Templates ?? [])
        {
            var written = await templates.CreateAsync(Seed, new FollowUps.TemplateFields(id, template.Name, template.Subject, template.Body), cancellationToken);
            if (!written.IsOk)
            {
                throw new InvalidDataException($"{File}: template « {template.Name} »: {string.Join(", ", written.Errors?.Keys ?? [])}");
            }
        }

        logger.LogInformation("Seeded the demo campaign « {Title} » with {Count} participating structures", demo.Title, structures.Length);
        return id;
    }

    private Task<long?> FindAsync(DemoPosition position, CancellationToken cancellationToken) =>
        database.ReadAsync(session => session.FirstOrDefaultAsync<long?>("""
            SELECT o.id FROM officials o JOIN mandates m ON m.official_id = o.id AND m.end_date IS NULL AND m.role = @Role
            WHERE o.search_text = @Name ORDER BY o.id
            """, new { position.Role, Name = SearchText.Fold($"{position.LastName} {position.FirstName}") }), cancellationToken);

    private sealed record DemoCampaign(string Title, string? Goal, DateOnly? Deadline, string? Status, IReadOnlyList<DemoPosition>? Positions,
        IReadOnlyList<DemoTemplate>? Templates);

    private sealed record DemoTemplate(string Name, string Subject, string Body);

    private sealed record DemoPosition(DateOnly StatedOn, string Kind, string LastName, string FirstName, string Role, string Stance, string Summary,
        string Source);
}
