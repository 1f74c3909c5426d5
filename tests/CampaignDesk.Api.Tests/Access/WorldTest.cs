namespace CampaignDesk.Api.Tests.Access;

/// <summary>One API host per fixture with an <see cref="AccessWorld"/> built in it: organisations, people, tokens, records.</summary>
public abstract class WorldTest
{
    protected CampaignDeskApiFactory Factory { get; private set; } = null!;

    protected AccessWorld World { get; private set; } = null!;

    /// <summary>Settings on top of the test defaults (see <see cref="CampaignDeskApiFactory"/>).</summary>
    protected virtual (string Key, string? Value)[] Settings => [];

    /// <summary>The engine the fixture's API runs on (SQLite unless a fixture runs over every provider).</summary>
    protected virtual CampaignDesk.Core.Data.DatabaseProvider Provider => CampaignDesk.Core.Data.DatabaseProvider.Sqlite;

    [OneTimeSetUp]
    public async Task BuildWorld()
    {
        Factory = await CampaignDeskApiFactory.CreateAsync(Provider, Settings);
        World = await AccessWorld.CreateAsync(Factory);
    }

    [OneTimeTearDown]
    public async Task StopApi()
    {
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }
    }
}
