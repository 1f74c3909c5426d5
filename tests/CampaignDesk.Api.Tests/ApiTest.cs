namespace CampaignDesk.Api.Tests;

/// <summary>One API host per fixture, on its own database, and an admin client to talk to it.</summary>
public abstract class ApiTest
{
    protected CampaignDeskApiFactory Factory { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    /// <summary>Settings on top of the test defaults (see <see cref="CampaignDeskApiFactory"/>).</summary>
    protected virtual (string Key, string? Value)[] Settings => [];

    [OneTimeSetUp]
    public async Task StartApi()
    {
        Factory = await CampaignDeskApiFactory.CreateAsync(Settings);
        Client = Factory.CreateAdminClient();
    }

    [OneTimeTearDown]
    public async Task StopApi()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
    }
}
