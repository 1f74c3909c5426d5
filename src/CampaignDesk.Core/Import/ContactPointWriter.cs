using CampaignDesk.Core.Common;
using CampaignDesk.Core.Contacts;
using CampaignDesk.Core.Data;
using Dapper;

namespace CampaignDesk.Core.Import;

/// <summary>
/// The one place imports write contact points, for both owners' tables (an official's <c>contact_points</c>, a
/// commune's mairie in <c>commune_contacts</c>), in the run's transaction. For each owner the file lists, the values of
/// each kind it publishes replace that source's current ones: a value seen again is kept (last seen, source date), a new
/// one is added with the run (<c>first_run_id</c>), one the file no longer lists is retired with the run
/// (<c>retired_run_id</c>), never deleted, and one that comes back is current again. Owners the file does not list are
/// left alone, and a file older than the newest that gave an owner's current values of a kind adds and retires none of
/// them. Before it changes a row it did not add, the row is journalled (<see cref="ImportJournal"/>), so that
/// <see cref="ImportReverter"/> puts every contact point back as it was, a revived one's retirement included.
/// </summary>
internal sealed class ContactPointWriter(Database database, DbSession session, ImportRun run, DateTime now)
{
    private const int Chunk = 500;

    private static readonly Owner Officials = new("contact_points", "official_id", ImportJournal.ContactPoint);
    private static readonly Owner Communes = new("commune_contacts", "commune_insee", ImportJournal.CommuneContact);

    private readonly ImportJournal _journal = new(database);
    private int _olderGroups;

    private string SourceDate => IsoDate.Format(run.ReleaseDate ?? DateOnly.FromDateTime(now))!;

    /// <summary>
    /// One value a source gives an official of a kind (the parliament lists' one e-mail each): seen again, it keeps the
    /// others of the source (the acteur files may list a second address); a different one, or one retired before,
    /// replaces the source's current ones of its kind.
    /// </summary>
    public async Task SaveOneAsync(long officialId, ContactValue value, string source)
    {
        var rows = await ExistingAsync<long>(Officials, source, [value.Kind], "official_id = @officialId", new { officialId });
        var changes = new Changes();
        if (rows.FirstOrDefault(r => r.Value == value.Value && r.RetiredUtc is null) is { } current)
        {
            Keep(changes, current, value);
        }
        else
        {
            Plan(changes, officialId, value.Kind, source, rows, [value]);
        }

        await ApplyAsync(Officials, changes);
    }

    public Task ReplaceForOfficialsAsync(string source, IReadOnlyCollection<string> kinds, IReadOnlyDictionary<long, List<ContactValue>> values) =>
        ReplaceAsync(Officials, source, kinds, values);

    public Task ReplaceForCommunesAsync(string source, IReadOnlyCollection<string> kinds, IReadOnlyDictionary<string, List<ContactValue>> values) =>
        ReplaceAsync(Communes, source, kinds, values);

    /// <summary>Reports, once, the groups an older file left as a newer one had them.</summary>
    public void ReportOlder()
    {
        if (_olderGroups > 0)
        {
            run.Report(null, ImportIssueKinds.OlderRelease, ImportOutcome.Format(
                $"{_olderGroups} série(s) de coordonnées laissées telles quelles : une publication plus récente que celle-ci ({SourceDate}) les a déjà données."));
        }
    }

    private async Task ReplaceAsync<TKey>(Owner owner, string source, IReadOnlyCollection<string> kinds, IReadOnlyDictionary<TKey, List<ContactValue>> values)
        where TKey : notnull
    {
        var existing = (await ExistingAsync<TKey>(owner, source, kinds, null, null)).ToLookup(r => (r.Owner, r.Kind));
        var changes = new Changes();
        foreach (var (key, found) in values)
        {
            foreach (var kind in kinds)
            {
                Plan(changes, key, kind, source, existing[(key, kind)].ToList(), found.Where(v => v.Kind == kind).DistinctBy(v => v.Value).ToList());
            }
        }

        await ApplyAsync(owner, changes);
    }

    private async Task<List<Row<TKey>>> ExistingAsync<TKey>(Owner owner, string source, IReadOnlyCollection<string> kinds, string? condition,
        object? parameters)
    {
        var all = new DynamicParameters(parameters);
        all.Add("source", source);
        all.Add("kindList", kinds.ToArray());
        return (await session.Connection.QueryAsync<Row<TKey>>(session.Command($"""
            SELECT id, {owner.Column} AS owner, kind, contact_use, value, label, street, postal_code, city, latitude, longitude, source_date, retired_utc
            FROM {owner.Table} WHERE source = @source AND {database.Dialect.InList("kind", "kindList")} {(condition is null ? "" : "AND " + condition)}
            """, all))).ToList();
    }

