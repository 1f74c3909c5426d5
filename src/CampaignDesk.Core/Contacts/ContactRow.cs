namespace CampaignDesk.Core.Contacts;

/// <summary>The columns both contact tables (<c>contact_points</c>, <c>commune_contacts</c>) share, as Dapper reads them.</summary>
internal abstract class ContactRow
{
    public string Kind { get; init; } = "";
    public string ContactUse { get; init; } = ContactUses.Office;
    public string Value { get; init; } = "";
    public string? Label { get; init; }
    public string? Street { get; init; }
    public string? PostalCode { get; init; }
    public string? City { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public string? SourceDate { get; init; }
    public DateTime? RetiredUtc { get; init; }
}
