using System.Security.Cryptography;
using System.Text;

namespace CampaignDesk.Core.SignIn;

/// <summary>
/// The secrets of links (<c>cdl_</c>) and sessions (<c>cds_</c>): 32 random bytes, stored as their SHA-256 only, like
/// API tokens. A session's anti-CSRF token is derived from its secret, so it needs no storage and reveals nothing of it.
/// </summary>
public static class SignInSecrets
{
    public const string LinkPrefix = "cdl_";
    public const string SessionPrefix = "cds_";

    /// <summary>The prefix and 43 base64url characters.</summary>
    public const int Length = 47;

    private static readonly System.Buffers.SearchValues<char> Base64UrlCharacters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    public static string New(string prefix) =>
        prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Well formed: the prefix, then base64url characters, of the right length (anything else is not even looked up).</summary>
    public static bool LooksLike(string? secret, string prefix) =>
        secret is { Length: Length } && secret.StartsWith(prefix, StringComparison.Ordinal) &&
        !secret.AsSpan(prefix.Length).ContainsAnyExcept(Base64UrlCharacters);

    /// <summary>HMAC-SHA256 of a fixed label keyed by the session's secret: the page sends it back in X-CSRF-Token.</summary>
    public static string CsrfToken(string sessionSecret) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(sessionSecret), "campaigndesk-csrf"u8)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
