using System.Globalization;
using System.Security.Claims;
using CampaignDesk.Core.Users;

namespace CampaignDesk.Api.Auth;

/// <summary>A <see cref="Caller"/> carried as claims, whichever way it authenticated (token, bootstrap token, Entra ID).</summary>
public static class CallerClaims
{
    public const string Organisation = "campaigndesk:organisation";

    /// <summary>What rate limits count against: the user ("user:42", whichever token or Entra sign-in), or "bootstrap".</summary>
    public const string Credential = "campaigndesk:credential";

    /// <summary>The caller's display name, which mail and other organisations see instead of the login e-mail.</summary>
    public const string DisplayName = "campaigndesk:display-name";

    public static ClaimsPrincipal ToPrincipal(Caller caller, string credential, string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, caller.Name),
            new(ClaimTypes.Role, caller.Role),
            new(Credential, credential),
            new(DisplayName, caller.DisplayName),
        };
        if (caller.UserId is { } id)
        {
            claims.Add(new Claim(ClaimTypes.NameIdentifier, id.ToString(CultureInfo.InvariantCulture)));
        }

        claims.AddRange(caller.OrganisationIds.Select(o => new Claim(Organisation, o.ToString(CultureInfo.InvariantCulture))));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The caller behind an authenticated principal built by <see cref="ToPrincipal"/>.</summary>
    public static Caller From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || principal.FindFirstValue(ClaimTypes.Role) is not { } role)
        {
            throw new InvalidOperationException("No authenticated caller: this endpoint should require authorization.");
        }

        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        return new Caller(id is null ? null : long.Parse(id, CultureInfo.InvariantCulture), principal.Identity.Name ?? "",
            role, principal.FindAll(Organisation).Select(c => long.Parse(c.Value, CultureInfo.InvariantCulture)).ToHashSet())
        {
            DisplayName = principal.FindFirstValue(DisplayName) ?? "",
        };
    }
}
