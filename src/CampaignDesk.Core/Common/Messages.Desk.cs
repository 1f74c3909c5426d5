namespace CampaignDesk.Core.Common;

/// <summary>The desk: an official's actions, batches of follow-ups and tasks, call scripts, the team board, retries.</summary>
public static partial class Messages
{
    public static readonly MessageTemplate NotYourOrganisation = new("organisation_not_yours",
        "You do not act for this organisation.", "Vous n'agissez pas pour cette organisation.");
    public static readonly MessageTemplate CampaignNotRunningWith = new("campaign_not_running_with_organisation",
        "Campaign {0} is not running with this organisation.", "La campagne {0} n'est pas en cours avec cette organisation.");

    public static readonly MessageTemplate BatchOrganisationRequired = new("followup_batch_organisation_required",
        "The organisation the follow-ups leave from is required.", "L'organisation d'où partent les relances est obligatoire.");
    public static readonly MessageTemplate FollowUpBatchNotFound = new("followup_batch_not_found",
        "No follow-up batch has id {0}.", "Aucun lot de relances n'a l'identifiant {0}.");
    public static readonly MessageTemplate BatchItemRefused = new("followup_batch_item_refused",
        "This follow-up cannot be scheduled.", "Cette relance ne peut pas être programmée.");
    public static readonly MessageTemplate BatchNothingScheduled = new("followup_batch_empty",
        "No follow-up could be scheduled.", "Aucune relance n'a pu être programmée.");
    public static readonly MessageTemplate BatchSelectionInvalid = new("batch_selection_invalid",
        "The only selection is {0}; or give officialIds.", "La seule sélection possible est {0} ; sinon, donnez officialIds.");
    public static readonly MessageTemplate BatchSelectionIncomplete = new("batch_selection_incomplete",
        "A selection needs the campaign and an existing organisation.", "Une sélection demande la campagne et une organisation existante.");
    public static readonly MessageTemplate BatchOfficialsCount = new("batch_officials_count",
        "Give 1 to {0} officials, or a selection.", "Donnez de 1 à {0} élus, ou une sélection.");

    public static readonly MessageTemplate TaskBatchAssigneesRequired = new("task_batch_assignees_required",
        "At least one volunteer to assign the tasks to is required.", "Au moins un bénévole à qui confier les tâches est obligatoire.");
    public static readonly MessageTemplate TaskBatchSelectionInvalid = new("task_batch_selection_invalid",
        "The only selection is {0}, with the organisation and the campaign.", "La seule sélection possible est {0}, avec l'organisation et la campagne.");
    public static readonly MessageTemplate TaskRetryDateInvalid = new("task_retry_date_invalid",
        "The new date is after today and within a year.", "La nouvelle date est après aujourd'hui et dans l'année qui vient.");
    public static readonly MessageTemplate TeamBoardForbidden = new("team_board_forbidden",
        "Only the organisation's coordinators see who has what to do.", "Seuls les coordinateurs de l'organisation voient qui a quoi à faire.");

    public static readonly MessageTemplate CallScriptWriteForbidden = new("call_script_write_forbidden",
        "Admins and the coordinators of a participating organisation write a campaign's call scripts.",
        "Les administrateurs et les coordinateurs d'une organisation participante écrivent les scripts d'appel d'une campagne.");
    public static readonly MessageTemplate CallScriptRoleInvalid = new("call_script_role_invalid",
        "One of {0}, or {1} for every other mandate.", "L'un de : {0}, ou {1} pour tous les autres mandats.");
    public static readonly MessageTemplate CallScriptTooLong = new("call_script_too_long",
        "A script has at most {0:N0} characters.", "Un script fait au plus {0:N0} caractères.");

    public static readonly MessageTemplate CalendarNotFound = new("calendar_not_found",
        "This calendar address is unknown or was revoked; ask for a new one.",
        "Cette adresse de calendrier est inconnue ou a été révoquée : demandez-en une nouvelle.");
}
