using CampaignDesk.Core.Data;

namespace CampaignDesk.Core.SignIn;

public enum LinkStatus
{
    Valid,
    Unknown,
    Used,
    Expired,
    Revoked,
}

/// <summary>What using a link found: the user it signs in, or why not (with its expiry, for the message).</summary>
public sealed record LinkUse(LinkStatus Status, long UserId = 0, string Kind = "", DateTime? ExpiresUtc = null);

/// <summary>An invitation waiting to be used, as its inviter sees it (never its link).</summary>
public sealed record Invitation(long Id, long UserId, string Email, string DisplayName, string Role, IReadOnlyList<long> OrganisationIds,
    string? InvitedBy, DateTime CreatedUtc, DateTime ExpiresUtc);

/// <summary>
/// One-time sign-in links: an invitation (<see cref="Invitation"/>) or a link sent on request. The secret is shown
/// once, in the e-mail, and kept as its SHA-256; using it marks it used in the same statement that checks it, so two
/// uses at once find one valid link between them.
/// </summary>
public sealed class SignInLinks(TimeProvider time)
{
    public const string InvitationKind = "invitation";
    public const string LinkKind = "link";

    /// <summary>A new link for the user; returns its id and its secret (which only the e-mail carries).</summary>
    internal async Task<(long Id, string Secret)> IssueAsync(DbSession session, long userId, string kind, long? invitedByUserId, string? invitedBy,
        DateTime expiresUtc)
    {
        var secret = SignInSecrets.New(SignInSecrets.LinkPrefix);
        var id = await session.InsertAsync("sign_in_links",
            "user_id, kind, hash, invited_by_user_id, invited_by, created_utc, expires_utc",
            "@userId, @kind, @Hash, @invitedByUserId, @invitedBy, @Now, @expiresUtc", new
            {
                userId,
                kind,
                Hash = SignInSecrets.Hash(secret),
                invitedByUserId,
                invitedBy,
                Now = time.GetUtcNow().UtcDateTime,
                expiresUtc,
            });
        return (id, secret);
    }

    /// <summary>Uses the link once: marks it used if it is still valid, else says why it is not.</summary>
    internal async Task<LinkUse> UseAsync(DbSession session, string secret)
    {
        if (!SignInSecrets.LooksLike(secret, SignInSecrets.LinkPrefix))
        {
            return new LinkUse(LinkStatus.Unknown);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var hash = SignInSecrets.Hash(secret);
        var used = await session.ExecuteAsync("""
            UPDATE sign_in_links SET used_utc = @now
            WHERE hash = @hash AND used_utc IS NULL AND revoked_utc IS NULL AND expires_utc > @now
            """, new { hash, now });
        var row = await session.SingleOrDefaultAsync<LinkRow>(
            "SELECT user_id, kind, expires_utc, used_utc, revoked_utc FROM sign_in_links WHERE hash = @hash", new { hash });
        if (row is null)
        {
            return new LinkUse(LinkStatus.Unknown);
        }

        var status = used == 1 ? LinkStatus.Valid
            : row.RevokedUtc is not null ? LinkStatus.Revoked
            : row.UsedUtc is not null ? LinkStatus.Used
            : LinkStatus.Expired;
        return new LinkUse(status, row.UserId, row.Kind, row.ExpiresUtc);
    }

    /// <summary>Invitations neither used, revoked nor expired, newest first; <paramref name="id"/> keeps that one only.</summary>
    internal async Task<IReadOnlyList<Invitation>> PendingInvitationsAsync(DbSession session, long? id)
    {
        var rows = await session.QueryAsync<InvitationRow>("""
            SELECT l.id, l.user_id, u.email, u.display_name, u.role, l.invited_by, l.created_utc, l.expires_utc
            FROM sign_in_links l JOIN users u ON u.id = l.user_id
            WHERE l.kind = 'invitation' AND l.used_utc IS NULL AND l.revoked_utc IS NULL AND l.expires_utc > @Now AND (@id IS NULL OR l.id = @id)
            ORDER BY l.id DESC
            """, new { Now = time.GetUtcNow().UtcDateTime, id });
        var userIds = rows.Select(r => r.UserId).Distinct().ToArray();
        var links = (userIds.Length == 0
            ? []
            : await session.QueryAsync<(long UserId, long OrganisationId)>(
                $"SELECT user_id, organisation_id FROM user_organisations WHERE {session.Dialect.InList("user_id", "userIds")} ORDER BY organisation_id",
                new { userIds })).ToLookup(l => l.UserId, l => l.OrganisationId);
        return rows.Select(r => new Invitation(r.Id, r.UserId, r.Email, r.DisplayName, r.Role, links[r.UserId].ToList(), r.InvitedBy, r.CreatedUtc,
            r.ExpiresUtc)).ToList();
    }

    /// <summary>Revokes the user's unused links of this kind (all of them when <paramref name="id"/> is null); how many were live.</summary>
    internal Task<int> RevokeAsync(DbSession session, long userId, string kind, long? id) =>
        session.ExecuteAsync("""
            UPDATE sign_in_links SET revoked_utc = @Now
            WHERE user_id = @userId AND kind = @kind AND used_utc IS NULL AND revoked_utc IS NULL AND (@id IS NULL OR id = @id)
            """, new { userId, kind, id, Now = time.GetUtcNow().UtcDateTime });

    private sealed class LinkRow
    {
        public long UserId { get; init; }
        public string Kind { get; init; } = "";
        public DateTime ExpiresUtc { get; init; }
        public DateTime? UsedUtc { get; init; }
        public DateTime? RevokedUtc { get; init; }
    }

    private sealed class InvitationRow
    {
        public long Id { get; init; }
        public long UserId { get; init; }
        public string Email { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public string Role { get; init; } = "";
        public string? InvitedBy { get; init; }
        public DateTime CreatedUtc { get; init; }
        public DateTime ExpiresUtc { get; init; }
    }
}
