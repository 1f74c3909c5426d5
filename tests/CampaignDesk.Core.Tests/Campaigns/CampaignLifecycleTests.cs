using CampaignDesk.Core.Campaigns;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Tests.FollowUps;
using CampaignDesk.TestSupport;

namespace CampaignDesk.Core.Tests.Campaigns;

/// <summary>A campaign's life (draft, active, ended, archived): past its deadline it has ended, and nothing more is sent for it. On every engine.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public class CampaignLifecycleTests(DatabaseProvider provider)
{
    private FollowUpWorld _world = null!;

    [SetUp]
    public async Task Create() => _world = await FollowUpWorld.CreateAsync(provider); // Tuesday 31 March 2026; deadline 30 April

    [TearDown]
    public async Task Drop()
    {
        if (_world is not null)
        {
            await _world.DisposeAsync();
        }
    }

    [Test]
    public async Task PastItsDeadline_AnActiveCampaignHasEnded_LeavesTheRunningList_AndRefusesFollowUps()
    {
        Assert.That((await CampaignAsync()).Status, Is.EqualTo("active"));
        Assert.That((await _world.ScheduleAsync(_world.Deputee, _world.Grenoble)).IsOk, Is.True, "before its deadline");

        _world.Time.Advance(TimeSpan.FromDays(31)); // 1 May 2026, 10:00 in Paris

        Assert.That((await CampaignAsync()).Status, Is.EqualTo("ended"));
        Assert.That(await IdsAsync("active"), Does.Not.Contain(_world.Campaign));
        Assert.That(await IdsAsync("ended"), Does.Contain(_world.Campaign));
        var refused = await _world.ScheduleAsync(_world.Maire, _world.Strasbourg);
        Assert.That(refused.Status, Is.EqualTo(OutcomeStatus.Invalid));
        Assert.That(refused.Errors!["campaignId"].Single().ToString(), Does.Contain("ended on its deadline, 2026-04-30"));
    }

    [Test]
    public async Task AnEndedCampaignWhoseDeadlineMovesLater_RunsAgain_WhileAChangeOfTitleKeepsItEnded()
    {
        _world.Time.Advance(TimeSpan.FromDays(31));
        var retitled = await UpdateAsync(new CampaignFields("SEC-Pa, bilan", null, null, null, null));
        Assert.That(retitled.Status, Is.EqualTo("ended"));

        var extended = await UpdateAsync(new CampaignFields(null, null, new DateOnly(2026, 12, 31), null, null));
        Assert.That(extended.Status, Is.EqualTo("active"));
        Assert.That((await _world.ScheduleAsync(_world.Deputee, _world.Grenoble)).IsOk, Is.True);
    }

    [TestCase("draft", "is a draft")]
    [TestCase("archived", "is archived")]
    [TestCase("closed", "is ended")]
    public async Task ACampaignNotRunning_RefusesFollowUps_WithTheReason(string status, string reason)
    {
        var updated = await UpdateAsync(new CampaignFields(null, null, null, status, null));
        Assert.That(updated.Status, Is.EqualTo(status == "closed" ? "ended" : status), "closed is the earlier name of ended");

        var refused = await _world.ScheduleAsync(_world.Deputee, _world.Grenoble);
        Assert.That(refused.Errors?["campaignId"].Single().ToString(), Does.Contain(reason));
    }

    private async Task<Campaign> CampaignAsync() => (await _world.Services.Campaigns.GetAsync(_world.Campaign, default))!;

    private async Task<IEnumerable<long>> IdsAsync(string status) =>
        (await _world.Services.Campaigns.SearchAsync(status, new PageRequest(1, 50), default)).Items.Select(c => c.Id);

    private async Task<Campaign> UpdateAsync(CampaignFields change)
    {
        var updated = await _world.Services.Campaigns.UpdateAsync(FollowUpWorld.Admin, _world.Campaign, change, default);
        Assert.That(updated.IsOk, Is.True, string.Join(", ", updated.Errors?.Keys ?? []));
        return updated.Value!;
    }
}
