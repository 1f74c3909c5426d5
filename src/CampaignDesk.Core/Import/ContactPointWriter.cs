using System.Data.Common;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Contacts;
using CampaignDesk.Core.Data;
using Dapper;

namespace CampaignDesk.Core.Import;

/// <summary>
/// Writes the contact points an import found, in its transaction: for each official or commune the file lists, the
/// values of each kind it publishes replace that source's current ones. A value seen again is kept (last seen, source
/// date); a new one is added with the run (<c>first_run_id</c>); one the file no longer lists is retired with the run
/// (<c>retired_run_id</c>), never deleted; one that comes back is made current again. Owners the file does not list are
/// left alone (a file of one person changes nobody else), and a file older than the newest that listed an owner's
/// current values of a kind adds and retires none of them (it only confirms those it lists too).
/// </summary>
/// <remarks>The one place that adds and retires contact points for imports, for both owners' tables.</remarks>
internal sealed class ContactPointWriter(Database database, DbConnection connection, DbTransaction transaction, ImportRun run, DateTime now)
{
    private const int Chunk = 500;

    private int _olderGroups;

    private string SourceDate => IsoDate.Format(run.ReleaseDate ?? DateOnly.FromDateTime(now))!;

    public Task ReplaceForOfficialsAsync(string source, IReadOnlyCollection<string> kinds, IReadOnlyDictionary<long, List<ContactValue>> values,
        CancellationToken cancellationToken) =>
        ReplaceAsync(new Owner("contact_points", "official_id"), source, kinds, values, cancellationToken);

    public Task ReplaceForCommunesAsync(string source, IReadOnlyCollection<string> kinds, IReadOnlyDictionary<string, List<ContactValue>> values,
        CancellationToken cancellationToken) =>
        ReplaceAsync(new Owner("commune_contacts", "commune_insee"), source, kinds, values, cancellationToken);

    /// <summary>Reports, once, the groups an older file left as a newer one had them.</summary>
    public void ReportOlder()
    {
        if (_olderGroups > 0)
        {
            run.Report(null, ImportIssueKinds.OlderRelease, ImportOutcome.Format(
                $"{_olderGroups} série(s) de coordonnées laissées telles quelles : une publication plus récente que celle-ci ({SourceDate}) les a déjà données."));
        }
    }

    private async Task ReplaceAsync<TKey>(Owner owner, string source, IReadOnlyCollection<string> kinds, IReadOnlyDictionary<TKey, List<ContactValue>> values,
        CancellationToken cancellationToken) where TKey : notnull
    {
        var kindList = kinds.ToArray();
        var existing = (await connection.QueryAsync<Row<TKey>>(database.Command($"""
            SELECT id, {owner.Column} AS owner, kind, contact_use, value, label, street, postal_code, city, latitude, longitude, source_date, retired_utc
            FROM {owner.Table} WHERE source = @source AND {database.Dialect.InList("kind", "kindList")}
            """, new { source, kindList }, transaction, cancellationToken))).ToLookup(r => (r.Owner, r.Kind));

        var (touched, revived, retired) = (new List<long>(), new List<long>(), new List<long>());
        var inserts = new List<object?[]>();
        var date = SourceDate;
        foreach (var (key, found) in values)
        {
            foreach (var kind in kindList)
            {
                var rows = existing[(key, kind)].ToList();
                var wanted = found.Where(v => v.Kind == kind).DistinctBy(v => v.Value).ToList();
                var known = wanted.Select(v => (Value: v, Row: rows.FirstOrDefault(r => r.Value == v.Value))).ToList();
                var gone = rows.Where(r => r.RetiredUtc is null && wanted.All(v => v.Value != r.Value)).ToList();
                var added = known.Count(k => k.Row is null || k.Row.RetiredUtc is not null);
                if ((added > 0 || gone.Count > 0) && rows.Any(r => r.RetiredUtc is null && string.CompareOrdinal(r.SourceDate, date) > 0))
                {
                    _olderGroups++;
                    continue;
                }

                foreach (var (value, row) in known)
                {
                    if (row is null)
                    {
                        inserts.Add([key, kind, value.Use, value.Value, source, value.Label, value.Street, value.PostalCode, value.City, value.Latitude,
                            value.Longitude, date, now, now, run.Id]);
                        continue;
                    }

                    (row.RetiredUtc is null ? touched : revived).Add(row.Id);
                    if (!row.Describes(value))
                    {
                        await connection.ExecuteAsync(database.Command($"""
                            UPDATE {owner.Table} SET contact_use = @Use, label = @Label, street = @Street, postal_code = @PostalCode, city = @City,
                                latitude = @Latitude, longitude = @Longitude
                            WHERE id = @Id
                            """, new { value.Use, value.Label, value.Street, value.PostalCode, value.City, value.Latitude, value.Longitude, row.Id },
                            transaction, cancellationToken));
                    }
                }

                retired.AddRange(gone.Select(r => r.Id));

                // A value replaced by another is one change; a value gone is one too; a value added beside the others is an addition.
                run.ContactsAdded += added - Math.Min(added, gone.Count);
                run.ContactsChanged += gone.Count;
            }
        }

        // A value a newer file already listed keeps that newer date.
        await UpdateAsync(owner, "last_seen_utc = @now, source_date = CASE WHEN source_date IS NULL OR source_date < @date THEN @date ELSE source_date END",
            touched, date, cancellationToken);
        await UpdateAsync(owner, "last_seen_utc = @now, source_date = @date, retired_utc = NULL, retired_run_id = NULL", revived, date, cancellationToken);
        await UpdateAsync(owner, "retired_utc = @now, retired_run_id = @Run", retired, date, cancellationToken);
        await database.Dialect.BulkInsertAsync(connection, transaction, owner.Table,
            [owner.Column, "kind", "contact_use", "value", "source", "label", "street", "postal_code", "city", "latitude", "longitude", "source_date",
             "first_seen_utc", "last_seen_utc", "first_run_id"], inserts, cancellationToken);
    }

    private async Task UpdateAsync(Owner owner, string set, List<long> ids, string date, CancellationToken cancellationToken)
    {
        foreach (var chunk in ids.Chunk(Chunk))
        {
            await connection.ExecuteAsync(database.Command($"UPDATE {owner.Table} SET {set} WHERE {database.Dialect.InList("id", "chunk")}",
                new { now, date, Run = run.Id, chunk }, transaction, cancellationToken));
        }
    }

    // Table and column names come from the two owners above, never from input.
    private sealed record Owner(string Table, string Column);

    private sealed class Row<TKey> : ContactRow
    {
        public long Id { get; init; }
        public TKey Owner { get; init; } = default!;

        public bool Describes(ContactValue value) => ContactUse == value.Use && Label == value.Label && Street == value.Street
            && PostalCode == value.PostalCode && City == value.City && Latitude == value.Latitude && Longitude == value.Longitude;
    }
}
