namespace CampaignDesk.Core.Organisations;

/// <summary>What a user sets on an organisation; <see cref="OrganisationValidator"/> checks and completes it.</summary>
public sealed record OrganisationFields(
    string? Type,
    string? Kind,
    string? Name,
    string? CommuneInsee = null,
    string? CommuneName = null,
    string? DepartmentCode = null,
    string? RegionCode = null,
    string? Mailbox = null,
    IReadOnlyList<long>? ParentIds = null,
    string? CirconscriptionCode = null);
