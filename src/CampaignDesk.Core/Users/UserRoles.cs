namespace CampaignDesk.Core.Users;

/// <summary>What a user may do: the coalition's lead, a structure's coordinator, a volunteer, or a read-only observer.</summary>
public static class UserRoles
{
    public const string Admin = "admin";
    public const string Coordinator = "coordinator";
    public const string Volunteer = "volunteer";
    public const string Observer = "observer";

    public static readonly IReadOnlyList<string> All = [Admin, Coordinator, Volunteer, Observer];
}
