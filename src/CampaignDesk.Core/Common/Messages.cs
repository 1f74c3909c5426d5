namespace CampaignDesk.Core.Common;

/// <summary>
/// The catalog of what the application tells people when it refuses something: each message once, with its stable code
/// (what clients key on) and its English and French text. Split by area over the <c>Messages.*.cs</c> files; a test
/// checks that codes are unique and that both texts take the same arguments. Add a message here, never a bare string.
/// </summary>
public static partial class Messages
{
    // Shared by every feature.
    public static readonly MessageTemplate Required = new("required", "Required.", "Obligatoire.");
    public static readonly MessageTemplate OneOf = new("one_of", "One of {0} is required.", "Une de ces valeurs est attendue : {0}.");
    public static readonly MessageTemplate PageOutOfRange = new("page_out_of_range",
        "The page number is between 1 and {0}.", "Le numéro de page est compris entre 1 et {0}.");
    public static readonly MessageTemplate PageSizeOutOfRange = new("page_size_out_of_range",
        "The page size must be between 1 and {0}.", "La taille de page est comprise entre 1 et {0}.");
    public static readonly MessageTemplate TooLong = new("text_too_long", "At most {0} characters.", "Au plus {0} caractères.");
    public static readonly MessageTemplate ExportFormat = new("export_format_invalid",
        "Use export.csv or export.xlsx.", "Utilisez export.csv ou export.xlsx.");

    // A reference to a row that does not exist (a field of the request naming an id).
    public static readonly MessageTemplate NoOfficial = new("official_unknown", "There is no official {0}.", "Aucun·e élu·e n'a l'identifiant {0}.");
    public static readonly MessageTemplate NoCampaign = new("campaign_unknown", "There is no campaign {0}.", "Aucune campagne n'a l'identifiant {0}.");
    public static readonly MessageTemplate NoOrganisation = new("organisation_unknown",
        "There is no organisation {0}.", "Aucune organisation n'a l'identifiant {0}.");
    public static readonly MessageTemplate NoInteraction = new("interaction_unknown",
        "There is no interaction {0}.", "Aucune interaction n'a l'identifiant {0}.");
    public static readonly MessageTemplate NoTemplate = new("template_unknown", "No template {0}.", "Aucun modèle n'a l'identifiant {0}.");
    public static readonly MessageTemplate NoUser = new("user_unknown", "There is no user {0}.", "Aucun utilisateur n'a l'identifiant {0}.");
    public static readonly MessageTemplate NoRow = new("reference_unknown", "There is no {0} {1}.", "Aucun·e {0} n'a l'identifiant {1}.");

    /// <summary>The message for a missing row of <paramref name="table"/>, as <see cref="Data.Database"/> checks references.</summary>
    public static Message NoRowOf(string table, long id) => table switch
    {
        "officials" => NoOfficial.With(id),
        "campaigns" => NoCampaign.With(id),
        "organisations" => NoOrganisation.With(id),
        "interactions" => NoInteraction.With(id),
        "templates" => NoTemplate.With(id),
        "users" => NoUser.With(id),
        _ => NoRow.With(table.TrimEnd('s'), id),
    };
}
