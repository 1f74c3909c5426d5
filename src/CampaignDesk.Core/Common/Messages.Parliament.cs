namespace CampaignDesk.Core.Common;

public static partial class Messages
{
    // Parliament watch: watches, recommended votes, proposed positions.
    public static readonly MessageTemplate WatchNameInvalid = new("watch_name_invalid",
        "A name of 1 to 200 characters.", "Un nom de 1 à 200 caractères.");
    public static readonly MessageTemplate WatchKeywordsInvalid = new("watch_keywords_invalid",
        "One to 50 keywords or phrases, each of 2 to 200 characters.", "De 1 à 50 mots-clés ou expressions, chacun de 2 à 200 caractères.");
    public static readonly MessageTemplate WatchListInvalid = new("watch_list_invalid",
        "At most 50 entries, each of 2 to 200 characters.", "Au plus 50 entrées, chacune de 2 à 200 caractères.");
    public static readonly MessageTemplate WatchForbidden = new("watch_forbidden",
        "Only a coordinator of an organisation taking part in the campaign, or an admin, changes its watches and recommended votes.",
        "Seul·e un·e coordinateur·rice d'une organisation participant à la campagne, ou un·e admin, modifie sa veille et ses votes recommandés.");
    public static readonly MessageTemplate WatchChangedConcurrently = new("watch_changed_concurrently",
        "Someone changed this watch meanwhile: reload it.", "Quelqu'un a modifié cette veille entre-temps : rechargez-la.");
    public static readonly MessageTemplate NoVote = new("vote_unknown",
        "No public vote {0} has been imported.", "Aucun scrutin {0} n'a été importé.");
    public static readonly MessageTemplate ProposalAlreadyDecided = new("proposal_already_decided",
        "Someone already accepted or dismissed this proposal.", "Quelqu'un a déjà accepté ou écarté cette proposition.");
    public static readonly MessageTemplate ProposalForbidden = new("proposal_forbidden",
        "Only a coordinator of an organisation taking part in the campaign, or an admin, accepts or dismisses a proposal.",
        "Seul·e un·e coordinateur·rice d'une organisation participant à la campagne, ou un·e admin, accepte ou écarte une proposition.");
    public static readonly MessageTemplate ProposalStanceRequired = new("proposal_stance_required",
        "Say the stance this position takes (supports, neutral, opposes, unknown), or dismiss it.",
        "Indiquez la position exprimée (supports, neutral, opposes, unknown), ou écartez la proposition.");
}
