using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Text;

namespace CampaignDesk.Core.Users;

[SuppressMessage("Performance", "CA1822", Justification = "A store's operations are called on its injected instance, whether or not they use its state.")]
public sealed class UserStore(Database database, TimeProvider time)
{
    private const string Columns = "u.id, u.email, u.display_name, u.role, u.entra_object_id, u.disabled_utc, u.disabled_by_role, u.version, u.created_utc, u.updated_utc";

    public Task<User?> GetAsync(long id, CancellationToken cancellationToken) => database.ReadAsync(session => GetAsync(session, id), cancellationToken);

    internal async Task<User?> GetAsync(DbSession session, long id)
    {
        var row = await session.SingleOrDefaultAsync<Row>($"SELECT {Columns} FROM users u WHERE u.id = @id", new { id });
        return row is null ? null : (await WithOrganisationsAsync(session, [row]))[0];
    }

    /// <summary>The user with this Entra object id, else with this e-mail (case-insensitive).</summary>
    public Task<User?> FindAsync(string? entraObjectId, string? email, CancellationToken cancellationToken) =>
        database.ReadAsync(async session =>
        {
            var row = await session.FirstOrDefaultAsync<Row>($"""
                SELECT {Columns} FROM users u
                WHERE u.entra_object_id = @EntraObjectId OR u.email_key = @EmailKey
                ORDER BY CASE WHEN u.entra_object_id = @EntraObjectId THEN 0 ELSE 1 END
                """, new { EntraObjectId = entraObjectId ?? "", EmailKey = EmailKey(email ?? "") });
            return row is null ? null : (await WithOrganisationsAsync(session, [row]))[0];
        }, cancellationToken);

    /// <summary>The user with this e-mail (case-insensitive), in the caller's transaction.</summary>
    internal async Task<User?> FindByEmailAsync(DbSession session, string email)
    {
        var row = await session.SingleOrDefaultAsync<Row>($"SELECT {Columns} FROM users u WHERE u.email_key = @key", new { key = EmailKey(email) });
        return row is null ? null : (await WithOrganisationsAsync(session, [row]))[0];
    }

    /// <summary>Links a user found by e-mail to their Entra object id, unless another link won the race or the id is taken.</summary>
    internal async Task<bool> LinkEntraAsync(long id, string objectId, CancellationToken cancellationToken)
    {
        try
        {
            return await database.WriteAsync(async session => await session.ExecuteAsync(
                "UPDATE users SET entra_object_id = @objectId, updated_utc = @now WHERE id = @id AND entra_object_id IS NULL",
                new { id, objectId = objectId.ToLowerInvariant(), now = time.GetUtcNow().UtcDateTime }) == 1, cancellationToken);
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
        return await database.ReadAsync(async session =>
        {
            var total = await session.ScalarAsync<long>($"SELECT COUNT(*) FROM users u {filter}", parameters);
            var rows = await session.QueryAsync<Row>($"SELECT {Columns} FROM users u {filter} ORDER BY u.email_key {session.Dialect.Paging}", parameters);
            return new Page<User>(await WithOrganisationsAsync(session, rows), total);
        }, cancellationToken);
    }

    /// <summary>Null when the e-mail (or Entra object id) is already another user's.</summary>
    internal async Task<long?> InsertAsync(DbSession session, UserFields fields)
    {
        try
        {
            var id = await session.InsertAsync("users",
                "email, email_key, display_name, role, entra_object_id, version, created_utc, updated_utc",
                "@Email, @EmailKey, @DisplayName, @Role, @EntraObjectId, 1, @Now, @Now", new
                {
                    fields.Email,
                    EmailKey = EmailKey(fields.Email!),
                    fields.DisplayName,
                    fields.Role,
                    fields.EntraObjectId,
                    Now = time.GetUtcNow().UtcDateTime,
                });
            await InsertOrganisationsAsync(session, id, fields.OrganisationIds ?? []);
            return id;
        }
        catch (DbException ex) when (session.Dialect.IsUniqueViolation(ex))
        {
            return null;
        }
    }

    /// <summary>Saves every field of <paramref name="user"/> when it is still at its version; false when someone changed it first.</summary>
    internal async Task<bool> UpdateAsync(DbSession session, User user)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var changed = await session.ExecuteAsync("""
            UPDATE users SET display_name = @DisplayName, role = @Role, entra_object_id = @EntraObjectId,
                disabled_utc = CASE WHEN @Disabled = 1 THEN COALESCE(disabled_utc, @Now) ELSE NULL END, disabled_by_role = @DisabledBy,
                version = version + 1, updated_utc = @Now
            WHERE id = @Id AND version = @Version
            """, new { user.Id, user.DisplayName, user.Role, user.EntraObjectId, Disabled = user.Disabled ? 1 : 0, user.DisabledBy, user.Version, Now = now });
        if (changed == 0)
        {
            return false;
        }

        await session.ExecuteAsync("DELETE FROM user_organisations WHERE user_id = @Id", new { user.Id });
        await InsertOrganisationsAsync(session, user.Id, user.OrganisationIds);
        return true;
    }

    public static string EmailKey(string email) => email.Trim().ToLowerInvariant();

    private static Task InsertOrganisationsAsync(DbSession session, long userId, IReadOnlyList<long> organisationIds) =>
        organisationIds.Count == 0
            ? Task.CompletedTask
            : session.ExecuteAsync("INSERT INTO user_organisations (user_id, organisation_id) VALUES (@UserId, @OrganisationId)",
                organisationIds.Distinct().Select(o => new { UserId = userId, OrganisationId = o }));

    private static async Task<IReadOnlyList<User>> WithOrganisationsAsync(DbSession session, IReadOnlyList<Row> rows)
    {
        var ids = rows.Select(r => r.Id).ToArray();
        var links = ids.Length == 0
            ? []
            : await session.QueryAsync<(long UserId, long OrganisationId)>(
                $"SELECT user_id, organisation_id FROM user_organisations WHERE {session.Dialect.InList("user_id", "ids")} ORDER BY organisation_id",
                new { ids });
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
