namespace CampaignDesk.Core.Common;

/// <summary>Campaigns, coverage, the outreach log, positions, tasks and triage.</summary>
public static partial class Messages
{
    public static readonly MessageTemplate CampaignStale = new("campaign_stale",
        "The campaign was changed by someone else; it is now at version {0}. Read it again, then reapply your change.",
        "La campagne a été modifiée par quelqu'un d'autre ; elle en est à la version {0}. Relisez-la, puis refaites votre modification.");
    public static readonly MessageTemplate TaskStale = new("task_stale",
        "The task was changed by someone else; it is now at version {0}. Read it again, then reapply your change.",
        "La tâche a été modifiée par quelqu'un d'autre ; elle en est à la version {0}. Relisez-la, puis refaites votre modification.");
    public static readonly MessageTemplate CampaignsCreatedByAdmins = new("campaign_create_forbidden",
        "Campaigns are created by the coalition's admins.", "Les campagnes sont créées par les administrateurs de la coalition.");
    public static readonly MessageTemplate CampaignsChangedByAdmins = new("campaign_change_forbidden",
        "Campaigns are changed by the coalition's admins.", "Les campagnes sont modifiées par les administrateurs de la coalition.");
    public static readonly MessageTemplate TargetPreviewForbidden = new("campaign_target_preview_forbidden",
        "Targeting is previewed by the coalition's admins.", "L'aperçu du ciblage est réservé aux administrateurs de la coalition.");
    public static readonly MessageTemplate RuleTemplateNotOfCampaign = new("rule_template_not_of_campaign",
        "Template {0} is not a template of this campaign.", "Le modèle {0} n'est pas un modèle de cette campagne.");
    public static readonly MessageTemplate CampaignTitleTaken = new("campaign_title_taken",
        "A campaign titled « {0} » already exists.", "Une campagne intitulée « {0} » existe déjà.");
    public static readonly MessageTemplate CampaignTitleInvalid = new("campaign_title_invalid",
        "A title of 1 to 200 characters is required.", "Un titre de 1 à 200 caractères est obligatoire.");
    public static readonly MessageTemplate CampaignGoalTooLong = new("campaign_goal_too_long",
        "The goal has at most 4,000 characters.", "L'objectif fait au plus 4 000 caractères.");
    public static readonly MessageTemplate CampaignStatusInvalid = new("campaign_status_invalid", "The status is one of {0}.", "Le statut est l'un de : {0}.");
    public static readonly MessageTemplate ParticipantsTooMany = new("participants_too_many",
        "At most 1,000 participating organisations.", "Au plus 1 000 organisations participantes.");
    public static readonly MessageTemplate FollowUpRuleInvalid = new("followup_rule_invalid",
        "afterWorkingDays between 1 and 60 with a templateId of this campaign (0 turns the rule off).",
        "afterWorkingDays entre 1 et 60, avec un templateId de cette campagne (0 désactive la règle).");
    public static readonly MessageTemplate CampaignDraft = new("campaign_draft",
        "Campaign {0} is a draft: activate it before sending anything for it.", "La campagne {0} est un brouillon : activez-la avant d'envoyer quoi que ce soit.");
    public static readonly MessageTemplate CampaignEndedOnDeadline = new("campaign_ended_on_deadline",
        "Campaign {0} ended on its deadline, {1}: nothing more is sent for it.",
        "La campagne {0} s'est terminée à son échéance, le {1} : plus rien n'est envoyé pour elle.");
    public static readonly MessageTemplate CampaignNotRunning = new("campaign_not_running",
        "Campaign {0} is {1}: nothing more is sent for it.", "La campagne {0} est au statut {1} : plus rien n'est envoyé pour elle.");
    public static readonly MessageTemplate NotParticipant = new("organisation_not_participant",
        "Organisation {0} does not take part in campaign {1}.", "L'organisation {0} ne participe pas à la campagne {1}.");
    public static readonly MessageTemplate TargetingRulesTooMany = new("targeting_rules_too_many",
        "Give up to {0} rules (an empty list with officialIds targets those officials only).",
        "Au plus {0} règles (une liste vide avec officialIds ne cible que ces élus).");
    public static readonly MessageTemplate TargetingRuleShape = new("targeting_rule_invalid",
        "A rule is {{roles, where, departments}}.", "Une règle est de la forme {{roles, where, departments}}.");
    public static readonly MessageTemplate TargetingRoles = new("targeting_roles_invalid", "One or more of {0}.", "Un ou plusieurs de : {0}.");
    public static readonly MessageTemplate TargetingDepartments = new("targeting_departments_invalid",
        "The département codes (such as 38, 2A, 974) this rule covers.", "Les codes des départements (tels que 38, 2A, 974) que couvre cette règle.");
    public static readonly MessageTemplate TargetingOfficialsTooMany = new("targeting_officials_too_many",
        "At most {0:N0} officials by name; use rules for more.", "Au plus {0:N0} élus désignés un par un ; au-delà, utilisez des règles.");
    public static readonly MessageTemplate CoverageBy = new("coverage_by_invalid", "One of {0}.", "L'une de ces valeurs : {0}.");
    public static readonly MessageTemplate ExportFormatBy = new("export_by_invalid",
        "Use export.csv or export.xlsx, by one of {0}.", "Utilisez export.csv ou export.xlsx, avec by parmi : {0}.");

