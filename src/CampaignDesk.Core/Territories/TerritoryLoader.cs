using System.Data.Common;
using System.Globalization;
using System.Text;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Resources;
using CampaignDesk.Core.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Dapper;
using Microsoft.Extensions.Logging;

namespace CampaignDesk.Core.Territories;

/// <summary>
/// Loads INSEE's Code officiel géographique 2026 and the commune → circonscription table (shipped in the assembly)
/// once per database: régions, départements (plus the overseas collectivities), cantons, communes and municipal
/// arrondissements, circonscriptions législatives.
/// </summary>
public sealed class TerritoryLoader(Database database, TimeProvider time, ILogger<TerritoryLoader> logger)
{
    public const string Release = "INSEE COG 2026";

    // Circonscriptions that the INSEE table leaves out: Français établis hors de France, Mayotte and the collectivities.
    private static readonly (string Department, int Count)[] ExtraCirconscriptions =
        [("ZZ", 11), ("976", 2), ("975", 1), ("977", 1), ("986", 1), ("987", 3), ("988", 2)];

    public async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await database.ReadAsync(IsLoadedAsync, cancellationToken))
        {
            return false;
        }

        try
        {
            var loaded = await database.WriteAsync(async session =>
            {
                if (await IsLoadedAsync(session))
                {
                    return false;
                }

                await LoadAsync(session);
                await session.ExecuteAsync("INSERT INTO reference_releases (name, loaded_utc) VALUES (@Release, @Now)",
                    new { Release, Now = time.GetUtcNow().UtcDateTime });
                return true;
            }, commitWhen: loaded => loaded, cancellationToken);
            if (loaded)
            {
                logger.LogInformation("Loaded territories of {Release}", Release);
            }

            return loaded;
        }
        catch (DbException ex) when (database.Dialect.IsUniqueViolation(ex))
        {
            logger.LogInformation("Another process loaded {Release} at the same time", Release);
            return false;
        }
    }

    private static async Task<bool> IsLoadedAsync(DbSession session) =>
        await session.ScalarAsync<int>("SELECT COUNT(*) FROM reference_releases WHERE name = @Release", new { Release }) > 0;

    private static async Task LoadAsync(DbSession session)
    {
        var dialect = session.Dialect;
        await dialect.BulkInsertAsync(session.Connection, session.Transaction!, "regions", ["code", "name"],
            Rows("seed/insee/v_region_2026.csv", ',', r => [r["REG"], r["LIBELLE"]]), session.CancellationToken);

        var departments = Rows("seed/insee/v_departement_2026.csv", ',', r => [r["DEP"], r["REG"], r["LIBELLE"]])
            .Concat(DepartmentCatalog.Collectivities.Select(c => new object?[] { c.Code, null, c.Name }));
        await dialect.BulkInsertAsync(session.Connection, session.Transaction!, "departments", ["code", "region_code", "name"],
            departments, session.CancellationToken);

        await dialect.BulkInsertAsync(session.Connection, session.Transaction!, "cantons", ["code", "department_code", "name"],
            Rows("seed/insee/v_canton_2026.csv", ',', r => [r["CAN"], r["DEP"], r["LIBELLE"]]), session.CancellationToken);

        // Communes and Paris/Lyon/Marseille arrondissements; delegated and associated communes only feed the
        // circonscription table below (they predate mergers that the INSEE circonscription table does not know).
        var merged = new List<(string Old, string Parent)>();
        var communes = Rows("seed/insee/v_commune_2026.csv", ',', r =>
        {
            if (r["TYPECOM"] is "COMD" or "COMA")
            {
                merged.Add((r["COM"], r["COMPARENT"]));
                return null;
            }

            return [r["COM"], r["LIBELLE"], SearchText.Fold(r["LIBELLE"]), Empty(r["DEP"]), Empty(r["REG"]), Empty(r["CAN"]), Empty(r["COMPARENT"])];
        });
        await dialect.BulkInsertAsync(session.Connection, session.Transaction!, "communes",
            ["insee", "name", "search_text", "department_code", "region_code", "canton_code", "parent_insee"],
            communes, session.CancellationToken);

        var links = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var circonscriptions = new Dictionary<string, (string Department, int Number)>(StringComparer.Ordinal);
        foreach (var row in Rows("seed/insee/circo_composition.csv", ';', r => [r["DEP"], r["COMMUNE_RESID"], r["circo"]]))
        {
            // The circonscription's own code names its département: a commune that changed département (Pont-Farcy,
            // Calvados → Manche) still votes in its old one's circonscription.
            var (commune, circo) = ((string)row[1]!, (string)row[2]!);
            var department = circo.Length == 5 ? DepartmentCatalog.DepartmentOfCommune(circo) : "";
            if (department.Length == 0 || !int.TryParse(circo[department.Length..], CultureInfo.InvariantCulture, out var number))
            {
                continue;
            }

            var code = CirconscriptionCode.Of(department, number);
            circonscriptions[code] = (department, number);
            if (!links.TryGetValue(commune, out var set))
            {
                links[commune] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.Add(code);
        }

        // A commune created by merging others inherits their circonscriptions.
        foreach (var (old, parent) in merged)
        {
            if (!links.ContainsKey(parent) && links.TryGetValue(old, out var inherited))
            {
                links[parent] = new HashSet<string>(inherited, StringComparer.Ordinal);
            }
            else if (links.TryGetValue(old, out var more) && links.TryGetValue(parent, out var existing) && !ReferenceEquals(more, existing))
            {
                existing.UnionWith(more);
            }
        }

        foreach (var (department, count) in ExtraCirconscriptions)
        {
            for (var number = 1; number <= count; number++)
            {
                circonscriptions[CirconscriptionCode.Of(department, number)] = (department, number);
            }
        }

        await dialect.BulkInsertAsync(session.Connection, session.Transaction!, "circonscriptions", ["code", "department_code", "number"],
            circonscriptions.Select(c => new object?[] { c.Key, c.Value.Department, c.Value.Number }), session.CancellationToken);
        await dialect.BulkInsertAsync(session.Connection, session.Transaction!, "commune_circonscriptions", ["commune_insee", "circonscription_code", "partial"],
            links.SelectMany(l => l.Value.Select(code => new object?[] { l.Key, code, l.Value.Count > 1 })), session.CancellationToken);
    }

    private static string? Empty(string value) => value.Length == 0 ? null : value;

    private static IEnumerable<object?[]> Rows(string resource, char delimiter, Func<IReaderRow, object?[]?> map)
    {
        using var reader = new StreamReader(EmbeddedFiles.Open(resource), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = delimiter.ToString() });
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            if (map(new Row(csv)) is { } value)
            {
                yield return value;
            }
        }
    }

    /// <summary>A CSV row read by column name.</summary>
    private interface IReaderRow
    {
        string this[string column] { get; }
    }

    private sealed class Row(CsvReader csv) : IReaderRow
    {
        public string this[string column] => csv.GetField(column)?.Trim() ?? string.Empty;
    }
}
