using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CampaignDesk.Api.Tests.Auth;

/// <summary>
/// Microsoft Entra ID as the API sees it, on 127.0.0.1: a tenant's OpenID metadata and signing keys (an RSA key
/// made here), and access tokens signed with that key or with another one.
/// </summary>
public sealed class EntraStub : IAsyncDisposable
{
    public const string TenantId = "5b0d2a1e-3c4f-4e6a-9b8c-7d6e5f4a3b2c";
    public const string Audience = "3f8a1c2e-9d4b-4a6f-8e1d-2c3b4a5f6e7d";
    public const string KeyId = "stub-signing-key";

    private readonly WebApplication _server;
    private readonly RSA _key;

    private EntraStub(WebApplication server, RSA key, string baseUrl)
    {
        _server = server;
        _key = key;
        Authority = $"{baseUrl}/{TenantId}/v2.0";
    }

    /// <summary>The tenant's v2.0 issuer, as Auth:Entra:Authority names it.</summary>
    public string Authority { get; }

    public static async Task<EntraStub> StartAsync()
    {
        var key = RSA.Create(2048);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var server = builder.Build();
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
        return new EntraStub(server, key, server.Urls.Single());
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
