namespace CampaignDesk.Core.Common;

/// <summary>Templates, follow-ups and the sending window.</summary>
public static partial class Messages
{
    public static readonly MessageTemplate TemplateNameTaken = new("template_name_taken",
        "This campaign already has a template of that name.", "Cette campagne a déjà un modèle de ce nom.");
    public static readonly MessageTemplate TemplateCampaignImmutable = new("template_campaign_immutable",
        "A template stays in its campaign: create one in the other campaign.", "Un modèle reste dans sa campagne : créez-en un dans l'autre campagne.");
    public static readonly MessageTemplate TemplateStale = new("template_stale",
        "The template changed (version {0}); reload it and apply your change again.",
        "Le modèle a changé (version {0}) : rechargez-le et refaites votre modification.");
    public static readonly MessageTemplate PreviewForbidden = new("preview_forbidden",
        "Preview a message from an organisation you act for.", "Prévisualisez un message d'une organisation pour laquelle vous agissez.");
    public static readonly MessageTemplate PreviewRecipientUnknown = new("preview_recipient_unknown",
        "No official {0} or no organisation {1}.", "Pas d'élu·e {0} ou pas d'organisation {1}.");
    public static readonly MessageTemplate TemplatesByAdmins = new("template_write_forbidden",
        "A campaign's templates are written by the coalition's admins.", "Les modèles d'une campagne sont écrits par les administrateurs de la coalition.");
    public static readonly MessageTemplate TemplateNameInvalid = new("template_name_invalid",
        "A name of 1 to 200 characters is required.", "Un nom de 1 à 200 caractères est obligatoire.");
    public static readonly MessageTemplate SubjectInvalid = new("subject_invalid",
        "A subject of 1 to {0} characters is required.", "Un objet de 1 à {0} caractères est obligatoire.");
    public static readonly MessageTemplate BodyInvalid = new("body_invalid",
        "A body of 1 to {0:N0} characters is required.", "Un texte de 1 à {0:N0} caractères est obligatoire.");
    public static readonly MessageTemplate BraceNotClosed = new("placeholder_not_closed",
        "'{{{{' at line {0}, column {1} is not closed by '}}}}' on its line (write '{{{{{{{{' for a literal '{{{{').",
        "« {{{{ » à la ligne {0}, colonne {1}, n'est pas fermé par « }}}} » sur sa ligne (écrivez « {{{{{{{{ » pour un « {{{{ » littéral).");
    public static readonly MessageTemplate PlaceholderMalformed = new("placeholder_malformed",
        "'{0}' at line {1}, column {2} is not a placeholder: names look like {{{{official.lastName}}}}.",
        "« {0} » à la ligne {1}, colonne {2}, n'est pas un champ de fusion : les noms sont de la forme {{{{official.lastName}}}}.");
    public static readonly MessageTemplate BraceNotOpened = new("brace_not_opened",
        "'}}}}' at line {0}, column {1} closes no '{{{{' (write '}}}}}}}}' for a literal '}}}}').",
        "« }}}} » à la ligne {0}, colonne {1}, ne ferme aucun « {{{{ » (écrivez « }}}}}}}} » pour un « }}}} » littéral).");
    public static readonly MessageTemplate PlaceholderNoValue = new("placeholder_no_value",
        "{{{{{0}}}}} has no value for this official (line {1}, column {2}).", "{{{{{0}}}}} n'a pas de valeur pour cet·te élu·e (ligne {1}, colonne {2}).");
    public static readonly MessageTemplate PlaceholderUnknown = new("placeholder_unknown",
        "Unknown placeholder {{{{{0}}}}} at line {1}, column {2}.", "Champ de fusion {{{{{0}}}}} inconnu, ligne {1}, colonne {2}.");
    public static readonly MessageTemplate PlaceholderUnknownLike = new("placeholder_unknown_suggestion",
        "Unknown placeholder {{{{{0}}}}} at line {1}, column {2}: did you mean {{{{{3}}}}}?",
        "Champ de fusion {{{{{0}}}}} inconnu, ligne {1}, colonne {2} : vouliez-vous dire {{{{{3}}}}} ?");
    public static readonly MessageTemplate DateInTextPassed = new("template_date_passed",
        "The text cites {0}, a date already past: check it is still right.", "Le texte cite le {0}, une date déjà passée : vérifiez qu'elle est toujours juste.");

    public static readonly MessageTemplate FollowUpScheduleForbidden = new("followup_schedule_forbidden",
        "Only a coordinator of the organisation (or an admin) schedules its follow-ups.",
        "Seul un coordinateur de l'organisation (ou un administrateur) programme ses relances.");
    public static readonly MessageTemplate NotBeforeInvalid = new("not_before_invalid",
        "A follow-up is scheduled within a year.", "Une relance se programme dans l'année.");
    public static readonly MessageTemplate TemplateOfOtherCampaign = new("template_other_campaign",
        "Template {0} belongs to campaign {1}.", "Le modèle {0} appartient à la campagne {1}.");
    public static readonly MessageTemplate TemplateOrText = new("template_or_text",
        "Give a template, or a subject and a body.", "Donnez un modèle, ou un objet et un texte.");
    public static readonly MessageTemplate SubjectTooLong = new("subject_too_long",
        "A subject has at most {0} characters.", "Un objet fait au plus {0} caractères.");
    public static readonly MessageTemplate BodyTooLong = new("body_too_long",
        "A body has at most {0:N0} characters.", "Un texte fait au plus {0:N0} caractères.");
    public static readonly MessageTemplate FollowUpCancelForbidden = new("followup_cancel_forbidden",
        "Only a coordinator of the organisation (or an admin) cancels its follow-ups.",
        "Seul un coordinateur de l'organisation (ou un administrateur) annule ses relances.");
    public static readonly MessageTemplate FollowUpNotCancellable = new("followup_not_cancellable",
        "This follow-up is {0}: only a scheduled one can be cancelled.", "Cette relance est au statut {0} : seule une relance programmée s'annule.");
    public static readonly MessageTemplate OfficialNoEmail = new("official_no_email",
        "This official has no working e-mail address in the directory (none, or every one bounced).",
        "Cet·te élu·e n'a pas d'adresse e-mail valable dans l'annuaire (aucune, ou toutes en erreur).");
    public static readonly MessageTemplate OrganisationNoMailbox = new("organisation_no_mailbox",
        "This organisation has no Microsoft 365 mailbox to send from: set its mailbox first.",
        "Cette organisation n'a pas de boîte Microsoft 365 d'où envoyer : indiquez d'abord sa boîte aux lettres.");
    public static readonly MessageTemplate WindowDays = new("window_days_invalid",
        "At least one day of the week, and only days of the week, are required.", "Au moins un jour de la semaine, et seulement des jours de la semaine.");
    public static readonly MessageTemplate WindowEnd = new("window_end_invalid",
        "The window must end after it starts ({0} is not after {1}).", "La plage doit finir après avoir commencé ({0} n'est pas après {1}).");
}
