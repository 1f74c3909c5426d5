using CampaignDesk.Core.Data;

namespace CampaignDesk.Core.Territories;

public sealed record Commune(string Insee, string Name, string? DepartmentCode, string? RegionCode, string? CantonCode);

/// <param name="Partial">The commune is split across several circonscriptions: each is only a candidate.</param>
public sealed record CirconscriptionCandidate(string Code, bool Partial);

/// <summary>Reads of the INSEE territories (<see cref="TerritoryLoader"/> loads them).</summary>
public sealed class TerritoryQueries(Database database)
{
    public Task<Commune?> GetCommuneAsync(string insee, CancellationToken cancellationToken) =>
        database.ReadAsync(session => session.SingleOrDefaultAsync<Commune>(
            "SELECT insee, name, department_code, region_code, canton_code FROM communes WHERE insee = @insee", new { insee }), cancellationToken);

    public async Task<IReadOnlyList<CirconscriptionCandidate>> GetCirconscriptionsAsync(string communeInsee, CancellationToken cancellationToken)
    {
        var rows = await database.ReadAsync(session => session.QueryAsync<(string Code, bool Partial)>(
            "SELECT circonscription_code, partial FROM commune_circonscriptions WHERE commune_insee = @communeInsee ORDER BY circonscription_code",
            new { communeInsee }), cancellationToken);
        return rows.Select(r => new CirconscriptionCandidate(r.Code, r.Partial)).ToList();
    }
}
