namespace CampaignDesk.Core.Common;

/// <summary>Organisations and the directory of officials.</summary>
public static partial class Messages
{
    public static readonly MessageTemplate OrganisationTypeRequired = new("organisation_type_required",
        "The type is required: structure or federation.", "Le type est obligatoire : structure ou federation.");
    public static readonly MessageTemplate OrganisationTypeUnknown = new("organisation_type_unknown",
        "Unknown type '{0}': use structure or federation.", "Type « {0} » inconnu : structure ou federation.");
    public static readonly MessageTemplate OrganisationTypeFilter = new("organisation_type_invalid",
        "Use structure or federation.", "Utilisez structure ou federation.");
    public static readonly MessageTemplate OrganisationKindRequired = new("organisation_kind_required", "The kind is required.", "La catégorie est obligatoire.");
    public static readonly MessageTemplate OrganisationKindUnknown = new("organisation_kind_unknown", "Unknown kind '{0}'.", "Catégorie « {0} » inconnue.");
    public static readonly MessageTemplate OrganisationKindForType = new("organisation_kind_invalid_for_type",
        "Unknown kind '{0}' for a {1}: use one of {2}.", "Catégorie « {0} » inconnue pour le type {1} : {2}.");
    public static readonly MessageTemplate OrganisationNameRequired = new("organisation_name_required", "The name is required.", "Le nom est obligatoire.");
    public static readonly MessageTemplate OrganisationNameTooLong = new("organisation_name_invalid",
        "The name must be at most {0} characters, without control characters.", "Le nom fait au plus {0} caractères, sans caractère de contrôle.");
    public static readonly MessageTemplate CommuneNameTooLong = new("commune_name_too_long",
        "The commune name must be at most 100 characters.", "Le nom de la commune fait au plus 100 caractères.");
    public static readonly MessageTemplate CommuneCodeInvalid = new("commune_code_invalid",
        "'{0}' is not an INSEE commune code (five characters, e.g. 31555 or 2A004).",
        "« {0} » n'est pas un code commune INSEE (cinq caractères, par exemple 31555 ou 2A004).");
    public static readonly MessageTemplate CommuneNotInDepartment = new("commune_department_mismatch",
        "The commune {0} is in département {1}, not {2}.", "La commune {0} est dans le département {1}, pas {2}.");
    public static readonly MessageTemplate CommuneRequired = new("commune_required",
        "A structure needs the INSEE code of its commune, to find its élus.", "Une structure a besoin du code INSEE de sa commune, pour trouver ses élus.");
    public static readonly MessageTemplate DepartmentUnknown = new("department_unknown", "Unknown département '{0}'.", "Département « {0} » inconnu.");
    public static readonly MessageTemplate RegionUnknown = new("region_unknown",
        "Unknown région '{0}' (INSEE codes such as 11 or 76).", "Région « {0} » inconnue (codes INSEE tels que 11 ou 76).");
    public static readonly MessageTemplate RegionMismatch = new("region_department_mismatch",
        "Département {0} is in région {1}, not {2}.", "Le département {0} est dans la région {1}, pas {2}.");
    public static readonly MessageTemplate MailboxInvalid = new("mailbox_invalid", "'{0}' is not an e-mail address.", "« {0} » n'est pas une adresse e-mail.");
    public static readonly MessageTemplate CirconscriptionInvalid = new("circonscription_invalid",
        "'{0}' is not a circonscription code: use département-number, e.g. 38-02.",
        "« {0} » n'est pas un code de circonscription : département-numéro, par exemple 38-02.");
    public static readonly MessageTemplate CirconscriptionFilter = new("circonscription_filter_invalid",
        "Use département-number, e.g. 38-02.", "Utilisez département-numéro, par exemple 38-02.");
    public static readonly MessageTemplate CirconscriptionNeedsCommune = new("circonscription_needs_commune",
        "Set the commune before its circonscription.", "Indiquez la commune avant sa circonscription.");
    public static readonly MessageTemplate CirconscriptionNoneKnown = new("circonscription_unknown_for_commune",
        "No circonscription is known for commune {0}.", "Aucune circonscription n'est connue pour la commune {0}.");
    public static readonly MessageTemplate CirconscriptionNotOfCommune = new("circonscription_not_of_commune",
        "Commune {0} lies in {1}, not {2}.", "La commune {0} est dans la circonscription {1}, pas {2}.");
    public static readonly MessageTemplate ParentIdsNotPositive = new("parent_ids_invalid",
        "Parent ids are positive numbers.", "Les identifiants des parents sont des nombres positifs.");
    public static readonly MessageTemplate FederationHasMembers = new("federation_has_members",
        "This federation has members: move them to another federation before changing its type.",
        "Cette fédération a des membres : rattachez-les à une autre fédération avant de changer son type.");
    public static readonly MessageTemplate ParentsTooMany = new("parents_too_many", "At most {0} parents.", "Au plus {0} parents.");
    public static readonly MessageTemplate ParentIsSelf = new("parent_self",
        "An organisation cannot be its own parent.", "Une organisation ne peut pas être son propre parent.");
    public static readonly MessageTemplate ParentUnknown = new("parent_unknown", "Organisation {0} does not exist.", "L'organisation {0} n'existe pas.");
    public static readonly MessageTemplate ParentNotFederation = new("parent_not_federation",
        "Organisation {0} is a {1}: only federations and networks have members.",
        "L'organisation {0} est de type {1} : seules les fédérations et les réseaux ont des membres.");
    public static readonly MessageTemplate ParentsCycle = new("parents_cycle",
        "These parents would make a cycle: the organisation is already above one of them.",
        "Ces parents formeraient un cycle : l'organisation est déjà au-dessus de l'un d'eux.");
    public static readonly MessageTemplate PatchNotObject = new("patch_not_object",
        "The body must be a JSON object of the fields to change.", "Le corps doit être un objet JSON des champs à modifier.");
    public static readonly MessageTemplate PatchNotString = new("field_not_string", "'{0}' must be a string or null.", "« {0} » doit être un texte ou null.");
    public static readonly MessageTemplate PatchFieldUnknown = new("field_not_of_organisation",
        "'{0}' is not a field of an organisation.", "« {0} » n'est pas un champ d'une organisation.");
    public static readonly MessageTemplate ParentIdsNotArray = new("parent_ids_not_array",
        "'parentIds' must be an array of organisation ids.", "« parentIds » doit être une liste d'identifiants d'organisations.");
    public static readonly MessageTemplate ParentIdsNotWhole = new("parent_ids_not_whole",
        "'parentIds' must hold whole numbers only.", "« parentIds » ne contient que des nombres entiers.");
    public static readonly MessageTemplate OrganisationNameTaken = new("organisation_name_taken",
        "An organisation named '{0}' already exists.", "Une organisation nommée « {0} » existe déjà.");
    public static readonly MessageTemplate OrganisationNameTakenInCommune = new("organisation_name_taken_in_commune",
        "An organisation named '{0}' already exists in commune {1}.", "Une organisation nommée « {0} » existe déjà dans la commune {1}.");
    public static readonly MessageTemplate OrganisationNameTakenTitle = new("organisation_name_taken_title",
        "An organisation with this name already exists.", "Une organisation porte déjà ce nom.");
    public static readonly MessageTemplate OrganisationsCreatedByAdmins = new("organisation_create_forbidden",
        "Organisations are created by the coalition's admins.", "Les organisations sont créées par les administrateurs de la coalition.");
    public static readonly MessageTemplate OrganisationChangedByCoordinators = new("organisation_change_forbidden",
        "Only the organisation's coordinators (and admins) change it.", "Seuls les coordinateurs de l'organisation (et les administrateurs) la modifient.");
    public static readonly MessageTemplate MailboxSetByAdmins = new("organisation_mailbox_forbidden",
        "The mailbox follow-ups are sent from is set by the coalition's admins.",
        "La boîte aux lettres d'où partent les relances est choisie par les administrateurs de la coalition.");
    public static readonly MessageTemplate OrganisationStale = new("organisation_stale",
        "The organisation was changed by someone else.", "L'organisation a été modifiée par quelqu'un d'autre.");
    public static readonly MessageTemplate OrganisationStaleDetail = new("organisation_stale_detail",
        "It is now at version {0}: read it again, then reapply your change.", "Elle en est à la version {0} : relisez-la, puis refaites votre modification.");

    public static readonly MessageTemplate RoleUnknown = new("role_unknown",
        "Unknown role '{0}': use one of {1}.", "Mandat « {0} » inconnu : {1}.");
}
