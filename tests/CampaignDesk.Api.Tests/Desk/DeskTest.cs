using CampaignDesk.Api.Tests.Access;
using CampaignDesk.Core.Data;

namespace CampaignDesk.Api.Tests.Desk;

/// <summary>An <see cref="AccessWorld"/> with a <see cref="DeskWorld"/> on it, once per fixture, on the engine the fixture is for.</summary>
public abstract class DeskTest(DatabaseProvider provider) : WorldTest
{
    protected DeskWorld Desk { get; private set; } = null!;

    protected override DatabaseProvider Provider => provider;

    [OneTimeSetUp]
    public async Task BuildDesk() => Desk = await DeskWorld.CreateAsync(World, Factory);

    protected HttpClient As(Person person) => World.ClientFor(person.Token);
}
