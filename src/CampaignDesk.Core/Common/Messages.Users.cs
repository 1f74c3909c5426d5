namespace CampaignDesk.Core.Common;

/// <summary>Users, roles and tokens.</summary>
public static partial class Messages
{
    public static readonly MessageTemplate UsersListForbidden = new("users_list_forbidden",
        "Only admins and coordinators list users.", "Seuls les administrateurs et les coordinateurs voient la liste des utilisateurs.");
    public static readonly MessageTemplate UsersCreateForbidden = new("users_create_forbidden",
        "Only admins and coordinators create users.", "Seuls les administrateurs et les coordinateurs créent des utilisateurs.");
    public static readonly MessageTemplate CoordinatorCreatesVolunteers = new("coordinator_creates_volunteers_only",
        "A coordinator creates volunteers only; ask an admin for other roles.",
        "Un coordinateur crée seulement des bénévoles ; demandez les autres rôles à un administrateur.");
    public static readonly MessageTemplate CoordinatorOwnOrganisations = new("coordinator_own_organisations_only",
        "A coordinator adds volunteers to the organisations they coordinate only.",
        "Un coordinateur ajoute des bénévoles aux seules organisations qu'il coordonne.");
    public static readonly MessageTemplate EntraLinkByAdmins = new("entra_link_forbidden",
        "Only an admin links a user to an Entra identity.", "Seul un administrateur relie un utilisateur à une identité Entra.");
    public static readonly MessageTemplate UserExists = new("user_exists",
        "A user with the e-mail {0} (or this Entra object id) already exists.", "Un utilisateur a déjà l'adresse {0} (ou cet identifiant Entra).");
    public static readonly MessageTemplate UserStale = new("user_stale",
        "The user was changed by someone else; it is now at version {0}.", "L'utilisateur a été modifié par quelqu'un d'autre ; il en est à la version {0}.");
    public static readonly MessageTemplate UserChangedConcurrently = new("user_changed_concurrently",
        "The user was changed by someone else at the same time; read it again.", "L'utilisateur a été modifié par quelqu'un d'autre au même moment ; relisez-le.");
    public static readonly MessageTemplate EmailImmutable = new("email_immutable",
        "The e-mail identifies the user and cannot be changed; create another user.",
        "L'adresse e-mail identifie l'utilisateur et ne change pas ; créez un autre utilisateur.");
    public static readonly MessageTemplate RoleNeedsOrganisation = new("role_needs_organisation",
        "A {0} acts for at least one organisation.", "Un utilisateur de rôle {0} agit pour au moins une organisation.");
    public static readonly MessageTemplate TokenNameInvalid = new("token_name_invalid",
        "A token's name has at most 100 characters, without control characters.", "Le nom d'un jeton fait au plus 100 caractères, sans caractère de contrôle.");
    public static readonly MessageTemplate TokenLifetime = new("token_lifetime_invalid",
        "A token lasts between 1 and {0} days.", "Un jeton dure entre 1 et {0} jours.");
    public static readonly MessageTemplate TokensTooMany = new("tokens_too_many",
        "A user has at most {0} live tokens: revoke one first.", "Un utilisateur a au plus {0} jetons valides : révoquez-en un d'abord.");
    public static readonly MessageTemplate TokensSeeForbidden = new("tokens_list_forbidden",
        "Only the user, an admin or a coordinator of their organisation sees their tokens.",
        "Seuls l'utilisateur, un administrateur ou un coordinateur de son organisation voient ses jetons.");
    public static readonly MessageTemplate TokensManageForbidden = new("tokens_manage_forbidden",
        "Only the user, an admin or a coordinator of their organisation manages their tokens.",
        "Seuls l'utilisateur, un administrateur ou un coordinateur de son organisation gèrent ses jetons.");
    public static readonly MessageTemplate TokenIssueForbidden = new("token_issue_forbidden",
        "A token acts as its user: a coordinator issues one only for a volunteer of organisations they all coordinate.",
        "Un jeton agit comme son utilisateur : un coordinateur n'en émet que pour un bénévole dont il coordonne toutes les organisations.");
    public static readonly MessageTemplate EmailInvalid = new("email_invalid",
        "An e-mail address such as prenom.nom@example.org is required (at most 254 characters).",
        "Une adresse e-mail telle que prenom.nom@example.org est obligatoire (au plus 254 caractères).");
    public static readonly MessageTemplate DisplayNameInvalid = new("display_name_invalid",
        "A name of 1 to 200 characters, without control characters, is required.",
        "Un nom de 1 à 200 caractères, sans caractère de contrôle, est obligatoire.");
    public static readonly MessageTemplate UserRoleInvalid = new("user_role_invalid", "The role is one of {0}.", "Le rôle est l'un de : {0}.");
    public static readonly MessageTemplate OrganisationsTooMany = new("organisations_too_many",
        "A user acts for at most {0} organisations.", "Un utilisateur agit pour au plus {0} organisations.");
    public static readonly MessageTemplate EntraObjectIdInvalid = new("entra_object_id_invalid",
        "The Entra object id is a GUID (the user's « ID d'objet » in Entra ID).", "L'identifiant Entra est un GUID (l'« ID d'objet » de l'utilisateur dans Entra ID).");
    public static readonly MessageTemplate AdminSelfDemote = new("admin_self_demote",
        "An admin cannot demote or disable themselves; ask another admin.",
        "Un administrateur ne peut pas se rétrograder ni se désactiver ; demandez à un autre administrateur.");
    public static readonly MessageTemplate UserChangeByAdmins = new("user_change_forbidden",
        "Only an admin changes this user's role, organisations or access.",
        "Seul un administrateur change le rôle, les organisations ou l'accès de cet utilisateur.");
    public static readonly MessageTemplate RoleChangeByAdmins = new("role_change_forbidden",
        "Only an admin changes a user's role or Entra identity.", "Seul un administrateur change le rôle ou l'identité Entra d'un utilisateur.");
    public static readonly MessageTemplate CoordinatorChangesOwnOrganisations = new("coordinator_organisations_forbidden",
        "A coordinator adds or removes only the organisations they coordinate.",
        "Un coordinateur n'ajoute ou ne retire que les organisations qu'il coordonne.");
    public static readonly MessageTemplate ReenableByAdmins = new("user_reenable_forbidden",
        "An admin disabled this user: only an admin enables them again.",
        "Un administrateur a désactivé cet utilisateur : seul un administrateur peut le réactiver.");
    public static readonly MessageTemplate DisableSharedVolunteer = new("disable_shared_volunteer_forbidden",
        "This volunteer also acts for organisations you do not coordinate: remove your organisations from them, or ask an admin to disable them.",
        "Ce bénévole agit aussi pour des organisations que vous ne coordonnez pas : retirez-lui vos organisations, ou demandez à un administrateur de le désactiver.");
    public static readonly MessageTemplate AddressNotForCoordinators = new("user_address_unavailable",
        "This address cannot be added by a coordinator: ask an admin.", "Cette adresse ne peut pas être ajoutée par un coordinateur : demandez à un administrateur.");
    public static readonly MessageTemplate SearchTooLong = new("search_too_long",
        "Search with at most 200 characters.", "Une recherche fait au plus 200 caractères.");
}
