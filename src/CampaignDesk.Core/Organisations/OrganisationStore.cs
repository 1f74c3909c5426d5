using System.Data.Common;
using CampaignDesk.Core.Audit;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Text;
using CampaignDesk.Core.Users;
using Dapper;

namespace CampaignDesk.Core.Organisations;

public sealed class OrganisationStore(Database database, TimeProvider time)
{
    private const string Columns = """
        o.id, o.type, o.kind, o.name, o.commune_insee, o.commune_name, o.department_code, o.region_code,
        o.mailbox, o.circonscription_code, o.version, o.created_utc, o.updated_utc
        """;

    private Database Db => database;

    public async Task<Page<Organisation>> SearchAsync(OrganisationQuery query, CancellationToken cancellationToken)
    {
        var where = new List<string>();
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            where.Add(@"o.search_text LIKE @Pattern ESCAPE '\'");
        }

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

        var filter = where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where);
        var parameters = new
        {
            Pattern = SearchText.ContainsPattern(query.Text ?? ""),
            query.Type,
            query.Kind,
            query.DepartmentCode,
            query.ParentId,
            query.Paging.Skip,
            query.Paging.Take,
        };

        await using var connection = await database.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(database.Command(
            $"SELECT COUNT(*) FROM organisations o {filter}", parameters, cancellationToken: cancellationToken));
        var rows = (await connection.QueryAsync<Row>(database.Command($"""
            SELECT {Columns} FROM organisations o {filter}
            ORDER BY o.search_text, o.id
            {database.Dialect.Paging}
            """, parameters, cancellationToken: cancellationToken))).ToList();
        return new Page<Organisation>(await WithParentsAsync(connection, rows, cancellationToken), total);
    }

    public async Task<Organisation?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(database.Command(
            $"SELECT {Columns} FROM organisations o WHERE o.id = @id", new { id }, cancellationToken: cancellationToken));
        return row is null ? null : (await WithParentsAsync(connection, [row], cancellationToken))[0];
    }

    /// <summary>
    /// Runs <paramref name="work"/> — the checks of the hierarchy and the writes that depend on them — in one
    /// transaction holding the hierarchy lock, so two concurrent edits cannot build a cycle between them.
    /// Commits unless a write hit a unique constraint (then nothing is written).
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<Writer, Task<T>> work, CancellationToken cancellationToken)
    {
        Writer? writer = null;
        return await database.TransactAsync(async (connection, transaction) =>
        {
            await database.Dialect.LockAsync(connection, transaction, "campaigndesk_organisations", cancellationToken);
            writer = new Writer(this, connection, transaction, cancellationToken);
            return await work(writer);
        }, commitWhen: _ => !writer!.Conflicted, cancellationToken);
    }

    /// <summary>Inserts a validated organisation in its own transaction; null when its name is taken in that commune.</summary>
    public Task<long?> InsertAsync(OrganisationFields fields, CancellationToken cancellationToken) =>
        WriteAsync(writer => writer.InsertAsync(fields), cancellationToken);

    /// <summary>Saves the fields when the row is still at <paramref name="expectedVersion"/> (see <see cref="Writer.UpdateAsync"/>).</summary>
    public Task<UpdateOutcome> UpdateAsync(long id, int expectedVersion, OrganisationFields fields, CancellationToken cancellationToken) =>
        WriteAsync(writer => writer.UpdateAsync(id, expectedVersion, fields), cancellationToken);

    /// <summary>Every organisation above these ones, through any number of parent links.</summary>
    public Task<IReadOnlySet<long>> GetAncestorIdsAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        WriteAsync(writer => writer.GetAncestorIdsAsync(ids), cancellationToken);

    internal async Task<long> InsertAsync(DbConnection connection, DbTransaction transaction, OrganisationFields fields, CancellationToken cancellationToken)
    {
        var sql = database.Dialect.InsertReturningId("organisations",
            "type, kind, name, name_key, search_text, commune_insee, commune_name, department_code, region_code, mailbox, circonscription_code, version, created_utc, updated_utc",
            "@Type, @Kind, @Name, @NameKey, @SearchText, @CommuneInsee, @CommuneName, @DepartmentCode, @RegionCode, @Mailbox, @CirconscriptionCode, 1, @Now, @Now");
        var id = await connection.ExecuteScalarAsync<long>(database.Command(sql, Parameters(fields), transaction, cancellationToken));
        await ReplaceParentsAsync(connection, transaction, id, fields.ParentIds, cancellationToken);
        return id;
    }

    /// <summary>Reads and writes inside <see cref="WriteAsync{T}"/>'s transaction.</summary>
    public sealed class Writer(OrganisationStore store, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        private Database Database => store.Db;

        internal bool Conflicted { get; private set; }

        /// <summary>Records the change in the audit trail, in this transaction.</summary>
        public Task AuditAsync(AuditLog audit, Caller caller, string action, long id, Organisation? before, Organisation? after) =>
            audit.RecordAsync(connection, transaction, caller, action, "organisation", id, id, before, after, cancellationToken);

        public async Task<Organisation?> GetAsync(long id)
        {
            var row = await connection.QuerySingleOrDefaultAsync<Row>(Database.Command(
                $"SELECT {Columns} FROM organisations o WHERE o.id = @id", new { id }, transaction, cancellationToken));
            return row is null ? null : (await store.WithParentsAsync(connection, [row], cancellationToken, transaction))[0];
        }

        /// <summary>The type of each of these organisations that exists.</summary>
        public async Task<IReadOnlyDictionary<long, string>> GetTypesAsync(IReadOnlyCollection<long> ids)
        {
            if (ids.Count == 0)
            {
                return new Dictionary<long, string>();
            }

            var rows = await connection.QueryAsync<(long Id, string Type)>(Database.Command(
                $"SELECT id, type FROM organisations WHERE {Database.Dialect.InList("id", "ids")}", new { ids = ids.ToArray() },
                transaction, cancellationToken));
            return rows.ToDictionary(r => r.Id, r => r.Type);
        }

        /// <summary>Every organisation above these ones, through any number of parent links.</summary>
        public async Task<IReadOnlySet<long>> GetAncestorIdsAsync(IReadOnlyCollection<long> ids)
        {
            var seen = new HashSet<long>();
            var frontier = ids.ToList();
            while (frontier.Count > 0)
            {
                var parents = await connection.QueryAsync<long>(Database.Command(
                    $"SELECT parent_id FROM organisation_parents WHERE {Database.Dialect.InList("organisation_id", "frontier")}",
                    new { frontier = frontier.ToArray() }, transaction, cancellationToken));
                frontier = parents.Where(seen.Add).ToList();
            }

            return seen;
        }

        public async Task<bool> HasMembersAsync(long id) =>
            await connection.ExecuteScalarAsync<int>(Database.Command(
                "SELECT COUNT(*) FROM organisation_parents WHERE parent_id = @id", new { id }, transaction, cancellationToken)) > 0;

        /// <summary>Null when the name is taken in that commune (the whole transaction is then rolled back).</summary>
        public async Task<long?> InsertAsync(OrganisationFields fields)
        {
            try
            {
                return await store.InsertAsync(connection, transaction, fields, cancellationToken);
            }
            catch (DbException ex) when (Database.Dialect.IsUniqueViolation(ex))
            {
                Conflicted = true;
                return null;
            }
        }

        /// <summary>
        /// Saves the fields when the row is still at <paramref name="expectedVersion"/>: a concurrent writer makes it
        /// return <see cref="UpdateOutcome.VersionMismatch"/>, never a lost update.
        /// </summary>
        public async Task<UpdateOutcome> UpdateAsync(long id, int expectedVersion, OrganisationFields fields)
        {
            var parameters = store.Parameters(fields);
            parameters["Id"] = id;
            parameters["ExpectedVersion"] = expectedVersion;
            try
            {
                var changed = await connection.ExecuteAsync(Database.Command("""
                    UPDATE organisations
                    SET type = @Type, kind = @Kind, name = @Name, name_key = @NameKey, search_text = @SearchText,
                        commune_insee = @CommuneInsee, commune_name = @CommuneName, department_code = @DepartmentCode,
                        region_code = @RegionCode, mailbox = @Mailbox, circonscription_code = @CirconscriptionCode,
                        version = version + 1, updated_utc = @Now
                    WHERE id = @Id AND version = @ExpectedVersion
                    """, parameters, transaction, cancellationToken));
                if (changed == 0)
                {
                    return UpdateOutcome.VersionMismatch;
                }

                await connection.ExecuteAsync(Database.Command(
                    "DELETE FROM organisation_parents WHERE organisation_id = @id", new { id }, transaction, cancellationToken));
                await store.ReplaceParentsAsync(connection, transaction, id, fields.ParentIds, cancellationToken);
                return UpdateOutcome.Updated;
            }
            catch (DbException ex) when (Database.Dialect.IsUniqueViolation(ex))
            {
                Conflicted = true;
                return UpdateOutcome.NameTaken;
            }
        }
    }

    private async Task ReplaceParentsAsync(DbConnection connection, DbTransaction transaction, long id, IReadOnlyList<long>? parentIds,
        CancellationToken cancellationToken)
    {
        if (parentIds is { Count: > 0 })
        {
            await connection.ExecuteAsync(database.Command(
                "INSERT INTO organisation_parents (organisation_id, parent_id) VALUES (@OrganisationId, @ParentId)",
                parentIds.Select(parentId => new { OrganisationId = id, ParentId = parentId }), transaction, cancellationToken));
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

    private async Task<IReadOnlyList<Organisation>> WithParentsAsync(DbConnection connection, IReadOnlyList<Row> rows, CancellationToken cancellationToken,
        DbTransaction? transaction = null)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var links = ids.Count == 0
            ? []
            : (await connection.QueryAsync<(long OrganisationId, long ParentId)>(database.Command(
                $"SELECT organisation_id, parent_id FROM organisation_parents WHERE {database.Dialect.InList("organisation_id", "ids")} ORDER BY parent_id",
                new { ids = ids.ToArray() }, transaction, cancellationToken))).ToList();
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
