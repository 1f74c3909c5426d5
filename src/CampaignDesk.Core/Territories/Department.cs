namespace CampaignDesk.Core.Territories;

/// <summary>A département; <paramref name="Tncc"/> is INSEE's type of name, which gives its article (« de l'Isère », « du Nord »).</summary>
public sealed record Department(string Code, string? RegionCode, string Name, int? Tncc = null);
