using CampaignDesk.Core.Data;
using CampaignDesk.Core.FollowUps;
using CampaignDesk.TestSupport;
using Dapper;

namespace CampaignDesk.Core.Tests.FollowUps;

/// <summary>
/// Each overseas département closes the sending window on its own public holiday (the abolition of slavery, whose
/// date differs from one to the next) and only on its own: another département's day is an ordinary day there.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public class OverseasHolidayPlanningTests(DatabaseProvider provider)
{
    private FollowUpWorld? _world;

    [TearDown]
    public async Task Drop()
    {
        if (_world is not null)
        {
            await _world.DisposeAsync();
            _world = null;
        }
    }

    // département, its own holiday, the first open morning after it (Paris time), another DOM's holiday.
    [TestCase("971", "2026-05-27", "2026-05-28", "2026-06-10", TestName = "Schedule_Guadeloupe_SkipsTwentySeventhOfMay_NotGuyanesDay")]
    [TestCase("972", "2026-05-22", "2026-05-26", "2026-05-27", TestName = "Schedule_Martinique_SkipsTwentySecondOfMayAndWhitMonday_NotGuadeloupesDay")]
    [TestCase("973", "2026-06-10", "2026-06-11", "2026-05-22", TestName = "Schedule_Guyane_SkipsTenthOfJune_NotMartiniquesDay")]
    [TestCase("974", "2027-12-20", "2027-12-21", "2028-04-27", TestName = "Schedule_Reunion_SkipsTwentiethOfDecember_NotMayottesDay")]
    [TestCase("976", "2026-04-27", "2026-04-28", "2026-05-27", TestName = "Schedule_Mayotte_SkipsTwentySeventhOfApril_NotGuadeloupesDay")]
    public async Task Schedule_OverseasDepartment_ClosedOnItsOwnHolidayOnly(string department, string ownHoliday, string nextOpen, string otherHoliday)
    {
        var own = DateOnly.Parse(ownHoliday, System.Globalization.CultureInfo.InvariantCulture);
        var other = DateOnly.Parse(otherHoliday, System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(FrenchHolidays.IsHoliday(other, department), Is.False, "the other département's day must be an ordinary weekday here");
        _world = await FollowUpWorld.CreateAsync(provider, EveningBefore(own.AddMonths(-1)));
        // The days tested run past the campaign's deadline: it must still be running then.
        var extended = await _world.Services.Campaigns.UpdateAsync(FollowUpWorld.Admin, _world.Campaign,
            new CampaignDesk.Core.Campaigns.CampaignFields(null, null, new DateOnly(2030, 12, 31), null, null), default);
        Assert.That(extended.IsOk, Is.True);

        var onOwn = await ScheduleForOfficialOfAsync(department, EveningBefore(own));
        var onOther = await ScheduleForOfficialOfAsync(department, EveningBefore(other));

        Assert.Multiple(() =>
        {
            Assert.That(onOwn.WindowDate, Is.EqualTo(nextOpen), $"{FrenchHolidays.NameOf(own, department)} closes {department}");
            Assert.That(onOwn.DueUtc, Is.EqualTo(NineInParis(DateOnly.Parse(nextOpen, System.Globalization.CultureInfo.InvariantCulture))));
            Assert.That(onOther.WindowDate, Is.EqualTo(otherHoliday), $"{department} is open on another département's holiday");
            Assert.That(onOther.DueUtc, Is.EqualTo(NineInParis(other)));
        });
    }

    [Test]
    public void NameOf_AbolitionOfSlavery_IsNamedForEachDepartment() => Assert.Multiple(() =>
    {
        Assert.That(FrenchHolidays.NameOf(new DateOnly(2026, 5, 27), "971"), Does.Contain("esclavage"));
        Assert.That(FrenchHolidays.NameOf(new DateOnly(2026, 5, 22), "972"), Does.Contain("esclavage"));
        Assert.That(FrenchHolidays.NameOf(new DateOnly(2026, 6, 10), "973"), Does.Contain("esclavage"));
        Assert.That(FrenchHolidays.NameOf(new DateOnly(2026, 12, 20), "974"), Does.Contain("esclavage"));
        Assert.That(FrenchHolidays.NameOf(new DateOnly(2026, 4, 27), "976"), Does.Contain("esclavage"));
        Assert.That(FrenchHolidays.NameOf(new DateOnly(2026, 5, 27), "75"), Is.Null);
    });

    // 19:00 in Paris the evening before: the next opening is 09:00 that day unless it is closed.
    private static DateTimeOffset EveningBefore(DateOnly day) =>
        new DateTimeOffset(day.AddDays(-1).ToDateTime(new TimeOnly(19, 0)), Paris.GetUtcOffset(day.AddDays(-1).ToDateTime(new TimeOnly(19, 0)))).ToUniversalTime();

    private static DateTime NineInParis(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(9, 0)), Paris);

    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private async Task<FollowUp> ScheduleForOfficialOfAsync(string department, DateTimeOffset notBefore)
    {
        var world = _world!;
        // One official per follow-up: the pacing per official must not move the second one.
        var official = await world.Services.InsertOfficialAsync("HOARAU", $"Élu{notBefore.Ticks % 100000}");
        await using (var connection = await world.Db.Database.OpenAsync(default))
        {
            var now = world.Time.GetUtcNow().UtcDateTime;
            await connection.ExecuteAsync("""
                INSERT INTO mandates (official_id, role, seat_key, department_code, circonscription_code, commune_insee, start_date, source)
                VALUES (@official, 'depute', @seat, @department, @circonscription, NULL, '2024-07-08', 'rne')
                """, new { official, seat = $"depute:{department}-01:{official}", department, circonscription = $"{department}-01" });
            await connection.ExecuteAsync("""
                INSERT INTO contact_points (official_id, kind, value, source, first_seen_utc, last_seen_utc)
                VALUES (@official, 'email', @address, 'assemblee', @now, @now)
                """, new { official, address = $"depute{official}@assemblee-nationale.fr", now });
        }

        var outcome = await world.ScheduleAsync(official, world.Grenoble, notBefore);
        Assert.That(outcome.Value, Is.Not.Null, () => $"{outcome.Status} {outcome.Detail} " + string.Join("; ", outcome.Errors?.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}") ?? []));
        return outcome.Value!;
    }
}
