namespace CampaignDesk.Core.Users;

public sealed record User(
    long Id,
    string Email,
    string DisplayName,
    string Role,
    string? EntraObjectId,
    IReadOnlyList<long> OrganisationIds,
    bool Disabled,
    int Version,
    DateTime CreatedUtc,
    DateTime UpdatedUtc,
    string? DisabledBy = null) : Common.IVersioned;

/// <summary>The fields of a user that can be set: on creation all of them, on change those given.</summary>
public sealed record UserFields(string? Email, string? DisplayName, string? Role, IReadOnlyList<long>? OrganisationIds,
    string? EntraObjectId = null, bool? Disabled = null);

public sealed record UserQuery(string? Text, string? Role, long? OrganisationId, Common.PageRequest Paging);
