namespace CampaignDesk.Api.Auth;

/// <summary>Authorization policies for the endpoints whose rule is a role alone; finer rules live in the services.</summary>
public static class Policies
{
    public const string Admin = "admin";
}
