namespace CampaignDesk.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
    SqlServer,
}
