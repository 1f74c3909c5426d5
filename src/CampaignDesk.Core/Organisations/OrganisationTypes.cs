namespace CampaignDesk.Core.Organisations;

/// <summary>
/// A structure stands somewhere and lobbies its élus; a federation (network, union, mutual, collective…)
/// groups structures and allies, and their data rolls up to it.
/// </summary>
public static class OrganisationTypes
{
    public const string Structure = "structure";
    public const string Federation = "federation";

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> KindsByType = new Dictionary<string, IReadOnlyList<string>>
    {
        [Structure] = ["msp", "centre_sante", "centre_sante_communautaire", "cpts", "association", "other"],
        [Federation] = ["federation", "network", "union", "mutual", "collective", "association", "other"],
    };
}
