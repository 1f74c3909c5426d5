namespace CampaignDesk.Api.Auth;

public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>A token that authenticates as the install's first admin (for automation). Hashed at start-up, never logged.</summary>
    public string? BootstrapAdminToken { get; set; }

    /// <summary>
    /// Where a generated admin token is kept when no <see cref="BootstrapAdminToken"/> is set (relative to the
    /// content root, readable by its owner only). Empty turns generation off: then only configured tokens work.
    /// </summary>
    public string? AdminTokenFile { get; set; } = "data/admin-token";
}