    // What one owner's values of one kind change: the file's values replace the current ones, unless a newer file gave those.
    private void Plan<TKey>(Changes changes, TKey key, string kind, string source, List<Row<TKey>> rows, List<ContactValue> wanted)
    {
        var date = SourceDate;
        var known = wanted.Select(v => (Value: v, Row: rows.FirstOrDefault(r => r.Value == v.Value))).ToList();
        var gone = rows.Where(r => r.RetiredUtc is null && wanted.All(v => v.Value != r.Value)).ToList();
        var added = known.Count(k => k.Row is null || k.Row.RetiredUtc is not null);
        if ((added > 0 || gone.Count > 0) && rows.Any(r => r.RetiredUtc is null && string.CompareOrdinal(r.SourceDate, date) > 0))
        {
            _olderGroups++;
            return;
        }

        foreach (var (value, row) in known)
        {
            if (row is null)
            {
                changes.Inserts.Add([key, kind, value.Use, value.Value, source, value.Label, value.Street, value.PostalCode, value.City, value.Latitude,
                    value.Longitude, date, now, now, run.Id]);
            }
            else if (row.RetiredUtc is null)
            {
                Keep(changes, row, value);
            }
            else
            {
                changes.Revived.Add(row.Id);
                Describe(changes, row, value);
            }
        }

        changes.Retired.AddRange(gone.Select(r => r.Id));

        // A value replaced by another is one change; a value gone is one too; a value added beside the others is an addition.
        run.ContactsAdded += added - Math.Min(added, gone.Count);
        run.ContactsChanged += gone.Count;
    }

    private static void Keep<TKey>(Changes changes, Row<TKey> row, ContactValue value)
    {
        changes.Seen.Add(row.Id);
        Describe(changes, row, value);
    }

    // A value listed again with other parts (an address's coordinates, a use) takes the file's.
    private static void Describe<TKey>(Changes changes, Row<TKey> row, ContactValue value)
    {
        if (!row.Describes(value))
        {
            changes.Described.Add((row.Id, value));
        }
    }

    private async Task ApplyAsync(Owner owner, Changes changes)
    {
        foreach (var (id, value) in changes.Described)
        {
            await _journal.ContactsAsync(session, run.Id, owner.Table, owner.Entity, "described", "id = @Id", new { Id = id });
            await session.Connection.ExecuteAsync(session.Command($"""
                UPDATE {owner.Table} SET contact_use = @Use, label = @Label, street = @Street, postal_code = @PostalCode, city = @City,
                    latitude = @Latitude, longitude = @Longitude
                WHERE id = @Id
                """, new { value.Use, value.Label, value.Street, value.PostalCode, value.City, value.Latitude, value.Longitude, Id = id }));
        }

        // A value a newer file already listed keeps that newer date.
        await UpdateAsync(owner, "seen",
            "last_seen_utc = @now, source_date = CASE WHEN source_date IS NULL OR source_date < @date THEN @date ELSE source_date END",
            changes.Seen);
        await UpdateAsync(owner, "revived", "last_seen_utc = @now, source_date = @date, retired_utc = NULL, retired_run_id = NULL", changes.Revived);
        await UpdateAsync(owner, "retired", "retired_utc = @now, retired_run_id = @Run", changes.Retired);
        await database.Dialect.BulkInsertAsync(session.Connection, session.Transaction!, owner.Table,
            [owner.Column, "kind", "contact_use", "value", "source", "label", "street", "postal_code", "city", "latitude", "longitude", "source_date",
             "first_seen_utc", "last_seen_utc", "first_run_id"], changes.Inserts, session.CancellationToken);
    }

    private async Task UpdateAsync(Owner owner, string action, string set, List<long> ids)
    {
        var condition = database.Dialect.InList("id", "chunk");
        foreach (var chunk in ids.Chunk(Chunk))
        {
            await _journal.ContactsAsync(session, run.Id, owner.Table, owner.Entity, action, condition, new { chunk });
            await session.Connection.ExecuteAsync(session.Command($"UPDATE {owner.Table} SET {set} WHERE {condition}",
                new { now, date = SourceDate, Run = run.Id, chunk }));
        }
    }

    // Table, column and journal entity come from the two owners above, never from input.
    private sealed record Owner(string Table, string Column, string Entity);

    private sealed class Changes
    {
        public List<long> Seen { get; } = [];
        public List<long> Revived { get; } = [];
        public List<long> Retired { get; } = [];
        public List<(long Id, ContactValue Value)> Described { get; } = [];
        public List<object?[]> Inserts { get; } = [];
    }

    private sealed class Row<TKey> : ContactRow
    {
        public long Id { get; init; }
        public TKey Owner { get; init; } = default!;

        public bool Describes(ContactValue value) => ContactUse == value.Use && Label == value.Label && Street == value.Street
            && PostalCode == value.PostalCode && City == value.City && Latitude == value.Latitude && Longitude == value.Longitude;
    }
}
