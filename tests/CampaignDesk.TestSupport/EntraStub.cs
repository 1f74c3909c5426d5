using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CampaignDesk.TestSupport;

/// <summary>
/// Microsoft Entra ID on 127.0.0.1: a tenant's OpenID metadata and signing keys (an RSA key made here), access
/// tokens signed with that key or with another one, and the authorization code flow with PKCE a browser runs (the
/// person who signs in is <see cref="SignsInAs"/>; the authorize endpoint answers at once, as after a password).
/// </summary>
public sealed class EntraStub : IAsyncDisposable
{
    public const string TenantId = "5b0d2a1e-3c4f-4e6a-9b8c-7d6e5f4a3b2c";
    public const string Audience = "3f8a1c2e-9d4b-4a6f-8e1d-2c3b4a5f6e7d";
    public const string KeyId = "stub-signing-key";

    private readonly WebApplication _server;
    private readonly RSA _key;
    private readonly ConcurrentDictionary<string, PendingCode> _codes = new();

    private EntraStub(WebApplication server, RSA key)
    {
        _server = server;
        _key = key;
    }

    /// <summary>The tenant's v2.0 issuer, as Auth:Entra:Authority names it.</summary>
    public string Authority { get; private set; } = "";

    /// <summary>Who signs in at the authorize endpoint: the token's oid and preferred_username.</summary>
    public (string? ObjectId, string? Email) SignsInAs { get; set; }

    /// <summary>Codes exchanged for a token (a code works once).</summary>
    public int TokensIssued { get; private set; }

    private sealed record PendingCode(string ClientId, string RedirectUri, string Challenge, string? ObjectId, string? Email);

    public static async Task<EntraStub> StartAsync()
    {
        var key = RSA.Create(2048);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var server = builder.Build();
        var stub = new EntraStub(server, key);
        // A browser page of another origin reads the metadata and posts the code, as Entra allows for SPAs.
        server.Use(async (context, next) =>
        {
            context.Response.Headers.AccessControlAllowOrigin = "*";
            await next(context);
        });
        server.MapGet($"/{TenantId}/oauth2/v2.0/authorize", stub.Authorize);
        server.MapPost($"/{TenantId}/oauth2/v2.0/token", stub.RedeemAsync);
        server.MapGet($"/{TenantId}/v2.0/.well-known/openid-configuration", (HttpRequest request) =>
        {
            var root = $"{request.Scheme}://{request.Host}/{TenantId}";
            return Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = $"{root}/v2.0",
                ["authorization_endpoint"] = $"{root}/oauth2/v2.0/authorize",
                ["token_endpoint"] = $"{root}/oauth2/v2.0/token",
                ["jwks_uri"] = $"{root}/discovery/v2.0/keys",
                ["response_types_supported"] = new[] { "code" },
                ["subject_types_supported"] = new[] { "pairwise" },
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            });
        });
        var publicKey = key.ExportParameters(includePrivateParameters: false);
        server.MapGet($"/{TenantId}/discovery/v2.0/keys", () => Results.Json(new
        {
            keys = new[]
            {
                new Dictionary<string, string>
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["kid"] = KeyId,
                    ["n"] = Base64UrlEncoder.Encode(publicKey.Modulus),
                    ["e"] = Base64UrlEncoder.Encode(publicKey.Exponent),
                },
            },
        }));
        await server.StartAsync();
        stub.Authority = $"{server.Urls.Single()}/{TenantId}/v2.0";
        return stub;
    }

    private IResult Authorize(HttpRequest request)
    {
        var query = request.Query;
        if (query["response_type"] != "code" || query["code_challenge_method"] != "S256" || string.IsNullOrEmpty(query["code_challenge"])
            || string.IsNullOrEmpty(query["client_id"]) || !Uri.TryCreate(query["redirect_uri"], UriKind.Absolute, out var redirect))
        {
            return Results.BadRequest(new { error = "invalid_request" });
        }

        var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(24));
        _codes[code] = new PendingCode(query["client_id"]!, redirect.ToString(), query["code_challenge"]!, SignsInAs.ObjectId, SignsInAs.Email);
        return Results.Redirect($"{redirect}?code={code}&state={Uri.EscapeDataString(query["state"].ToString())}");
    }

    private async Task<IResult> RedeemAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var verifier = form["code_verifier"].ToString();
        if (form["grant_type"] != "authorization_code" || !_codes.TryRemove(form["code"].ToString(), out var pending)
            || pending.ClientId != form["client_id"] || pending.RedirectUri != form["redirect_uri"]
            || Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) != pending.Challenge)
        {
            return Results.BadRequest(new { error = "invalid_grant", error_description = "The code, its verifier or the redirect URI does not match." });
        }

        TokensIssued++;
        return Results.Json(new { token_type = "Bearer", access_token = CreateToken(pending.ObjectId, pending.Email), expires_in = 3600 });
    }

    /// <summary>An access token as Entra would issue it for CampaignDesk, valid for an hour unless told otherwise.</summary>
    public string CreateToken(string? objectId, string? email = null, string audience = Audience, string tenantId = TenantId,
        DateTime? expiresUtc = null, RSA? signingKey = null, string keyId = KeyId)
    {
        var expires = expiresUtc ?? DateTime.UtcNow.AddHours(1);
        var claims = new Dictionary<string, object> { ["tid"] = tenantId, ["ver"] = "2.0", ["scp"] = "access_as_user", ["name"] = "Test" };
        if (objectId is not null)
        {
            claims["oid"] = objectId;
        }

        if (email is not null)
        {
            claims["preferred_username"] = email;
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Authority,
            Audience = audience,
            Claims = claims,
            IssuedAt = expires.AddHours(-1),
            NotBefore = expires.AddHours(-1),
            Expires = expires,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(signingKey ?? _key) { KeyId = keyId }, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _key.Dispose();
    }
}
