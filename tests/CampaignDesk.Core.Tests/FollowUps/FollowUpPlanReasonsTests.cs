using CampaignDesk.Core.Data;
using CampaignDesk.TestSupport;

namespace CampaignDesk.Core.Tests.FollowUps;

/// <summary>The planner says why a follow-up leaves when it does: the window, the days without sending, holidays, pacing. On every engine.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public class FollowUpPlanReasonsTests(DatabaseProvider provider)
{
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

    [Test]
    public async Task ThursdayEveningBeforeEaster_InStrasbourg_SaysEachDayItWaits()
    {
        // Thursday 2 April 2026, 19:00 in Paris: after the window; Good Friday (Alsace-Moselle), the weekend, Easter Monday.
        var followUp = (await _world.ScheduleAsync(_world.Maire, _world.Strasbourg, new DateTimeOffset(2026, 4, 2, 17, 0, 0, TimeSpan.Zero))).Value!;

        Assert.That(followUp.Plan!.Select(r => r.Code), Is.EqualTo(new[] { "not_before", "window", "holiday", "closed_day", "closed_day", "holiday" }));
        Assert.Multiple(() =>
        {
            Assert.That(followUp.Plan![1].Text, Does.StartWith("Après la fermeture de la fenêtre d'envoi (lundi, mardi, mercredi, jeudi, vendredi, 09:00–18:00"));
            Assert.That(followUp.Plan![2].Text, Is.EqualTo("Vendredi 3 avril 2026 est férié (Vendredi saint) dans le département 67."));
            Assert.That(followUp.Plan![3].Text, Does.StartWith("Pas d'envoi le samedi 4 avril 2026"));
            Assert.That(followUp.Plan![5].Text, Does.StartWith("Lundi 6 avril 2026 est férié (Lundi de Pâques)"));
        });
    }

    [Test]
    public async Task InsideTheWindow_LeavesNow()
    {
        var followUp = (await _world.ScheduleAsync(_world.Deputee, _world.Grenoble)).Value!;

        Assert.That(followUp.Plan!.Select(r => r.Code), Is.EqualTo(new[] { "now" }));
    }

    [Test]
    public async Task ASecondForTheSameOfficial_SaysItWaitsItsTurn()
    {
        await _world.ScheduleAsync(_world.Deputee, _world.Grenoble);
        var second = (await _world.ScheduleAsync(_world.Deputee, _world.Strasbourg)).Value!;

        Assert.That(second.Plan!.Select(r => r.Code), Is.EqualTo(new[] { "pacing" }));
        Assert.That(second.Plan![0].Text, Does.Contain("mardi 31 mars 2026").And.Contain("une seule par jour et par élu·e"));
    }
}
