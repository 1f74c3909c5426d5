using CampaignDesk.Core.Data;
using CampaignDesk.Core.Territories;

namespace CampaignDesk.Core.Import.Rne;

/// <summary>
/// The communes and cantons of the INSEE release loaded in the database, held in two hash sets for one import: a
/// million rows are checked in memory, on the core that reads the file, rather than by a million look-ups. INSEE's
/// list of communes leaves out those of the overseas collectivities (Polynésie, Nouvelle-Calédonie,
/// Saint-Pierre-et-Miquelon…): their codes are checked by their collectivity only (<see cref="RneLimits"/>).
/// </summary>
internal sealed class RneTerritories(HashSet<string> communes, HashSet<string> cantons)
{
    /// <summary>The codes to check the file's rows against, or null when the file names no commune and no canton.</summary>
    /// <exception cref="InvalidDataException">The territories are not loaded: the file's codes cannot be checked.</exception>
    public static async Task<RneTerritories?> LoadAsync(DbSession session, RneFile file)
    {
        if (!file.Names(RneField.CommuneCode) && !file.Names(RneField.CantonCode))
        {
            return null;
        }

        async Task<HashSet<string>> Codes(string sql) =>
            (await session.QueryAsync<string>(sql)).ToHashSet(StringComparer.Ordinal);
        var communes = await Codes("SELECT insee FROM communes");
        if (communes.Count == 0)
        {
            throw new InvalidDataException(
                $"les territoires de l'INSEE ({TerritoryLoader.Release}) ne sont pas chargés dans la base, les codes de commune et de canton du fichier ne peuvent pas être vérifiés ; le démarrage de CampaignDesk les charge.");
        }

        return new RneTerritories(communes, await Codes("SELECT code FROM cantons"));
    }

    /// <summary>Why the row names a commune or a canton INSEE does not know, in French, or null.</summary>
    public string? Unknown(RneRecord record)
    {
        if (record.CommuneInsee is { } commune && !communes.Contains(commune) && !InCollectivity(commune))
        {
            return $"commune « {commune} » inconnue de l'INSEE ({TerritoryLoader.Release})";
        }

        return record.CantonCode is { } canton && !cantons.Contains(canton)
            ? $"canton « {canton} » inconnu de l'INSEE ({TerritoryLoader.Release})"
            : null;
    }

    private static bool InCollectivity(string commune)
    {
        var code = DepartmentCatalog.DepartmentOfCommune(commune);
        return DepartmentCatalog.Collectivities.Any(c => c.Code == code);
    }
}
