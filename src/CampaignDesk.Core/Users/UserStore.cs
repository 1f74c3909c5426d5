using System.Data.Common;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Text;
using Dapper;

namespace CampaignDesk.Core.Users;

public sealed class UserStore(Database database, TimeProvider time)
{
    private const string Columns = "u.id, u.email, u.display_name, u.role, u.entra_object_id, u.disabled_utc, u.disabled_by_role, u.version, u.created_utc, u.updated_utc";

    public async Task<User?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await GetAsync(connection, null, id, cancellationToken);
    }

    internal async Task<User?> GetAsync(DbConnection connection, DbTransaction? transaction, long id, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<Row>(database.Command(
            $"SELECT {Columns} FROM users u WHERE u.id = @id", new { id }, transaction, cancellationToken));
        return row is null ? null : (await WithOrganisationsAsync(connection, transaction, [row], cancellationToken))[0];
    }

    /// <summary>The user with this Entra object id, else with this e-mail (case-insensitive).</summary>
    public async Task<User?> FindAsync(string? entraObjectId, string? email, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QueryFirstOrDefaultAsync<Row>(database.Command($"""
            SELECT {Columns} FROM users u
            WHERE u.entra_object_id = @EntraObjectId OR u.email_key = @EmailKey
            ORDER BY CASE WHEN u.entra_object_id = @EntraObjectId THEN 0 ELSE 1 END
            """, new { EntraObjectId = entraObjectId ?? "", EmailKey = EmailKey(email ?? "") }, cancellationToken: cancellationToken));
        return row is null ? null : (await WithOrganisationsAsync(connection, null, [row], cancellationToken))[0];
    }

    /// <summary>The user with this e-mail (case-insensitive), in the caller's transaction.</summary>
    internal async Task<User?> FindByEmailAsync(DbConnection connection, DbTransaction transaction, string email, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<Row>(database.Command($"SELECT {Columns} FROM users u WHERE u.email_key = @key",
            new { key = EmailKey(email) }, transaction, cancellationToken));
        return row is null ? null : (await WithOrganisationsAsync(connection, transaction, [row], cancellationToken))[0];
    }

    /// <summary>Links a user found by e-mail to their Entra object id, unless another link won the race or the id is taken.</summary>
    internal async Task<bool> LinkEntraAsync(long id, string objectId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        try
        {
            return await connection.ExecuteAsync(database.Command(
                "UPDATE users SET entra_object_id = @objectId, updated_utc = @now WHERE id = @id AND entra_object_id IS NULL",
                new { id, objectId = objectId.ToLowerInvariant(), now = time.GetUtcNow().UtcDateTime }, cancellationToken: cancellationToken)) == 1;
        }
        catch (DbException ex) when (database.Dialect.IsUniqueViolation(ex))
        {
            return false;
        }
    }

    /// <summary>Users matching the query; <paramref name="sharingWith"/> keeps those acting for one of these organisations.</summary>
    public async Task<Page<User>> SearchAsync(UserQuery query, IReadOnlySet<long>? sharingWith, CancellationToken cancellationToken)
    {
        var where = new List<string>();
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            where.Add(@"(u.email_key LIKE @Pattern ESCAPE '\' OR LOWER(u.display_name) LIKE @Pattern ESCAPE '\')");
        }

        if (query.Role is not null)
        {
            where.Add("u.role = @Role");
        }

        if (query.OrganisationId is not null)
        {
            where.Add("EXISTS (SELECT 1 FROM user_organisations m WHERE m.user_id = u.id AND m.organisation_id = @OrganisationId)");
        }

        if (sharingWith is not null)
        {
            where.Add(sharingWith.Count == 0
                ? "1 = 0"
                : $"EXISTS (SELECT 1 FROM user_organisations s WHERE s.user_id = u.id AND {database.Dialect.InList("s.organisation_id", "Shared")})");
        }

        var filter = where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where);
        var parameters = new
        {
            Pattern = SearchText.ContainsPattern((query.Text ?? "").ToLowerInvariant()),
            query.Role,
            query.OrganisationId,
            Shared = sharingWith?.ToArray() ?? [],
            query.Paging.Skip,
            query.Paging.Take,
        };
        await using var connection = await database.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(database.Command(
            $"SELECT COUNT(*) FROM users u {filter}", parameters, cancellationToken: cancellationToken));
        var rows = (await connection.QueryAsync<Row>(database.Command(
            $"SELECT {Columns} FROM users u {filter} ORDER BY u.email_key {database.Dialect.Paging}", parameters,
            cancellationToken: cancellationToken))).ToList();
        return new Page<User>(await WithOrganisationsAsync(connection, null, rows, cancellationToken), total);
    }

    /// <summary>Null when the e-mail (or Entra object id) is already another user's.</summary>
    internal async Task<long?> InsertAsync(DbConnection connection, DbTransaction transaction, UserFields fields, CancellationToken cancellationToken)
    {
        try
        {
            var now = time.GetUtcNow().UtcDateTime;
            var id = await connection.ExecuteScalarAsync<long>(database.Command(database.Dialect.InsertReturningId("users",
                "email, email_key, display_name, role, entra_object_id, version, created_utc, updated_utc",
                "@Email, @EmailKey, @DisplayName, @Role, @EntraObjectId, 1, @Now, @Now"), new
                {
                    fields.Email,
                    EmailKey = EmailKey(fields.Email!),
                    fields.DisplayName,
                    fields.Role,
                    fields.EntraObjectId,
                    Now = now,
                }, transaction, cancellationToken));
            await ReplaceOrganisationsAsync(connection, transaction, id, fields.OrganisationIds ?? [], cancellationToken);
            return id;
        }
        catch (DbException ex) when (database.Dialect.IsUniqueViolation(ex))
        {
            return null;
        }
    }

    /// <summary>Saves every field of <paramref name="user"/> when it is still at its version; false when someone changed it first.</summary>
    internal async Task<bool> UpdateAsync(DbConnection connection, DbTransaction transaction, User user, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var changed = await connection.ExecuteAsync(database.Command("""
            UPDATE users SET display_name = @DisplayName, role = @Role, entra_object_id = @EntraObjectId,
                disabled_utc = CASE WHEN @Disabled = 1 THEN COALESCE(disabled_utc, @Now) ELSE NULL END, disabled_by_role = @DisabledBy,
                version = version + 1, updated_utc = @Now
            WHERE id = @Id AND version = @Version
            """, new { user.Id, user.DisplayName, user.Role, user.EntraObjectId, Disabled = user.Disabled ? 1 : 0, user.DisabledBy, user.Version, Now = now },
            transaction, cancellationToken));
        if (changed == 0)
        {
            return false;
        }

        await connection.ExecuteAsync(database.Command("DELETE FROM user_organisations WHERE user_id = @Id", new { user.Id }, transaction,
            cancellationToken));
        await ReplaceOrganisationsAsync(connection, transaction, user.Id, user.OrganisationIds, cancellationToken);
        return true;
    }


    public static string EmailKey(string email) => email.Trim().ToLowerInvariant();

    private Task ReplaceOrganisationsAsync(DbConnection connection, DbTransaction transaction, long userId, IReadOnlyList<long> organisationIds,
        CancellationToken cancellationToken) =>
        organisationIds.Count == 0
            ? Task.CompletedTask
            : connection.ExecuteAsync(database.Command(
                "INSERT INTO user_organisations (user_id, organisation_id) VALUES (@UserId, @OrganisationId)",
                organisationIds.Distinct().Select(o => new { UserId = userId, OrganisationId = o }), transaction, cancellationToken));

    private async Task<IReadOnlyList<User>> WithOrganisationsAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<Row> rows,
        CancellationToken cancellationToken)
    {
        var ids = rows.Select(r => r.Id).ToArray();
        var links = ids.Length == 0
            ? []
            : (await connection.QueryAsync<(long UserId, long OrganisationId)>(database.Command(
                $"SELECT user_id, organisation_id FROM user_organisations WHERE {database.Dialect.InList("user_id", "ids")} ORDER BY organisation_id",
                new { ids }, transaction, cancellationToken))).ToList();
        var organisations = links.ToLookup(l => l.UserId, l => l.OrganisationId);
        return rows.Select(r => new User(r.Id, r.Email, r.DisplayName, r.Role, r.EntraObjectId, organisations[r.Id].ToList(), r.DisabledUtc is not null,
            r.Version, r.CreatedUtc, r.UpdatedUtc, r.DisabledUtc is null ? null : r.DisabledByRole)).ToList();
    }

    private sealed class Row
    {
        public long Id { get; init; }
        public string Email { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public string Role { get; init; } = "";
        public string? EntraObjectId { get; init; }
        public DateTime? DisabledUtc { get; init; }
        public string? DisabledByRole { get; init; }
        public int Version { get; init; }
        public DateTime CreatedUtc { get; init; }
        public DateTime UpdatedUtc { get; init; }
    }
}
