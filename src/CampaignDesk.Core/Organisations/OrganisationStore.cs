using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Text;
using Dapper;

namespace CampaignDesk.Core.Organisations;

/// <summary>Organisations and their parent links: one method per read or write, its SQL beside it.</summary>
[SuppressMessage("Performance", "CA1822", Justification = "A store's operations are called on its injected instance, whether or not they use its state.")]
public sealed class OrganisationStore(Database database, TimeProvider time)
{
    private const string Columns = """
        o.id, o.type, o.kind, o.name, o.commune_insee, o.commune_name, o.department_code, o.region_code,
        o.mailbox, o.circonscription_code, o.version, o.created_utc, o.updated_utc
        """;

    public async Task<Page<Organisation>> SearchAsync(OrganisationQuery query, CancellationToken cancellationToken)
    {
        var where = new List<string>();
        if (query.Type is not null)
        {
            where.Add("o.type = @Type");
        }

        if (query.Kind is not null)
        {
            where.Add("o.kind = @Kind");
        }

        if (query.DepartmentCode is not null)
        {
            where.Add("o.department_code = @DepartmentCode");
        }

        if (query.ParentId is not null)
        {
            where.Add("EXISTS (SELECT 1 FROM organisation_parents p WHERE p.organisation_id = o.id AND p.parent_id = @ParentId)");
        }

        var parameters = new DynamicParameters(new { query.Type, query.Kind, query.DepartmentCode, query.ParentId, query.Paging.Skip, query.Paging.Take });
        var search = SearchQuery.Parse(query.Text);
        if (search.IsEmpty && !string.IsNullOrWhiteSpace(query.Text))
        {
            return new Page<Organisation>([], 0); // punctuation only: no word to find
        }

        return await database.ReadAsync(async session =>
        {
            if (!search.IsEmpty)
            {
                return await FindAsync(session, search, where, parameters, query.Paging);
            }

            var filter = where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where);
            var total = await session.ScalarAsync<long>($"SELECT COUNT(*) FROM organisations o {filter}", parameters);
            var rows = await session.QueryAsync<Row>($"""
                SELECT {Columns} FROM organisations o {filter}
                ORDER BY o.search_text, o.id
                {session.Dialect.Paging}
                """, parameters);
            return new Page<Organisation>(await WithParentsAsync(session, rows), total);
        }, cancellationToken);
    }

    /// <summary>
    /// Search by name and commune (<see cref="SearchQuery"/>): candidates by LIKE (a trigram index on PostgreSQL), words
    /// checked here; the whole name first, then whole words, word beginnings, typos (only when nothing matched without).
    /// </summary>
    private async Task<Page<Organisation>> FindAsync(DbSession session, SearchQuery search, List<string> where, DynamicParameters parameters,
        PageRequest paging)
    {
        var hits = new List<(long Id, string Text, SearchMatch Match)>();
        foreach (var forgiving in search.ForgivesTypos ? [false, true] : new[] { false })
        {
            var text = session.Dialect.ContainsAll("o", null, search.IndexGroups(forgiving, null), parameters);
            var candidates = await session.QueryAsync<(long Id, string Text)>(
                $"SELECT o.id, o.search_text FROM organisations o WHERE {string.Join(" AND ", where.Append(text))}", parameters);
            hits = candidates.Select(c => (c.Id, c.Text, Match: search.Match(c.Text, forgiving))).Where(c => c.Match is not null)
                .Select(c => (c.Id, c.Text, c.Match!)).ToList();
            if (hits.Count > 0)
            {
                break;
            }
        }

        var page = hits.OrderBy(h => h.Match.Kind).ThenBy(h => h.Match.Typos).ThenBy(h => h.Text, StringComparer.Ordinal).ThenBy(h => h.Id)
            .Skip((int)Math.Min(paging.Skip, int.MaxValue)).Take(paging.Take).Select(h => h.Id).ToArray();
        var rows = page.Length == 0
            ? []
            : (await session.QueryAsync<Row>($"SELECT {Columns} FROM organisations o WHERE {session.Dialect.InList("o.id", "page")}", new { page }))
                .OrderBy(r => Array.IndexOf(page, r.Id)).ToList();
        return new Page<Organisation>(await WithParentsAsync(session, rows), hits.Count);
    }

    public Task<Organisation?> GetAsync(long id, CancellationToken cancellationToken) =>
        database.ReadAsync(session => GetAsync(session, id), cancellationToken);

    public async Task<Organisation?> GetAsync(DbSession session, long id)
    {
        var row = await session.SingleOrDefaultAsync<Row>($"SELECT {Columns} FROM organisations o WHERE o.id = @id", new { id });
        return row is null ? null : (await WithParentsAsync(session, [row]))[0];
    }

    /// <summary>
    /// Takes the hierarchy lock for the rest of the session: the checks of the hierarchy and the writes that depend on them
    /// then run alone, so two concurrent edits cannot build a cycle between them.
    /// </summary>
    public Task LockHierarchyAsync(DbSession session) =>
        session.Dialect.LockAsync(session.Connection, session.Transaction!, "campaigndesk_organisations", session.CancellationToken);

    /// <summary>Inserts a validated organisation in its own write; null (nothing written) when its name is taken in that commune.</summary>
    public Task<long?> InsertAsync(OrganisationFields fields, CancellationToken cancellationToken) =>
        database.WriteAsync(async session =>
        {
            await LockHierarchyAsync(session);
            return await TryInsertAsync(session, fields);
        }, commitWhen: id => id is not null, cancellationToken);

    /// <summary>Saves the fields when the row is still at <paramref name="expectedVersion"/>, in its own write (see <see cref="UpdateAsync(DbSession, long, int, OrganisationFields)"/>).</summary>
    public Task<UpdateOutcome> UpdateAsync(long id, int expectedVersion, OrganisationFields fields, CancellationToken cancellationToken) =>
        database.WriteAsync(async session =>
        {
            await LockHierarchyAsync(session);
            return await UpdateAsync(session, id, expectedVersion, fields);
        }, commitWhen: outcome => outcome != UpdateOutcome.NameTaken, cancellationToken);

    /// <summary>Every organisation above these ones, through any number of parent links.</summary>
    public Task<IReadOnlySet<long>> GetAncestorIdsAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        database.ReadAsync(session => GetAncestorIdsAsync(session, ids), cancellationToken);

    /// <summary>Every organisation above these ones, through any number of parent links.</summary>
    public async Task<IReadOnlySet<long>> GetAncestorIdsAsync(DbSession session, IReadOnlyCollection<long> ids)
    {
        var seen = new HashSet<long>();
        var frontier = ids.ToList();
        while (frontier.Count > 0)
        {
            var parents = await session.QueryAsync<long>(
                $"SELECT parent_id FROM organisation_parents WHERE {session.Dialect.InList("organisation_id", "frontier")}",
                new { frontier = frontier.ToArray() });
            frontier = parents.Where(seen.Add).ToList();
        }

        return seen;
    }

    /// <summary>The type of each of these organisations that exists.</summary>
    public async Task<IReadOnlyDictionary<long, string>> GetTypesAsync(DbSession session, IReadOnlyCollection<long> ids) =>
        ids.Count == 0
            ? new Dictionary<long, string>()
            : (await session.QueryAsync<(long Id, string Type)>($"SELECT id, type FROM organisations WHERE {session.Dialect.InList("id", "ids")}",
                new { ids = ids.ToArray() })).ToDictionary(r => r.Id, r => r.Type);

    /// <summary>The names of these organisations, in alphabetical order.</summary>
    public async Task<IReadOnlyList<string>> GetNamesAsync(DbSession session, IReadOnlyCollection<long> ids) =>
        ids.Count == 0
            ? []
            : await session.QueryAsync<string>($"SELECT name FROM organisations WHERE {session.Dialect.InList("id", "ids")} ORDER BY name",
                new { ids = ids.ToArray() });

    public async Task<bool> HasMembersAsync(DbSession session, long id) =>
        await session.ScalarAsync<int>("SELECT COUNT(*) FROM organisation_parents WHERE parent_id = @id", new { id }) > 0;

    /// <summary>Inserts a validated organisation; a name taken in that commune throws (see <see cref="TryInsertAsync"/>).</summary>
    public async Task<long> InsertAsync(DbSession session, OrganisationFields fields)
    {
        var id = await session.InsertAsync("organisations",
            "type, kind, name, name_key, search_text, commune_insee, commune_name, department_code, region_code, mailbox, circonscription_code, version, created_utc, updated_utc",
            "@Type, @Kind, @Name, @NameKey, @SearchText, @CommuneInsee, @CommuneName, @DepartmentCode, @RegionCode, @Mailbox, @CirconscriptionCode, 1, @Now, @Now",
            Parameters(fields));
        await InsertParentsAsync(session, id, fields.ParentIds);
        return id;
    }

    /// <summary>Null when the name is taken in that commune: the session must then be rolled back (PostgreSQL has aborted it).</summary>
    public async Task<long?> TryInsertAsync(DbSession session, OrganisationFields fields)
    {
        try
        {
            return await InsertAsync(session, fields);
        }
        catch (DbException ex) when (session.Dialect.IsUniqueViolation(ex))
        {
            return null;
        }
    }

    /// <summary>
    /// Saves the fields when the row is still at <paramref name="expectedVersion"/>: a concurrent writer makes it return
    /// <see cref="UpdateOutcome.VersionMismatch"/>, never a lost update. <see cref="UpdateOutcome.NameTaken"/> leaves a
    /// session to roll back.
    /// </summary>
    public async Task<UpdateOutcome> UpdateAsync(DbSession session, long id, int expectedVersion, OrganisationFields fields)
    {
        var parameters = Parameters(fields);
        parameters["Id"] = id;
        parameters["ExpectedVersion"] = expectedVersion;
        try
        {
            var changed = await session.ExecuteAsync("""
                UPDATE organisations
                SET type = @Type, kind = @Kind, name = @Name, name_key = @NameKey, search_text = @SearchText,
                    commune_insee = @CommuneInsee, commune_name = @CommuneName, department_code = @DepartmentCode,
                    region_code = @RegionCode, mailbox = @Mailbox, circonscription_code = @CirconscriptionCode,
                    version = version + 1, updated_utc = @Now
                WHERE id = @Id AND version = @ExpectedVersion
                """, parameters);
            if (changed == 0)
            {
                return UpdateOutcome.VersionMismatch;
            }

            await session.ExecuteAsync("DELETE FROM organisation_parents WHERE organisation_id = @id", new { id });
            await InsertParentsAsync(session, id, fields.ParentIds);
            return UpdateOutcome.Updated;
        }
        catch (DbException ex) when (session.Dialect.IsUniqueViolation(ex))
        {
            return UpdateOutcome.NameTaken;
        }
    }

    private static async Task InsertParentsAsync(DbSession session, long id, IReadOnlyList<long>? parentIds)
    {
        if (parentIds is { Count: > 0 })
        {
            await session.ExecuteAsync("INSERT INTO organisation_parents (organisation_id, parent_id) VALUES (@OrganisationId, @ParentId)",
                parentIds.Select(parentId => new { OrganisationId = id, ParentId = parentId }));
        }
    }

    private Dictionary<string, object?> Parameters(OrganisationFields fields) => new()
    {
        ["Type"] = fields.Type,
        ["Kind"] = fields.Kind,
        ["Name"] = fields.Name,
        ["NameKey"] = NameKey(fields),
        ["SearchText"] = SearchText.Fold($"{fields.Name} {fields.CommuneName}"),
        ["CommuneInsee"] = fields.CommuneInsee,
        ["CommuneName"] = fields.CommuneName,
        ["DepartmentCode"] = fields.DepartmentCode,
        ["RegionCode"] = fields.RegionCode,
        ["Mailbox"] = fields.Mailbox,
        ["CirconscriptionCode"] = fields.CirconscriptionCode,
        ["Now"] = time.GetUtcNow().UtcDateTime,
    };

    /// <summary>Two organisations may share a name only in different communes.</summary>
    internal static string NameKey(OrganisationFields fields) => $"{SearchText.Fold(fields.Name)}|{fields.CommuneInsee}";

    private static async Task<IReadOnlyList<Organisation>> WithParentsAsync(DbSession session, IReadOnlyList<Row> rows)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var links = ids.Count == 0
            ? []
            : await session.QueryAsync<(long OrganisationId, long ParentId)>(
                $"SELECT organisation_id, parent_id FROM organisation_parents WHERE {session.Dialect.InList("organisation_id", "ids")} ORDER BY parent_id",
                new { ids = ids.ToArray() });
        var parents = links.ToLookup(l => l.OrganisationId, l => l.ParentId);
        return rows.Select(r => new Organisation(r.Id, r.Type, r.Kind, r.Name, r.CommuneInsee, r.CommuneName, r.DepartmentCode,
            r.RegionCode, r.Mailbox, r.CirconscriptionCode, parents[r.Id].ToList(), r.Version, r.CreatedUtc, r.UpdatedUtc)).ToList();
    }

    private sealed class Row
    {
        public long Id { get; init; }
        public string Type { get; init; } = "";
        public string Kind { get; init; } = "";
        public string Name { get; init; } = "";
        public string? CommuneInsee { get; init; }
        public string? CommuneName { get; init; }
        public string? DepartmentCode { get; init; }
        public string? RegionCode { get; init; }
        public string? Mailbox { get; init; }
        public string? CirconscriptionCode { get; init; }
        public int Version { get; init; }
        public DateTime CreatedUtc { get; init; }
        public DateTime UpdatedUtc { get; init; }
    }
}

public enum UpdateOutcome
{
    Updated,
    VersionMismatch,
    NameTaken,
}
