using CampaignDesk.Core.Data;
using CampaignDesk.Core.Users;
using Microsoft.Extensions.Options;

namespace CampaignDesk.Core.SignIn;

public enum SessionStatus
{
    Valid,
    Unknown,
    Expired,
    Revoked,
    UserDisabled,
}

/// <summary>A browser session as « Mes appareils » lists it: never its secret.</summary>
public sealed record WebSession(long Id, string Device, string SignedInWith, DateTime CreatedUtc, DateTime LastSeenUtc, DateTime ExpiresUtc);

/// <summary>Who the session signs in, its id, and its new end when this use pushed it back (the cookie follows).</summary>
public sealed record SessionCheck(SessionStatus Status, Caller? Caller = null, long SessionId = 0, DateTime? RenewedUntilUtc = null);

/// <summary>
/// Browser sessions opened by a sign-in link. The secret lives in an HttpOnly cookie and here as its SHA-256. A session
/// ends when unused for <see cref="SignInOptions.SessionIdleTimeout"/> (each use pushes that back, at most every few
/// minutes so that authenticating stays a read), at the latest <see cref="SignInOptions.SessionLifetime"/> after it
/// began, or when revoked.
/// </summary>
public sealed class WebSessions(Database database, IOptions<SignInOptions> options, TimeProvider time)
{
    /// <summary>Sessions' last use (and end) are written at most this often.</summary>
    public static readonly TimeSpan RenewalResolution = TimeSpan.FromMinutes(5);

    internal async Task<(string Secret, WebSession Session)> CreateAsync(DbSession db, long userId, string device, string signedInWith)
    {
        var secret = SignInSecrets.New(SignInSecrets.SessionPrefix);
        var now = time.GetUtcNow().UtcDateTime;
        var session = new WebSession(0, device, signedInWith, now, now, now + options.Value.SessionIdleTimeout);
        var id = await db.InsertAsync("web_sessions",
            "user_id, hash, device, signed_in_with, created_utc, last_seen_utc, expires_utc",
            "@userId, @Hash, @Device, @SignedInWith, @CreatedUtc, @LastSeenUtc, @ExpiresUtc", new
            {
                userId,
                Hash = SignInSecrets.Hash(secret),
                session.Device,
                session.SignedInWith,
                session.CreatedUtc,
                session.LastSeenUtc,
                session.ExpiresUtc,
            });
        return (secret, session with { Id = id });
    }

    /// <summary>Who this session secret signs in, or why it does not.</summary>
    public async Task<SessionCheck> CheckAsync(string secret, CancellationToken cancellationToken)
    {
        if (!SignInSecrets.LooksLike(secret, SignInSecrets.SessionPrefix))
        {
            return new SessionCheck(SessionStatus.Unknown);
        }

        var (row, organisations) = await database.ReadAsync(async db =>
        {
            var row = await db.SingleOrDefaultAsync<CheckRow>("""
                SELECT s.id AS session_id, s.created_utc, s.last_seen_utc, s.expires_utc, s.revoked_utc,
                       u.id AS user_id, u.email, u.display_name, u.role, u.disabled_utc
                FROM web_sessions s JOIN users u ON u.id = s.user_id
                WHERE s.hash = @Hash
                """, new { Hash = SignInSecrets.Hash(secret) });
            return (row, row is null ? [] : await db.QueryAsync<long>(
                "SELECT organisation_id FROM user_organisations WHERE user_id = @UserId", new { row.UserId }));
        }, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        if (row is null)
        {
            return new SessionCheck(SessionStatus.Unknown);
        }

        if (row.RevokedUtc is not null || row.DisabledUtc is not null || row.ExpiresUtc <= now)
        {
            var status = row.RevokedUtc is not null ? SessionStatus.Revoked : row.DisabledUtc is not null ? SessionStatus.UserDisabled : SessionStatus.Expired;
            return new SessionCheck(status, SessionId: row.SessionId);
        }

        DateTime? renewed = null;
        if (now - row.LastSeenUtc >= RenewalResolution)
        {
            var until = Min(now + options.Value.SessionIdleTimeout, row.CreatedUtc + options.Value.SessionLifetime);
            // Conditional on the row still being live: a revocation that just committed is not undone by a late renewal.
            if (await database.WriteAsync(db => db.ExecuteAsync("""
                    UPDATE web_sessions SET last_seen_utc = @now, expires_utc = @until WHERE id = @SessionId AND revoked_utc IS NULL
                    """, new { now, until, row.SessionId }), cancellationToken) == 1)
            {
                renewed = until;
            }
        }

        var caller = new Caller(row.UserId, row.Email, row.Role, organisations.ToHashSet()) { DisplayName = row.DisplayName };
        return new SessionCheck(SessionStatus.Valid, caller, row.SessionId, renewed);
    }

    /// <summary>The user's sessions still open, most recently used first.</summary>
    public async Task<IReadOnlyList<WebSession>> ListAsync(long userId, CancellationToken cancellationToken)
    {
        var rows = await database.ReadAsync(db => db.QueryAsync<SessionRow>($"""
            SELECT {Columns} FROM web_sessions
            WHERE user_id = @userId AND revoked_utc IS NULL AND expires_utc > @Now
            ORDER BY last_seen_utc DESC, id DESC
            """, new { userId, Now = time.GetUtcNow().UtcDateTime }), cancellationToken);
        return rows.Select(r => r.ToSession()).ToList();
    }

    /// <summary>Ends one session of the user; the session as it was, or null when the user has no such open session.</summary>
    internal async Task<WebSession?> RevokeAsync(DbSession db, long userId, long sessionId)
    {
        var before = (await db.SingleOrDefaultAsync<SessionRow>($"""
            SELECT {Columns} FROM web_sessions WHERE id = @sessionId AND user_id = @userId AND revoked_utc IS NULL AND expires_utc > @Now
            """, new { sessionId, userId, Now = time.GetUtcNow().UtcDateTime }))?.ToSession();
        if (before is not null)
        {
            await db.ExecuteAsync("UPDATE web_sessions SET revoked_utc = @Now WHERE id = @sessionId",
                new { sessionId, Now = time.GetUtcNow().UtcDateTime });
        }

        return before;
    }

    /// <summary>Ends every session of the user (disabled, or signed out everywhere); how many were open.</summary>
    internal Task<int> EndAllAsync(DbSession db, long userId) =>
        db.ExecuteAsync("""
            UPDATE web_sessions SET revoked_utc = @Now WHERE user_id = @userId AND revoked_utc IS NULL AND expires_utc > @Now
            """, new { userId, Now = time.GetUtcNow().UtcDateTime });

    private const string Columns = "id, device, signed_in_with, created_utc, last_seen_utc, expires_utc";

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private sealed class SessionRow
    {
        public long Id { get; init; }
        public string Device { get; init; } = "";
        public string SignedInWith { get; init; } = "";
        public DateTime CreatedUtc { get; init; }
        public DateTime LastSeenUtc { get; init; }
        public DateTime ExpiresUtc { get; init; }

        public WebSession ToSession() => new(Id, Device, SignedInWith, CreatedUtc, LastSeenUtc, ExpiresUtc);
    }

    private sealed class CheckRow
    {
        public long SessionId { get; init; }
        public DateTime CreatedUtc { get; init; }
        public DateTime LastSeenUtc { get; init; }
        public DateTime ExpiresUtc { get; init; }
        public DateTime? RevokedUtc { get; init; }
        public long UserId { get; init; }
        public string Email { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public string Role { get; init; } = "";
        public DateTime? DisabledUtc { get; init; }
    }
}
