namespace CampaignDesk.Core.Organisations;

public sealed record Organisation(
    long Id,
    string Type,
    string Kind,
    string Name,
    string? CommuneInsee,
    string? CommuneName,
    string? DepartmentCode,
    string? RegionCode,
    string? Mailbox,
    string? CirconscriptionCode,
    IReadOnlyList<long> ParentIds,
    int Version,
    DateTime CreatedUtc,
    DateTime UpdatedUtc) : Common.IVersioned
{
    public OrganisationFields ToFields() =>
        new(Type, Kind, Name, CommuneInsee, CommuneName, DepartmentCode, RegionCode, Mailbox, ParentIds, CirconscriptionCode);
}
