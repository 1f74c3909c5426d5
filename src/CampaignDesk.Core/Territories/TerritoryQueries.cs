using CampaignDesk.Core.Data;
using Dapper;

namespace CampaignDesk.Core.Territories;

public sealed record Commune(string Insee, string Name, string? DepartmentCode, string? RegionCode, string? CantonCode);

/// <param name="Partial">The commune is split across several circonscriptions: each is only a candidate.</param>
public sealed record CirconscriptionCandidate(string Code, bool Partial);

public sealed class TerritoryQueries(Database database)
{
    public async Task<Commune?> GetCommuneAsync(string insee, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Commune>(database.Command(
            "SELECT insee, name, department_code, region_code, canton_code FROM communes WHERE insee = @insee",
            new { insee }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<CirconscriptionCandidate>> GetCirconscriptionsAsync(string communeInsee, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Code, bool Partial)>(database.Command(
            "SELECT circonscription_code, partial FROM commune_circonscriptions WHERE commune_insee = @communeInsee ORDER BY circonscription_code",
            new { communeInsee }, cancellationToken: cancellationToken));
        return rows.Select(r => new CirconscriptionCandidate(r.Code, r.Partial)).ToList();
    }
}
