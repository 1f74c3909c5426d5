namespace CampaignDesk.Api.Auth;

public static class Roles
{
    public const string Admin = "admin";
}
