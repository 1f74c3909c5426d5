using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using CampaignDesk.Core.Data;

namespace CampaignDesk.Core.Users;

/// <summary>A token as its owner sees it in a list: never the token itself, only its first characters.</summary>
public sealed record AccessToken(long Id, long UserId, string Purpose, string Name, string Prefix, DateTime CreatedUtc, DateTime? ExpiresUtc,
    DateTime? RevokedUtc, DateTime? LastUsedUtc);

/// <summary>A token just issued: <see cref="Token"/> is shown this once and never stored.</summary>
public sealed record IssuedToken(string Token, AccessToken Info);

public enum TokenStatus
{
    Valid,
    Unknown,
    Expired,
    Revoked,
    UserDisabled,
}

public sealed record TokenCheck(TokenStatus Status, Caller? Caller = null, long? TokenId = null);

/// <summary>
/// Personal API tokens and calendar feed secrets. A token is 32 random bytes behind a prefix that says what it
/// is (<c>cdp_</c> API, <c>cdc_</c> calendar); only its SHA-256 is stored — enough for a secret of that entropy,
/// and it lets a lookup be one index seek.
/// </summary>
[SuppressMessage("Performance", "CA1822", Justification = "A store's operations are called on its injected instance, whether or not they use its state.")]
public sealed class AccessTokens(Database database, TimeProvider time)
{
    public const string Api = "api";
    public const string Calendar = "calendar";

    /// <summary>Last-use times are written at most this often, so authenticating is a read, not a write per request.</summary>
    private static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(10);

    public static string PrefixOf(string purpose) => purpose == Calendar ? "cdc_" : "cdp_";

    internal async Task<IssuedToken> IssueAsync(DbSession session, long userId, string purpose, string name, DateTime? expiresUtc)
    {
        var token = PrefixOf(purpose) + Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow().UtcDateTime;
        var info = new AccessToken(0, userId, purpose, name, token[..12], now, expiresUtc, null, null);
        var id = await session.InsertAsync("access_tokens",
            "user_id, purpose, name, prefix, hash, created_utc, expires_utc",
            "@UserId, @Purpose, @Name, @Prefix, @Hash, @CreatedUtc, @ExpiresUtc", new
            {
                info.UserId,
                info.Purpose,
                info.Name,
                info.Prefix,
                Hash = Hash(token),
                info.CreatedUtc,
                info.ExpiresUtc,
            });
        return new IssuedToken(token, info with { Id = id });
    }

    /// <summary>Who this token stands for, or why it does not authenticate.</summary>
    public async Task<TokenCheck> CheckAsync(string token, string purpose, CancellationToken cancellationToken)
    {
        if (!token.StartsWith(PrefixOf(purpose), StringComparison.Ordinal) || token.Length > 200)
        {
            return new TokenCheck(TokenStatus.Unknown);
        }

        var (row, organisations) = await database.ReadAsync(async session =>
        {
            var row = await session.SingleOrDefaultAsync<CheckRow>("""
                SELECT t.id AS token_id, t.expires_utc, t.revoked_utc, t.last_used_utc, u.id AS user_id, u.email, u.display_name, u.role, u.disabled_utc
                FROM access_tokens t JOIN users u ON u.id = t.user_id
                WHERE t.hash = @Hash AND t.purpose = @Purpose
                """, new { Hash = Hash(token), Purpose = purpose });
            return (row, row is null ? [] : await session.QueryAsync<long>(
                "SELECT organisation_id FROM user_organisations WHERE user_id = @UserId", new { row.UserId }));
        }, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        if (row is null)
        {
            return new TokenCheck(TokenStatus.Unknown);
        }

        if (row.RevokedUtc is not null)
        {
            return new TokenCheck(TokenStatus.Revoked, TokenId: row.TokenId);
        }

        if (row.ExpiresUtc <= now)
        {
            return new TokenCheck(TokenStatus.Expired, TokenId: row.TokenId);
        }

        if (row.DisabledUtc is not null)
        {
            return new TokenCheck(TokenStatus.UserDisabled, TokenId: row.TokenId);
        }

        if (row.LastUsedUtc is null || now - row.LastUsedUtc > LastUseResolution)
        {
            await database.WriteAsync(session => session.ExecuteAsync("UPDATE access_tokens SET last_used_utc = @now WHERE id = @TokenId",
                new { now, row.TokenId }), cancellationToken);
        }

        return new TokenCheck(TokenStatus.Valid, new Caller(row.UserId, row.Email, row.Role, organisations.ToHashSet()) { DisplayName = row.DisplayName },
            row.TokenId);
    }

    public async Task<IReadOnlyList<AccessToken>> ListAsync(long userId, CancellationToken cancellationToken)
    {
        var rows = await database.ReadAsync(session => session.QueryAsync<TokenRow>("""
            SELECT id, user_id, purpose, name, prefix, created_utc, expires_utc, revoked_utc, last_used_utc
            FROM access_tokens WHERE user_id = @userId ORDER BY id
            """, new { userId }), cancellationToken);
        return rows.Select(r => r.ToToken()).ToList();
    }

    internal async Task<AccessToken?> GetAsync(DbSession session, long userId, long tokenId) =>
        (await session.SingleOrDefaultAsync<TokenRow>("""
            SELECT id, user_id, purpose, name, prefix, created_utc, expires_utc, revoked_utc, last_used_utc
            FROM access_tokens WHERE user_id = @userId AND id = @tokenId
            """, new { userId, tokenId }))?.ToToken();

    /// <summary>API tokens of the user neither revoked nor expired.</summary>
    internal Task<int> LiveCountAsync(DbSession session, long userId) =>
        session.ScalarAsync<int>("""
            SELECT COUNT(*) FROM access_tokens
            WHERE user_id = @userId AND purpose = 'api' AND revoked_utc IS NULL AND (expires_utc IS NULL OR expires_utc > @now)
            """, new { userId, now = time.GetUtcNow().UtcDateTime });

    /// <summary>Revokes these tokens of the user (all of a purpose when <paramref name="tokenId"/> is null); how many were live.</summary>
    internal Task<int> RevokeAsync(DbSession session, long userId, string purpose, long? tokenId) =>
        session.ExecuteAsync("""
            UPDATE access_tokens SET revoked_utc = @Now
            WHERE user_id = @userId AND purpose = @purpose AND revoked_utc IS NULL AND (@tokenId IS NULL OR id = @tokenId)
            """, new { userId, purpose, tokenId, Now = time.GetUtcNow().UtcDateTime });

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed class TokenRow
    {
        public long Id { get; init; }
        public long UserId { get; init; }
        public string Purpose { get; init; } = "";
        public string Name { get; init; } = "";
        public string Prefix { get; init; } = "";
        public DateTime CreatedUtc { get; init; }
        public DateTime? ExpiresUtc { get; init; }
        public DateTime? RevokedUtc { get; init; }
        public DateTime? LastUsedUtc { get; init; }

        public AccessToken ToToken() => new(Id, UserId, Purpose, Name, Prefix, CreatedUtc, ExpiresUtc, RevokedUtc, LastUsedUtc);
    }

    private sealed class CheckRow
    {
        public long TokenId { get; init; }
        public DateTime? ExpiresUtc { get; init; }
        public DateTime? RevokedUtc { get; init; }
        public DateTime? LastUsedUtc { get; init; }
        public long UserId { get; init; }
        public string Email { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public string Role { get; init; } = "";
        public DateTime? DisabledUtc { get; init; }
    }
}
