namespace CampaignDesk.Core.Officials;

/// <summary>The mandates CampaignDesk knows, as the API and the database spell them.</summary>
public static class Roles
{
    public const string Depute = "depute";
    public const string Senateur = "senateur";
    public const string Maire = "maire";
    public const string ConseillerDepartemental = "conseiller_departemental";
    public const string ConseillerRegional = "conseiller_regional";
    public const string ConseillerMunicipal = "conseiller_municipal";
    public const string ConseillerArrondissement = "conseiller_arrondissement";
    public const string DeputeEuropeen = "depute_europeen";

    public static readonly IReadOnlyList<string> All =
        [Depute, Senateur, Maire, ConseillerDepartemental, ConseillerRegional, ConseillerMunicipal, ConseillerArrondissement, DeputeEuropeen];

    /// <summary>Roles with one holder per seat: a second holder in one release is a stale duplicate.</summary>
    public static bool IsSingleSeat(string role) => role is Depute or Maire;
}
