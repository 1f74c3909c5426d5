namespace CampaignDesk.Core.FollowUps;

/// <summary>The placeholders a follow-up template may use, as <c>{{name}}</c>; the one list editors and the renderer share.</summary>
public static class TemplatePlaceholders
{
    public const string Salutation = "salutation";
    public const string OfficialFirstName = "official.firstName";
    public const string OfficialLastName = "official.lastName";
    public const string OfficialFullName = "official.fullName";
    public const string Mandate = "mandate";
    public const string Circonscription = "circonscription";
    public const string Department = "department";
    public const string Commune = "commune";
    public const string OrganisationName = "organisation.name";
    public const string CampaignTitle = "campaign.title";
    public const string CampaignDeadline = "campaign.deadline";
    public const string SenderName = "sender.name";

    public static readonly IReadOnlyList<(string Name, string Description)> All =
    [
        (Salutation, "Formule d'appel selon le mandat et le sexe / salutation (« Madame la Députée »)"),
        (OfficialFirstName, "Prénom de l'élu·e / official's first name"),
        (OfficialLastName, "Nom de l'élu·e / official's last name"),
        (OfficialFullName, "Prénom et nom / first and last name (« Marie Dupont »)"),
        (Mandate, "Mandat en toutes lettres / mandate (« Députée de la 5e circonscription de l'Isère »)"),
        (Circonscription, "Circonscription / constituency (« 5e circonscription »)"),
        (Department, "Département / département (« Isère »)"),
        (Commune, "Commune du mandat / the mandate's commune (« Saint-Martin-d'Hères »)"),
        (OrganisationName, "Structure qui écrit / the writing organisation's name"),
        (CampaignTitle, "Titre de la campagne / campaign title"),
        (CampaignDeadline, "Échéance de la campagne / campaign deadline (« 30 avril 2026 »)"),
        (SenderName, "Nom de la personne qui signe / name of the person signing"),
    ];

    private static readonly HashSet<string> Names = All.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

    public static bool IsKnown(string name) => Names.Contains(name);

    /// <summary>The known name that differs from <paramref name="name"/> only by case, to suggest it.</summary>
    public static string? Like(string name) => Names.FirstOrDefault(known => string.Equals(known, name, StringComparison.OrdinalIgnoreCase));
}
