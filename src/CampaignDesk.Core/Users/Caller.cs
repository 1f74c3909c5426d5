namespace CampaignDesk.Core.Users;

/// <summary>
/// Who is acting: a user with a role and the organisations they act for, or the system itself (start-up, jobs,
/// the command line). Every rule about who may see or change what is a method here, so the API, the jobs and
/// the web pages apply the same ones.
/// </summary>
public sealed record Caller(long? UserId, string Name, string Role, IReadOnlySet<long> OrganisationIds)
{
    /// <summary>The install's bootstrap admin token: an admin with no user row.</summary>
    /// <summary>How people and mail name this caller: the user's display name (their login e-mail where they have none).</summary>
    public string DisplayName
    {
        get => string.IsNullOrWhiteSpace(field) ? Name : field;
        init;
    } = "";

    public static Caller BootstrapAdmin { get; } = new(null, "bootstrap-admin", UserRoles.Admin, new HashSet<long>());

    public static Caller System(string name) => new(null, name, UserRoles.Admin, new HashSet<long>());

    public bool IsAdmin => Role == UserRoles.Admin;

    /// <summary>Acts for this organisation (a coordinator or volunteer of it), or is an admin.</summary>
    public bool ActsFor(long organisationId) => IsAdmin || (Role != UserRoles.Observer && OrganisationIds.Contains(organisationId));

    /// <summary>May change this organisation's record, its tasks and its follow-ups.</summary>
    public bool Coordinates(long organisationId) => IsAdmin || (Role == UserRoles.Coordinator && OrganisationIds.Contains(organisationId));

    /// <summary>A coordinator of at least one organisation, or an admin.</summary>
    public bool CoordinatesAny => IsAdmin || (Role == UserRoles.Coordinator && OrganisationIds.Count > 0);

    /// <summary>A confidential note is seen by the members of its organisation and by admins; shared ones by everybody.</summary>
    public bool MaySee(long organisationId, bool confidential) => !confidential || ActsFor(organisationId);
}
