using CampaignDesk.Core.Common;

namespace CampaignDesk.Core.Users;

/// <summary>
/// Who may see and change whom. Admins manage everyone. A coordinator sees the users of their organisations (and of those
/// users' organisations, only the ones they share), adds or removes their own organisations on a volunteer, lists and
/// revokes a volunteer's tokens, and issues credentials or disables a volunteer only when they coordinate every
/// organisation the volunteer acts for: a volunteer shared by two structures is not one coordinator's to act as or to shut
/// out of the other. What an admin disabled, only an admin enables.
/// </summary>
internal static class UserRules
{
    public const string DisabledByAdmin = "admin";
    public const string DisabledByCoordinator = "coordinator";

    /// <summary>Admins, the user, and the coordinators of an organisation the user acts for.</summary>
    public static bool MaySee(Caller caller, User user) =>
        caller.IsAdmin || caller.UserId == user.Id ||
        (caller.Role == UserRoles.Coordinator && user.OrganisationIds.Any(caller.OrganisationIds.Contains));

    /// <summary>
    /// The user as <paramref name="caller"/> may see them: a coordinator sees, of a user's organisations, only those they
    /// share, so that adding a volunteer never tells them where else that person acts.
    /// </summary>
    public static User ViewFor(Caller caller, User user) =>
        caller.IsAdmin || caller.UserId == user.Id
            ? user
            : user with { OrganisationIds = [.. user.OrganisationIds.Where(caller.OrganisationIds.Contains)] };

    /// <summary>
    /// A token (or calendar secret) acts as its user, and disabling locks them out of every organisation: the user, an
    /// admin, or a coordinator of <em>every</em> organisation the volunteer acts for — who gains nothing they could not
    /// already do.
    /// </summary>
    public static bool MayControlAccess(Caller caller, User user) =>
        caller.IsAdmin || caller.UserId == user.Id ||
        (caller.Role == UserRoles.Coordinator && user.Role == UserRoles.Volunteer && user.OrganisationIds.Count > 0 &&
         user.OrganisationIds.All(caller.Coordinates));

    /// <summary>Admins, the user, and the coordinators of one of a volunteer's organisations.</summary>
    public static bool MayManage(Caller caller, User user) =>
        caller.IsAdmin || caller.UserId == user.Id ||
        (caller.Role == UserRoles.Coordinator && user.Role == UserRoles.Volunteer && user.OrganisationIds.Any(caller.OrganisationIds.Contains));

    /// <summary>
    /// The change a PATCH asks for, applied to <paramref name="current"/>: a coordinator's organisationIds name the
    /// organisations they coordinate that the user should act for; the user's other organisations stay as they are.
    /// </summary>
    public static User Apply(Caller caller, User current, UserFields fields)
    {
        var organisations = fields.OrganisationIds is not { } given ? current.OrganisationIds
            : caller.IsAdmin ? given
            : [.. current.OrganisationIds.Where(o => !caller.Coordinates(o)).Union(given).Order()];
        var disabled = fields.Disabled ?? current.Disabled;
        var disabledBy = !disabled ? null
            : caller.IsAdmin && fields.Disabled == true ? DisabledByAdmin
            : current.Disabled ? current.DisabledBy
            : DisabledByCoordinator;
        return current with
        {
            DisplayName = fields.DisplayName ?? current.DisplayName,
            Role = fields.Role ?? current.Role,
            OrganisationIds = organisations.SequenceEqual(current.OrganisationIds) ? current.OrganisationIds : organisations,
            EntraObjectId = fields.EntraObjectId ?? current.EntraObjectId,
            Disabled = disabled,
            DisabledBy = disabledBy,
        };
    }

    public static MessageTemplate? Refusal(Caller caller, User current, User updated)
    {
        if (caller.IsAdmin)
        {
            return caller.UserId == current.Id && (updated.Role != UserRoles.Admin || updated.Disabled)
                ? Messages.AdminSelfDemote
                : null;
        }

        var onlyName = updated with { DisplayName = current.DisplayName } == current;
        if (caller.UserId == current.Id && onlyName)
        {
            return null;
        }

        if (!MayManage(caller, current) || caller.UserId == current.Id)
        {
            return Messages.UserChangeByAdmins;
        }

        if (updated.Role != current.Role || updated.EntraObjectId != current.EntraObjectId)
        {
            return Messages.RoleChangeByAdmins;
        }

        if (updated.Disabled != current.Disabled)
        {
            if (!updated.Disabled && current.DisabledBy == DisabledByAdmin)
            {
                return Messages.ReenableByAdmins;
            }

            if (!MayControlAccess(caller, current))
            {
                return Messages.DisableSharedVolunteer;
            }
        }

        var outside = (IEnumerable<long> ids) => ids.Where(o => !caller.Coordinates(o)).Order();
        return outside(updated.OrganisationIds).SequenceEqual(outside(current.OrganisationIds))
            ? null
            : Messages.CoordinatorChangesOwnOrganisations;
    }

    public static bool RequiresOrganisation(string role) => role is UserRoles.Coordinator or UserRoles.Volunteer;

    public static UserFields Normalise(UserFields input, Errors errors, bool creating)
    {
        var email = input.Email?.Trim();
        if (email is null ? creating : !IsEmail(email))
        {
            errors.Add("email", Messages.EmailInvalid);
        }

        var name = input.DisplayName?.Trim();
        if (name is null ? creating : name.Length is 0 or > 200 || name.Any(char.IsControl))
        {
            errors.Add("displayName", Messages.DisplayNameInvalid);
        }

        var role = input.Role?.Trim().ToLowerInvariant();
        if (role is null ? creating : !UserRoles.All.Contains(role))
        {
            errors.Add("role", Messages.UserRoleInvalid, UserRoles.All);
        }

        var organisations = input.OrganisationIds?.Distinct().ToList();
        if (organisations is { Count: > UserService.MaxOrganisations })
        {
            errors.Add("organisationIds", Messages.OrganisationsTooMany, UserService.MaxOrganisations);
        }

        if (creating && role is not null && RequiresOrganisation(role) && organisations is not { Count: > 0 })
        {
            errors.Add("organisationIds", Messages.RoleNeedsOrganisation, role);
        }

        var entra = input.EntraObjectId?.Trim();
        if (entra is not null && !Guid.TryParse(entra, out _))
        {
            errors.Add("entraObjectId", Messages.EntraObjectIdInvalid);
        }

        return new UserFields(email, name, role, creating ? organisations ?? [] : organisations, entra?.ToLowerInvariant(), input.Disabled);
    }

    public static bool IsEmail(string email) =>
        email.Length is > 2 and <= 254 && email.Count(c => c == '@') == 1 && email.IndexOf('@') is > 0 && !email.EndsWith('@') &&
        !email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or '"' or ',' or ';');
}
