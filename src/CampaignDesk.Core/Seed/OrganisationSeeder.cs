using System.Data.Common;
using System.Globalization;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Organisations;
using CampaignDesk.Core.Resources;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CampaignDesk.Core.Seed;

/// <summary>
/// Seeds organisations from a CSV (columns name, kind, commune, commune_insee, department_code, region_code,
/// network, and optionally type): each distinct network becomes a federation of kind network, each row a member of
/// it. Rows already present (same name in the same commune) are left untouched, so it runs at every start.
/// </summary>
public sealed class OrganisationSeeder(Database database, OrganisationStore store, IOptions<SeedOptions> options, ILogger<OrganisationSeeder> logger)
{
    public const string EmbeddedFile = "seed/structures/sec-pa-structures.csv";

    private static readonly string[] RequiredColumns = ["name", "kind", "commune_insee"];

    public async Task<int> SeedAsync(CancellationToken cancellationToken)
    {
        var file = options.Value.OrganisationsFile;
        if (file is not null && !File.Exists(file))
        {
            throw new InvalidDataException($"Seed:OrganisationsFile '{Path.GetFullPath(file)}' does not exist.");
        }

        var rows = ReadRows(file is null ? EmbeddedFiles.Open(EmbeddedFile) : File.OpenRead(file), file ?? EmbeddedFile);

        try
        {
            var seeded = await database.WriteAsync(async session =>
            {
                var existing = (await session.QueryAsync<(long Id, string NameKey)>("SELECT id, name_key FROM organisations"))
                    .ToDictionary(r => r.NameKey, r => r.Id, StringComparer.Ordinal);

                var added = 0;
                var networks = new Dictionary<string, long>(StringComparer.Ordinal);
                foreach (var network in rows.Select(r => r.Network).OfType<string>().Distinct(StringComparer.Ordinal))
                {
                    var fields = new OrganisationFields(OrganisationTypes.Federation, "network", network, ParentIds: []);
                    networks[network] = await EnsureAsync(session, fields, existing, () => added++);
                }

                foreach (var row in rows)
                {
                    var fields = row.Fields with { ParentIds = row.Network is null ? [] : [networks[row.Network]] };
                    await EnsureAsync(session, fields, existing, () => added++);
                }

                return added;
            }, cancellationToken);
            logger.LogInformation("Seeded {Added} organisations from {Source} ({Total} rows)", seeded, file ?? EmbeddedFile, rows.Count);
            return seeded;
        }
        catch (DbException ex) when (database.Dialect.IsUniqueViolation(ex))
        {
            logger.LogInformation("Another process seeded the organisations at the same time; keeping its rows");
            return 0;
        }
    }

    private async Task<long> EnsureAsync(DbSession session, OrganisationFields fields, Dictionary<string, long> existing, Action onAdded)
    {
        var key = OrganisationStore.NameKey(fields);
        if (existing.TryGetValue(key, out var id))
        {
            return id;
        }

        id = await store.InsertAsync(session, fields);
        existing[key] = id;
        onAdded();
        return id;
    }

    internal static List<SeedRow> ReadRows(Stream stream, string source)
    {
        using var reader = new StreamReader(stream);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { DetectDelimiter = true });
        csv.Read();
        csv.ReadHeader();
        var missing = RequiredColumns.Where(h => !csv.HeaderRecord!.Contains(h)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"{source}: missing column(s) {string.Join(", ", missing)}.");
        }

        string? Field(string name) => csv.HeaderRecord!.Contains(name) ? csv.GetField(name) : null;
        var rows = new List<SeedRow>();
        while (csv.Read())
        {
            var errors = new Errors();
            var fields = OrganisationValidator.Normalise(new OrganisationFields(
                Field("type") is { Length: > 0 } type ? type : OrganisationTypes.Structure,
                Field("kind"), Field("name"), Field("commune_insee"), Field("commune"),
                Field("department_code"), Field("region_code"), Field("mailbox")), errors);
            if (errors.Any)
            {
                var reasons = errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(" ", e.Value)}");
                throw new InvalidDataException($"{source} line {csv.Parser.RawRow}: {string.Join("; ", reasons)}");
            }

            rows.Add(new SeedRow(fields, Field("network") is { Length: > 0 } network ? network.Trim() : null));
        }

        return rows;
    }

    internal sealed record SeedRow(OrganisationFields Fields, string? Network);
}
