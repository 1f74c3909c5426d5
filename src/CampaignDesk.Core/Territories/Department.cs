namespace CampaignDesk.Core.Territories;

public sealed record Department(string Code, string? RegionCode, string Name);
