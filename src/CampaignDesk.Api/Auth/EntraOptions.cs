namespace CampaignDesk.Api.Auth;

/// <summary>Optional sign-in with Microsoft Entra ID access tokens; off while <see cref="Authority"/> is empty.</summary>
public sealed class EntraOptions
{
    public const string SectionName = "Auth:Entra";

    /// <summary>The tenant's v2.0 issuer, e.g. https://login.microsoftonline.com/{tenant id}/v2.0.</summary>
    public string? Authority { get; set; }

    /// <summary>The <c>aud</c> the tokens carry: the app registration's client id (v2 tokens) or its Application ID URI.</summary>
    public string? Audience { get; set; }

    /// <summary>When set, a token's <c>tid</c> claim must be this tenant.</summary>
    public string? TenantId { get; set; }

    /// <summary>False is accepted for a loopback authority only (a test stub of Entra).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>
    /// The client id of the registration the web pages sign in with (a single-page application whose redirect URI is
    /// <c>https://{host}/app/connexion.html</c>); with <see cref="WebScope"/>, the sign-in page offers Microsoft.
    /// </summary>
    public string? WebClientId { get; set; }

    /// <summary>The scope the web pages ask for, e.g. <c>api://{client id}/access_as_user</c>.</summary>
    public string? WebScope { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);

    public bool WebSignInEnabled => Enabled && !string.IsNullOrWhiteSpace(WebClientId) && !string.IsNullOrWhiteSpace(WebScope);
}
