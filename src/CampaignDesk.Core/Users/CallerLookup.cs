using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CampaignDesk.Core.Users;

public enum CallerMatchStatus
{
    Found,
    Unknown,
    Disabled,
    LinkedToAnotherAccount,
}

public sealed record CallerMatch(CallerMatchStatus Status, Caller? Caller = null);

/// <summary>
/// The CampaignDesk user behind an identity proven elsewhere (a Microsoft Entra ID token): by its object id,
/// else by e-mail. A user already linked to an Entra object id is found by that id only, so an account renamed
/// to someone else's address cannot take over their CampaignDesk user; the first match by e-mail links the user to
/// that object id for good. Admins are never matched by e-mail: another admin links them (entraObjectId).
/// </summary>
public sealed class CallerLookup(UserStore users)
{
    /// <param name="emails">The addresses the identity is known by, most trusted first.</param>
    public async Task<CallerMatch> FindByEntraAsync(string? objectId, IReadOnlyList<string> emails, CancellationToken cancellationToken)
    {
        objectId = Guid.TryParse(objectId, out var parsed) ? parsed.ToString("D") : null;
        User? user = null;
        foreach (var email in emails.DefaultIfEmpty(null))
        {
            user = await users.FindAsync(objectId, email, cancellationToken);
            if (user is not null)
            {
                break;
            }
        }

        if (user is null)
        {
            return new CallerMatch(CallerMatchStatus.Unknown);
        }

        if (user.EntraObjectId is not null && !string.Equals(user.EntraObjectId, objectId, StringComparison.OrdinalIgnoreCase))
        {
            return new CallerMatch(CallerMatchStatus.LinkedToAnotherAccount);
        }

        if (user.Disabled)
        {
            return new CallerMatch(CallerMatchStatus.Disabled);
        }

        if (user.EntraObjectId is null)
        {
            if (user.Role == UserRoles.Admin || objectId is null || !await users.LinkEntraAsync(user.Id, objectId, cancellationToken))
            {
                return new CallerMatch(CallerMatchStatus.Unknown);
            }
        }

        return new CallerMatch(CallerMatchStatus.Found, new Caller(user.Id, user.Email, user.Role, user.OrganisationIds.ToHashSet())
        {
            DisplayName = user.DisplayName,
        });
    }
}

public static class CallerLookupServiceCollectionExtensions
{
    public static IServiceCollection AddCallerLookup(this IServiceCollection services)
    {
        services.TryAddSingleton<CallerLookup>();
        return services;
    }
}
