using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Interactions;
using CampaignDesk.Core.Positions;
using CampaignDesk.Core.Users;
using Dapper;

namespace CampaignDesk.Core.Officials;

/// <summary>One line of an official's timeline: an interaction or a position (follow-ups join with their feature).</summary>
public sealed record TimelineEntry(string Type, DateTime At, long Id, long? OrganisationId, string? OrganisationName, long? CampaignId, string Summary,
    Interaction? Interaction, Position? Position);

/// <summary>
/// Everything that happened with one official, newest first, with the organisations involved — as far as the caller
/// may see: other organisations' confidential interactions are left out.
/// </summary>
public sealed class Timeline(Database database, InteractionService interactions, PositionService positions)
{
    public const int MaxEntries = 500;

    public async Task<IReadOnlyList<TimelineEntry>?> ForAsync(Caller caller, long officialId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        if (await connection.ExecuteScalarAsync<long?>(database.Command("SELECT id FROM officials WHERE id = @officialId", new { officialId },
                cancellationToken: cancellationToken)) is null)
        {
            return null;
        }

        var logged = await interactions.SearchAsync(caller, new InteractionQuery(officialId, null, null, new PageRequest(1, MaxEntries)), cancellationToken);
        var stated = await positions.ForOfficialAsync(caller, officialId, null, cancellationToken);
        var organisationIds = logged.Items.Select(i => i.OrganisationId).Concat(stated.Where(p => p.OrganisationId is not null).Select(p => p.OrganisationId!.Value))
            .Distinct().ToArray();
        var names = organisationIds.Length == 0
            ? new Dictionary<long, string>()
            : (await connection.QueryAsync<(long Id, string Name)>(database.Command(
                $"SELECT id, name FROM organisations WHERE {database.Dialect.InList("id", "organisationIds")}", new { organisationIds },
                cancellationToken: cancellationToken))).ToDictionary(o => o.Id, o => o.Name);
        return logged.Items.Select(i => new TimelineEntry("interaction", i.OccurredUtc, i.Id, i.OrganisationId, names.GetValueOrDefault(i.OrganisationId),
                i.CampaignId, $"{i.Channel} ({i.Direction}) : {i.Outcome}", i, null))
            .Concat(stated.Select(p => new TimelineEntry("position", p.StatedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), p.Id, p.OrganisationId,
                p.OrganisationId is { } o ? names.GetValueOrDefault(o) : null, p.CampaignId, $"{p.Kind} : {p.Stance}", null, p)))
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Take(MaxEntries)
            .ToList();
    }
}
