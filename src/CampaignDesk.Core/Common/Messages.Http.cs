namespace CampaignDesk.Core.Common;

/// <summary>What the API answers about the request itself: problem titles, unreadable bodies, absent resources.</summary>
public static partial class Messages
{
    // Titles of problems, by status; their codes are the problem's code when nothing more precise is known.
    public static readonly MessageTemplate BadRequest = new("validation_failed",
        "One or more validation errors occurred.", "La requête contient des erreurs.");
    public static readonly MessageTemplate Unauthorized = new("unauthorized", "Unauthorized", "Non authentifié");
    public static readonly MessageTemplate NotAllowed = new("forbidden", "Not allowed", "Action non autorisée");
    public static readonly MessageTemplate NotFound = new("not_found", "Not found", "Introuvable");
    public static readonly MessageTemplate MethodNotAllowed = new("method_not_allowed", "Method not allowed", "Méthode non autorisée");
    public static readonly MessageTemplate ConflictTitle = new("conflict", "Conflict", "Conflit");
    public static readonly MessageTemplate PreconditionFailed = new("precondition_failed", "Precondition failed", "La version envoyée n'est plus la bonne");
    public static readonly MessageTemplate PayloadTooLarge = new("payload_too_large", "Payload too large", "Requête trop volumineuse");
    public static readonly MessageTemplate Unprocessable = new("unprocessable", "Unprocessable entity", "Requête impossible à traiter");
    public static readonly MessageTemplate TooManyRequests = new("too_many_requests",
        "Too many requests", "Trop de requêtes : patientez quelques secondes");
    public static readonly MessageTemplate SlowDown = new("rate_limited",
        "Slow down: try again in {0} s.", "Ralentissez : réessayez dans {0} s.");
    public static readonly MessageTemplate ServerError = new("server_error",
        "An error occurred while processing your request.", "Une erreur s'est produite pendant le traitement de la requête.");

    // A resource of the URL that does not exist, or is not the caller's to see.
    public static readonly MessageTemplate OrganisationNotFound = new("organisation_not_found",
        "No organisation has id {0}.", "Aucune organisation n'a l'identifiant {0}.");
    public static readonly MessageTemplate OfficialNotFound = new("official_not_found", "No official has id {0}.", "Aucun·e élu·e n'a l'identifiant {0}.");
    public static readonly MessageTemplate CampaignNotFound = new("campaign_not_found", "No campaign has id {0}.", "Aucune campagne n'a l'identifiant {0}.");
    public static readonly MessageTemplate InteractionNotFound = new("interaction_not_found",
        "No interaction has id {0}.", "Aucune interaction n'a l'identifiant {0}.");
    public static readonly MessageTemplate PositionNotFound = new("position_not_found", "No position has id {0}.", "Aucune position n'a l'identifiant {0}.");
    public static readonly MessageTemplate UserNotFound = new("user_not_found", "No user has id {0}.", "Aucun utilisateur n'a l'identifiant {0}.");
    public static readonly MessageTemplate TaskNotFound = new("task_not_found", "No task has id {0}.", "Aucune tâche n'a l'identifiant {0}.");
    public static readonly MessageTemplate TemplateNotFound = new("template_not_found", "No template has id {0}.", "Aucun modèle n'a l'identifiant {0}.");
    public static readonly MessageTemplate FollowUpNotFound = new("followup_not_found", "No follow-up has id {0}.", "Aucune relance n'a l'identifiant {0}.");
    public static readonly MessageTemplate AnswerNotFound = new("answer_not_found", "No answer has id {0}.", "Aucune réponse n'a l'identifiant {0}.");
    public static readonly MessageTemplate ImportNotFound = new("import_not_found", "No import run has id {0}.", "Aucun import n'a l'identifiant {0}.");
    public static readonly MessageTemplate ResourceNotFound = new("resource_not_found", "No {0} has id {1}.", "Rien n'a l'identifiant {1} ({0}).");

    // Bodies and parameters that cannot be read.
    public static readonly MessageTemplate JsonInvalid = new("json_invalid", "The body is not valid JSON.", "Le corps de la requête n'est pas du JSON valide.");
    public static readonly MessageTemplate JsonInvalidAt = new("json_invalid_at",
        "The body is not valid JSON (line {0}, position {1}).", "Le corps de la requête n'est pas du JSON valide (ligne {0}, position {1}).");
    public static readonly MessageTemplate FieldUnknown = new("field_unknown",
        "This field is not part of the resource.", "Ce champ ne fait pas partie de la ressource.");
    public static readonly MessageTemplate FieldWrongType = new("field_wrong_type",
        "The value has the wrong type for this field.", "La valeur n'a pas le bon type pour ce champ.");
    public static readonly MessageTemplate TextWithNul = new("text_nul",
        "A text may not contain the NUL character.", "Un texte ne peut pas contenir le caractère NUL.");
    public static readonly MessageTemplate NotWholeNumber = new("not_whole_number",
        "'{0}' is not a valid whole number.", "« {0} » n'est pas un nombre entier valide.");
    public static readonly MessageTemplate NotBoolean = new("not_boolean",
        "'{0}' is not a valid boolean (true or false).", "« {0} » n'est pas un booléen valide (true ou false).");
    public static readonly MessageTemplate NotDate = new("not_date",
        "'{0}' is not a valid date (ISO 8601).", "« {0} » n'est pas une date valide (ISO 8601).");
    public static readonly MessageTemplate NotValid = new("value_invalid", "'{0}' is not a valid value.", "« {0} » n'est pas une valeur valide.");
    public static readonly MessageTemplate BodyRequired = new("body_required", "A JSON body is required.", "Un corps JSON est requis.");
    public static readonly MessageTemplate RequestUnreadable = new("request_unreadable",
        "The request could not be read.", "La requête n'a pas pu être lue.");
    public static readonly MessageTemplate UnsupportedMediaType = new("unsupported_media_type", "Unsupported media type", "Type de contenu non pris en charge");
    public static readonly MessageTemplate SendJson = new("send_json",
        "Send the body as JSON (Content-Type: application/json).", "Envoyez le corps en JSON (Content-Type: application/json).");
    public static readonly MessageTemplate IfMatchInvalid = new("if_match_invalid",
        "If-Match must be the ETag returned by GET (for example \"3\").", "If-Match doit être l'ETag renvoyé par GET (par exemple \"3\").");

    // The database cannot be reached.
    public static readonly MessageTemplate DatabaseUnavailable = new("database_unavailable",
        "The database is unavailable", "La base de données est indisponible");
    public static readonly MessageTemplate DatabaseUnavailableDetail = new("database_unavailable_detail",
        "CampaignDesk cannot reach its database right now; nothing was changed. Try again shortly.",
        "CampaignDesk ne peut pas joindre sa base de données pour le moment ; rien n'a été modifié. Réessayez dans un instant.");
}
