using CampaignDesk.Core.Data;
using CampaignDesk.Core.FollowUps;
using CampaignDesk.TestSupport;
using Microsoft.Extensions.Options;

namespace CampaignDesk.Core.Tests.FollowUps;

/// <summary>Planning follows <see cref="SendingWindow.RespectHolidays"/>: the planner asks the same window the dispatcher does.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public class FollowUpHolidayPlanningTests(DatabaseProvider provider)
{
    // Thursday 2 April 2026, 19:00 in Paris: Friday is Good Friday in Alsace-Moselle, Monday is Easter Monday.
    private static readonly DateTimeOffset ThursdayEvening = new(2026, 4, 2, 17, 0, 0, TimeSpan.Zero);

    private FollowUpWorld _world = null!;

    [SetUp]
    public async Task Create() => _world = await FollowUpWorld.CreateAsync(provider);

    [TearDown]
    public async Task Drop()
    {
        if (_world is not null)
        {
            await _world.DisposeAsync();
        }
    }

    [TestCase(true, 7, TestName = "Schedule_HolidaysRespected_StrasbourgWaitsForTuesday")]
    [TestCase(false, 3, TestName = "Schedule_HolidaysIgnored_StrasbourgGoesOnGoodFriday")]
    public async Task Schedule_BeforeEaster_FollowsRespectHolidays(bool respectHolidays, int day)
    {
        var service = new FollowUpService(_world.Db.Database, _world.Services.Audit, _world.Services.CampaignRules, new FollowUpOutbox(_world.Time),
            Options.Create(new SendingWindow { RespectHolidays = respectHolidays }), _world.Time);

        var maire = (await service.ScheduleAsync(FollowUpWorld.Admin, new FollowUpInput(_world.Maire, _world.Strasbourg, _world.Campaign, _world.Template,
            null, null, ThursdayEvening), default)).Value!;

        Assert.That(maire.DueUtc, Is.EqualTo(new DateTime(2026, 4, day, 7, 0, 0, DateTimeKind.Utc)));
        Assert.That(maire.WindowDate, Is.EqualTo($"2026-04-0{day}"));
    }
}
