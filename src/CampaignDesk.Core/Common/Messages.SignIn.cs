namespace CampaignDesk.Core.Common;

/// <summary>Signing in by e-mail: invitations, sign-in links, browser sessions and their anti-CSRF token.</summary>
public static partial class Messages
{
    public static readonly MessageTemplate InvitationsForbidden = new("invitation_forbidden",
        "Only admins and coordinators invite people.", "Seules l'administration et la coordination invitent des personnes.");
    public static readonly MessageTemplate InvitationsListForbidden = new("invitations_list_forbidden",
        "Only admins and coordinators see invitations.", "Seules l'administration et la coordination voient les invitations.");
    public static readonly MessageTemplate InvitationRevokeForbidden = new("invitation_revoke_forbidden",
        "Only the person, an admin or a coordinator of their organisation cancels their invitation.",
        "Seules la personne, l'administration ou la coordination de sa structure annulent son invitation.");
    public static readonly MessageTemplate InvitationNotFound = new("invitation_not_found",
        "No pending invitation has id {0}.", "Aucune invitation en attente n'a l'identifiant {0}.");
    public static readonly MessageTemplate InvitationAccountDiffers = new("invitation_account_differs",
        "This person already has an account, with another role or other organisations: change them first (PATCH /api/users/{0}), then invite them.",
        "Cette personne a déjà un compte, avec un autre rôle ou d'autres structures : changez-les d'abord (PATCH /api/users/{0}), puis invitez-la.");
    public static readonly MessageTemplate InvitationIssueForbidden = new("invitation_issue_forbidden",
        "The link signs in as the person: a coordinator invites only volunteers of organisations they all coordinate.",
        "Le lien connecte en tant que la personne : la coordination n'invite que les bénévoles de structures qu'elle coordonne toutes.");
    public static readonly MessageTemplate InvitationUserDisabled = new("invitation_user_disabled",
        "This account is disabled: enable it first (PATCH /api/users/{0} with \"disabled\": false).",
        "Ce compte est désactivé : réactivez-le d'abord (PATCH /api/users/{0} avec \"disabled\": false).");
    public static readonly MessageTemplate SessionsEndForbidden = new("sessions_end_forbidden",
        "Only the person, an admin or a coordinator of their organisation signs them out.",
        "Seules la personne, l'administration ou la coordination de sa structure la déconnectent.");

    public static readonly MessageTemplate SessionNotFound = new("session_not_found",
        "None of your sessions has id {0}.", "Aucune de vos sessions n'a l'identifiant {0}.");

    public static readonly MessageTemplate SignInLinkUsed = new("sign_in_link_used",
        "This link has already been used: it works only once. Ask for a new one.",
        "Ce lien a déjà servi : il ne fonctionne qu'une fois. Demandez-en un nouveau.");
    public static readonly MessageTemplate SignInLinkExpired = new("sign_in_link_expired",
        "This link expired on {0} at {1:HH:mm} (Paris time). Ask for a new one.",
        "Ce lien a expiré le {0} à {1:HH' h 'mm} (heure de Paris). Demandez-en un nouveau.");
    public static readonly MessageTemplate SignInLinkRevoked = new("sign_in_link_revoked",
        "This link was cancelled (a newer invitation replaced it, or it was cancelled). Ask for a new one.",
        "Ce lien a été annulé (une invitation plus récente, ou annulée). Demandez-en un nouveau.");
    public static readonly MessageTemplate SignInAccountDisabled = new("sign_in_account_disabled",
        "This account is disabled: see the coordinators of your organisation.", "Ce compte est désactivé : voyez avec la coordination de votre structure.");
    public static readonly MessageTemplate SignInLinkInvalid = new("sign_in_link_invalid",
        "This sign-in link is not valid: check that it is complete, or ask for a new one.",
        "Ce lien de connexion n'est pas valable : vérifiez qu'il est complet, ou demandez-en un nouveau.");

    public static readonly MessageTemplate SignInEmailRequired = new("sign_in_email_required",
        "Enter your e-mail address, such as prenom.nom@example.org.", "Saisissez votre adresse e-mail, comme prenom.nom@example.org.");
    public static readonly MessageTemplate SignInLinksThrottledTitle = new("sign_in_links_throttled",
        "Too many link requests", "Trop de demandes de lien");
    public static readonly MessageTemplate SignInLinksThrottled = new("sign_in_links_too_many",
        "Too many links asked for this address or from this device: try again in {0} minute{1}.",
        "Trop de liens demandés pour cette adresse ou depuis cet appareil : réessayez dans {0} minute{1}.");

    public static readonly MessageTemplate CsrfRefused = new("csrf_refused", "Request refused (CSRF)", "Requête refusée (CSRF)");
    public static readonly MessageTemplate CsrfCrossSite = new("csrf_cross_site",
        "This request comes from another site: CampaignDesk accepts it only from its own pages.",
        "Cette requête vient d'un autre site : CampaignDesk ne l'accepte que de ses propres pages.");
    public static readonly MessageTemplate CsrfTokenMissing = new("csrf_token_missing",
        "A write made with the browser's session must carry its anti-CSRF token (header {0}): reload the page and try again.",
        "Une écriture faite avec la session du navigateur doit porter son jeton anti-CSRF (en-tête {0}) : rechargez la page et recommencez.");
}