    public static readonly MessageTemplate InteractionMembersOnly = new("interaction_log_forbidden",
        "Only the members of an organisation log its interactions.", "Seuls les membres d'une organisation notent ses contacts.");
    public static readonly MessageTemplate InteractionCorrectForbidden = new("interaction_correct_forbidden",
        "Only its author and the organisation's coordinators correct an interaction.",
        "Seuls son auteur et les coordinateurs de l'organisation corrigent un contact.");
    public static readonly MessageTemplate InteractionPartiesImmutable = new("interaction_parties_immutable",
        "Who the contact was with, and for which organisation, cannot change: log another interaction.",
        "Avec qui et pour quelle organisation ne changent pas : notez un autre contact.");
    public static readonly MessageTemplate InteractionOrganisationRequired = new("interaction_organisation_required",
        "The organisation that made (or received) the contact is required.", "L'organisation qui a pris (ou reçu) le contact est obligatoire.");
    public static readonly MessageTemplate InteractionOfficialRequired = new("interaction_official_required",
        "The official contacted is required.", "L'élu·e contacté·e est obligatoire.");
    public static readonly MessageTemplate OccurredAtInvalid = new("occurred_at_invalid",
        "When it happened: not in the future (to plan a contact, create a task).",
        "Quand cela s'est passé : pas dans le futur (pour prévoir un contact, créez une tâche).");
    public static readonly MessageTemplate NotesTooLong = new("notes_too_long", "Notes have at most {0:N0} characters.", "Les notes font au plus {0:N0} caractères.");

    public static readonly MessageTemplate PositionParticipantsOnly = new("position_record_forbidden",
        "A position on a campaign is recorded by an organisation taking part in it (or an admin).",
        "Une position sur une campagne est notée par une organisation qui y participe (ou un administrateur).");
    public static readonly MessageTemplate PositionOrganisationRequired = new("position_organisation_required",
        "The organisation you record it for is required (admins may leave it out).",
        "L'organisation pour laquelle vous la notez est obligatoire (les administrateurs peuvent l'omettre).");
    public static readonly MessageTemplate PositionForOwnOrganisation = new("position_organisation_forbidden",
        "A position is recorded for an organisation you act for.", "Une position est notée pour une organisation pour laquelle vous agissez.");
    public static readonly MessageTemplate PositionCorrectForbidden = new("position_correct_forbidden",
        "Only its author and the organisation's coordinators correct or withdraw a position.",
        "Seuls son auteur et les coordinateurs de l'organisation corrigent ou retirent une position.");
    public static readonly MessageTemplate PositionWithdrawn = new("position_withdrawn",
        "This position was withdrawn; record another one.", "Cette position a été retirée ; notez-en une autre.");
    public static readonly MessageTemplate PositionChangedConcurrently = new("position_changed_concurrently",
        "The position was changed by someone else at the same time; read it again.", "La position a été modifiée par quelqu'un d'autre au même moment ; relisez-la.");
    public static readonly MessageTemplate PositionPartiesImmutable = new("position_parties_immutable",
        "Whose position it is, on which campaign and for which organisation, cannot change: withdraw it and record another.",
        "L'élu·e, la campagne et l'organisation d'une position ne changent pas : retirez-la et notez-en une autre.");
    public static readonly MessageTemplate PositionOfficialRequired = new("position_official_required",
        "The official whose position this is is required.", "L'élu·e dont c'est la position est obligatoire.");
    public static readonly MessageTemplate StatedOnInvalid = new("stated_on_invalid",
        "The date it was said or done (yyyy-MM-dd), not in the future.", "La date à laquelle cela a été dit ou fait (aaaa-mm-jj), pas dans le futur.");
    public static readonly MessageTemplate SummaryInvalid = new("summary_invalid",
        "A summary of 1 to 4,000 characters is required.", "Un résumé de 1 à 4 000 caractères est obligatoire.");
    public static readonly MessageTemplate SourceInvalid = new("source_invalid",
        "A link (http or https) or a citation of 10 to 2,000 characters on one line.",
        "Un lien (http ou https) ou une citation de 10 à 2 000 caractères sur une ligne.");
    public static readonly MessageTemplate SourceRequired = new("source_required",
        "A {0} is public: give its source (a link, or a citation of the Journal officiel, video, article…).",
        "Ce type de position ({0}) est public : donnez sa source (un lien, ou la référence du Journal officiel, d'une vidéo, d'un article…).");
    public static readonly MessageTemplate CitedTooMany = new("interaction_ids_too_many", "At most 50 interactions.", "Au plus 50 contacts.");
    public static readonly MessageTemplate CitedOtherOfficial = new("interaction_other_official",
        "Interaction {0} was with another official.", "Le contact {0} concernait un·e autre élu·e.");

