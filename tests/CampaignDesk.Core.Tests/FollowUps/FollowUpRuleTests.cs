using CampaignDesk.Core.Campaigns;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Interactions;
using CampaignDesk.TestSupport;

namespace CampaignDesk.Core.Tests.FollowUps;

/// <summary>The campaign's automatic follow-up after N working days without an answer. On every engine.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public class FollowUpRuleTests(DatabaseProvider provider)
{
    private FollowUpWorld _world = null!;

    [SetUp]
    public async Task Create()
    {
        // Wednesday 1 April 2026, 10:00 in Paris.
        _world = await FollowUpWorld.CreateAsync(provider, new DateTimeOffset(2026, 4, 1, 8, 0, 0, TimeSpan.Zero));
    }

    [TearDown]
    public async Task Drop()
    {
        if (_world is not null)
        {
            await _world.DisposeAsync();
        }
    }

    [Test]
    public async Task AnUnansweredContact_GetsOneFollowUp_AfterThreeWorkingDays_EasterMondayNotCounted()
    {
        await TurnOnAsync(3);
        await LogAsync(_world.Deputee, "outbound", "sent");
        var rules = _world.Services.Rules();

        _world.Time.Advance(TimeSpan.FromDays(5)); // Monday 6 April, Easter Monday: Thursday, Friday… only two working days.
        Assert.That(await rules.RunAsync(default), Is.Zero);

        _world.Time.Advance(TimeSpan.FromDays(1)); // Tuesday 7 April: the third.
        Assert.That(await rules.RunAsync(default), Is.EqualTo(1));
        Assert.That(await rules.RunAsync(default), Is.Zero, "once per contact");

        Assert.That(await _world.CountAsync("source = 'rule' AND state = 'scheduled' AND template_id IS NOT NULL"), Is.EqualTo(1));
    }

    [Test]
    public async Task AContactThatWasAnswered_OrACampaignWithoutTheRule_GetsNone()
    {
        await LogAsync(_world.Maire, "outbound", "sent");
        _world.Time.Advance(TimeSpan.FromDays(10));
        Assert.That(await _world.Services.Rules().RunAsync(default), Is.Zero, "the rule is off by default");

        await TurnOnAsync(3);
        await LogAsync(_world.Deputee, "outbound", "sent", daysAgo: 9);
        await LogAsync(_world.Deputee, "inbound", "replied", daysAgo: 2);

        Assert.That(await _world.Services.Rules().RunAsync(default), Is.EqualTo(1), "the maire only: the députée answered");
        Assert.That(await _world.CountAsync($"official_id = {_world.Deputee}"), Is.Zero);
    }

    [Test]
    public async Task AMaireReachedOnlyAtHerMairie_GetsHerFollowUpThere()
    {
        await TurnOnAsync(3);
        await _world.OnlyTheMairieHasAnAddressAsync();
        await LogAsync(_world.Maire, "outbound", "sent", daysAgo: 9);

        Assert.That(await _world.Services.Rules().RunAsync(default), Is.EqualTo(1));
        Assert.That(await _world.CountAsync($"official_id = {_world.Maire} AND to_address = '{FollowUpWorld.MairieAddress}'"), Is.EqualTo(1));
    }

    [Test]
    public async Task TheContactARulesFollowUpMadeWhenItLeft_IsNotFollowedUpInTurn()
    {
        await TurnOnAsync(3);
        await LogAsync(_world.Deputee, "outbound", "sent");
        var rules = _world.Services.Rules();
        _world.Time.Advance(TimeSpan.FromDays(6)); // Tuesday 7 April, 10:00 in Paris: three working days later
        Assert.That(await rules.RunAsync(default), Is.EqualTo(1));
        Assert.That(await _world.Services.Dispatcher(new RecordingTransport()).DrainAsync(default), Is.EqualTo(1));
        Assert.That(await InteractionsAsync(), Is.EqualTo(2), "the follow-up that left is a contact");

        _world.Time.Advance(TimeSpan.FromDays(14));
        Assert.That(await rules.RunAsync(default), Is.Zero, "one automatic reminder, not a chain");
        Assert.That(await _world.CountAsync("source = 'rule'"), Is.EqualTo(1));
    }

    private async Task<long> InteractionsAsync()
    {
        await using var connection = await _world.Db.Database.OpenAsync(default);
        return await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "SELECT COUNT(*) FROM interactions WHERE official_id = @Deputee",
            new { _world.Deputee });
    }

    private async Task TurnOnAsync(int days)
    {
        var updated = await _world.Services.Campaigns.UpdateAsync(FollowUpWorld.Admin, _world.Campaign,
            new CampaignFields(null, null, null, null, null, null, new FollowUpRule(days, _world.Template)), default);
        Assert.That(updated.IsOk, Is.True, string.Join(", ", updated.Errors?.Keys ?? []));
        Assert.That(updated.Value!.FollowUpRule, Is.EqualTo(new FollowUpRule(days, _world.Template)));
    }

    private async Task LogAsync(long official, string direction, string outcome, int daysAgo = 0)
    {
        var organisation = official == _world.Deputee ? _world.Grenoble : _world.Strasbourg;
        var logged = await _world.Services.Interactions.LogAsync(FollowUpWorld.Admin, new InteractionInput(organisation, official, _world.Campaign, "email",
            direction, _world.Time.GetUtcNow().AddDays(-daysAgo), outcome, null, false), default);
        Assert.That(logged.IsOk, Is.True);
    }
}
