using System.Text;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Import;
using CampaignDesk.Core.Territories;
using CampaignDesk.TestSupport;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace CampaignDesk.Core.Tests.Import.Contacts;

/// <summary>A database with INSEE's territories and the RNE's députés (and maires, when asked), to import contact files into.</summary>
internal sealed class ContactWorld : IAsyncDisposable
{
    private ContactWorld(TestDatabase db, ManualTimeProvider time)
    {
        Db = db;
        Time = time;
        Imports = new ImportService(db.Database, new ImportRunStore(db.Database, time), new RneImporter(db.Database, time, NullLogger<RneImporter>.Instance),
            new ParliamentImporter(db.Database, time), time, NullLogger<ImportService>.Instance);
    }

    public TestDatabase Db { get; }

    public ManualTimeProvider Time { get; }

    public ImportService Imports { get; }

    public Database Database => Db.Database;

    public static async Task<ContactWorld> CreateAsync(DatabaseProvider provider, bool maires)
    {
        var world = new ContactWorld(await (await TestDatabase.CreateAsync(provider)).MigratedAsync(), new ManualTimeProvider());
        await new TerritoryLoader(world.Database, world.Time, NullLogger<TerritoryLoader>.Instance).LoadAsync(default);
        await world.ImportFileAsync(DataFiles.Find("rne/2025-10-07/elus-deputes-dep.csv")!);
        if (maires)
        {
            await world.ImportFileAsync(DataFiles.Find("rne/2026-04-24/elus-maires-mai.csv")!);
        }

        return world;
    }

    /// <summary>Makes a new official the maire of <paramref name="commune"/> (the former one's mandate ends), as a new RNE release would.</summary>
    public Task<long> NewMaireAsync(string commune, string department) => Database.WriteAsync(async session =>
    {
        await session.ExecuteAsync("UPDATE mandates SET end_date = '2026-06-01' WHERE role = 'maire' AND commune_insee = @commune AND end_date IS NULL",
            new { commune });
        var id = await session.InsertAsync("officials", "last_name, first_name, sex, search_text, created_utc, updated_utc",
            "'NOUVELLE', 'Élue', 'F', 'nouvelle elue', @now, @now", new { now = Time.GetUtcNow().UtcDateTime });
        await session.ExecuteAsync("""
            INSERT INTO mandates (official_id, role, seat_key, department_code, commune_insee, start_date, source)
            VALUES (@id, 'maire', @seat, @department, @commune, '2026-06-01', 'test')
            """, new { id, seat = "maire:" + commune, department, commune });
        return id;
    }, default);

    public Task<ImportReport> ImportFileAsync(string path, ImportOptions? options = null) =>
        Imports.ImportAsync(() => File.OpenRead(path), Path.GetFileName(path), options ?? ImportOptions.Apply, default);

    public Task<ImportReport> ImportTextAsync(string text, string fileName, ImportOptions? options = null) =>
        Imports.ImportAsync(() => new MemoryStream(Encoding.UTF8.GetBytes(text)), fileName, options ?? ImportOptions.Apply, default);

    public async Task<T?> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await Database.OpenAsync(default);
        return await connection.ExecuteScalarAsync<T>(sql, parameters);
    }

    public async Task<List<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await Database.OpenAsync(default);
        return (await connection.QueryAsync<T>(sql, parameters)).ToList();
    }

    /// <summary>Every contact point of both tables, row for row, but the times a re-import may move (last seen).</summary>
    public async Task<string> SnapshotAsync()
    {
        var rows = await QueryAsync<SnapshotRow>("""
            SELECT id, CAST(official_id AS VARCHAR(20)) AS owner, kind, contact_use, value, source, source_date, retired_utc, first_run_id, retired_run_id FROM contact_points
            UNION ALL
            SELECT id, commune_insee, kind, contact_use, value, source, source_date, retired_utc, first_run_id, retired_run_id FROM commune_contacts
            """);
        return string.Join('\n', rows.OrderBy(r => r.Owner, StringComparer.Ordinal).ThenBy(r => r.Id));
    }

    private sealed class SnapshotRow
    {
        public long Id { get; init; }
        public string Owner { get; init; } = "";
        public string Kind { get; init; } = "";
        public string ContactUse { get; init; } = "";
        public string Value { get; init; } = "";
        public string Source { get; init; } = "";
        public string? SourceDate { get; init; }
        public DateTime? RetiredUtc { get; init; }
        public long? FirstRunId { get; init; }
        public long? RetiredRunId { get; init; }

        public override string ToString() => $"{Id}|{Owner}|{Kind}|{ContactUse}|{Value}|{Source}|{SourceDate}|{RetiredUtc:O}|{FirstRunId}|{RetiredRunId}";
    }

    public async ValueTask DisposeAsync() => await Db.DisposeAsync();
}