    public static readonly MessageTemplate TaskKindInvalid = new("task_kind_invalid", "One of {0} is required.", "Une de ces valeurs est attendue : {0}.");
    public static readonly MessageTemplate DueDateInvalid = new("due_date_invalid",
        "A due date (yyyy-MM-dd) within two years is required.", "Une échéance (aaaa-mm-jj) dans les deux ans est obligatoire.");
    public static readonly MessageTemplate InstructionsTooLong = new("instructions_too_long",
        "Instructions have at most {0:N0} characters.", "Les consignes font au plus {0:N0} caractères.");
    public static readonly MessageTemplate TaskAssignForbidden = new("task_assign_forbidden",
        "Only a coordinator of the organisation (or an admin) assigns its tasks.",
        "Seul un coordinateur de l'organisation (ou un administrateur) lui attribue des tâches.");
    public static readonly MessageTemplate AssigneeInvalid = new("assignee_invalid",
        "The assignee must be an active volunteer or coordinator of the organisation.",
        "La tâche revient à un bénévole ou un coordinateur actif de l'organisation.");
    public static readonly MessageTemplate TasksForbiddenToObservers = new("tasks_forbidden",
        "Observers read coverage and shared data, not tasks.", "Les observateurs lisent la couverture et les données partagées, pas les tâches.");
    public static readonly MessageTemplate TaskAlreadyClosed = new("task_closed", "The task is already {0}.", "La tâche est déjà au statut {0}.");
    public static readonly MessageTemplate TaskInteractionMismatch = new("task_interaction_mismatch",
        "The interaction that completes a task is with its official, for its organisation.",
        "Le contact qui termine une tâche concerne son élu·e, pour son organisation.");
    public static readonly MessageTemplate TaskCancelForbidden = new("task_cancel_forbidden",
        "Only a coordinator of the organisation cancels its tasks.", "Seul un coordinateur de l'organisation annule ses tâches.");
    public static readonly MessageTemplate TaskClosedConcurrently = new("task_closed_concurrently",
        "The task was closed by someone else at the same time.", "La tâche a été fermée par quelqu'un d'autre au même moment.");
    public static readonly MessageTemplate AssigneeFilter = new("assignee_filter_invalid", "Use 'me' or a user id.", "Utilisez « me » ou un identifiant d'utilisateur.");
    public static readonly MessageTemplate TaskStateInvalid = new("task_state_invalid", "The state is one of {0}.", "L'état est l'un de : {0}.");

    public static readonly MessageTemplate TriageSummaryInvalid = new("triage_summary_invalid",
        "A summary of 1 to 4,000 characters is required (or dismiss: true).", "Un résumé de 1 à 4 000 caractères est obligatoire (ou dismiss: true).");
    public static readonly MessageTemplate AlreadyTriaged = new("answer_already_triaged",
        "This answer has already been triaged.", "Cette réponse a déjà été classée.");
}
