using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.FollowUps;
using CampaignDesk.Core.Interactions;
using CampaignDesk.Core.Positions;
using CampaignDesk.TestSupport;

namespace CampaignDesk.Core.Tests.FollowUps;

/// <summary>Scheduling: rendering, sending windows and holidays, pacing per official, cancellation by an answer. On every engine.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public class FollowUpServiceTests(DatabaseProvider provider)
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
    public async Task Schedule_RendersTheTemplateInFrench_AndPlansItNow_InsideTheWindow()
    {
        var outcome = await _world.ScheduleAsync(_world.Deputee, _world.Grenoble);

        Assert.That(outcome.IsOk, Is.True, string.Join(", ", outcome.Errors?.SelectMany(e => e.Value) ?? []));
        var followUp = outcome.Value!;
        Assert.That(followUp.Body, Does.StartWith("Madame la Députée,"));
        Assert.That(followUp.Body, Does.Contain("Députée de la 5e circonscription de l'Isère, avant le 30 avril 2026"));
        Assert.That(followUp.Subject, Is.EqualTo("SEC-Pa : notre demande"));
        Assert.That((followUp.FromMailbox, followUp.ToAddress), Is.EqualTo(("pole-sante@example.org", "cyrielle.chatelain@assemblee-nationale.fr")));
        Assert.That(followUp.DueUtc, Is.EqualTo(FollowUpWorld.TuesdayMorning.UtcDateTime));
        Assert.That((followUp.State, followUp.WindowDate), Is.EqualTo(("scheduled", "2026-03-31")));
    }

    [Test]
    public async Task Schedule_ToAMaireWithoutAnAddress_LeavesForHerMairie_ToHerAttention()
    {
        await _world.OnlyTheMairieHasAnAddressAsync();

        var followUp = (await _world.ScheduleAsync(_world.Maire, _world.Strasbourg)).Value!;

        Assert.That((followUp.ToAddress, followUp.ToName), Is.EqualTo((FollowUpWorld.MairieAddress, "Mairie de Strasbourg")));
        Assert.That(followUp.Body, Does.StartWith("À l'attention de Madame la Maire\n\nMadame la Maire,\n\nNous revenons vers vous, Maire de Strasbourg,"));
    }

    [Test]
    public async Task Schedule_ToAMaireWhoseMairieAddressBounces_IsRefusedWithTheReason()
    {
        await _world.OnlyTheMairieHasAnAddressAsync();
        await using (var connection = await _world.Db.Database.OpenAsync(default))
        {
            await Dapper.SqlMapper.ExecuteAsync(connection, "UPDATE commune_contacts SET bouncing_since_utc = last_seen_utc");
        }

        var outcome = await _world.ScheduleAsync(_world.Maire, _world.Strasbourg);

        Assert.That(outcome.Errors?["officialId"].Select(m => m.Code), Has.Some.EqualTo(Messages.OfficialNoEmail.Code));
    }

    [Test]
    public async Task Schedule_AfterHoursBeforeEaster_WaitsForTuesday_AndGoodFridayClosesOnlyInAlsaceMoselle()
    {
        // Thursday 2 April 2026, 19:00 in Paris: Friday is Good Friday (a holiday in 57, 67, 68), Monday is Easter Monday.
        var thursdayEvening = new DateTimeOffset(2026, 4, 2, 17, 0, 0, TimeSpan.Zero);

        var deputee = (await _world.ScheduleAsync(_world.Deputee, _world.Grenoble, thursdayEvening)).Value!;
        var maire = (await _world.ScheduleAsync(_world.Maire, _world.Strasbourg, thursdayEvening)).Value!;

        Assert.That(deputee.DueUtc, Is.EqualTo(new DateTime(2026, 4, 3, 7, 0, 0, DateTimeKind.Utc)), "Isère works on Good Friday, from 9:00");
        Assert.That(maire.DueUtc, Is.EqualTo(new DateTime(2026, 4, 7, 7, 0, 0, DateTimeKind.Utc)), "Strasbourg: Good Friday, weekend, Easter Monday");
    }

    [Test]
    public async Task Schedule_TwiceForOneOfficial_ByTwoOrganisations_TakesTheNextWindow()
    {
        var first = (await _world.ScheduleAsync(_world.Deputee, _world.Grenoble)).Value!;
        var second = (await _world.ScheduleAsync(_world.Deputee, _world.Strasbourg)).Value!;

        Assert.That(first.WindowDate, Is.EqualTo("2026-03-31"));
        Assert.That(second.WindowDate, Is.EqualTo("2026-04-01"), "one message per official per window across the coalition");
        Assert.That(second.DueUtc, Is.EqualTo(new DateTime(2026, 4, 1, 7, 0, 0, DateTimeKind.Utc)));
    }

    [Test]
    public async Task Schedule_WithAPlaceholderWithoutValue_IsRefused_AndWritesNothing()
    {
        // A députée has no commune: {{commune}} has no value for her.
        var outcome = await _world.Services.FollowUps.ScheduleAsync(FollowUpWorld.Admin, new FollowUpInput(_world.Deputee, _world.Grenoble, _world.Campaign,
            null, "Objet", "Bonjour de {{commune}}", null), default);

        Assert.That(outcome.Status, Is.EqualTo(OutcomeStatus.Invalid));
        Assert.That(outcome.Errors!["body"].Single().ToString(), Does.Contain("{{commune}}"));
        Assert.That(await _world.CountAsync(), Is.Zero);
    }

    [Test]
    public async Task Schedule_ForAnOrganisationOutsideTheCampaign_OrWithoutMailbox_IsRefused()
    {
        var outsider = (await _world.Services.Organisations.InsertAsync(new CampaignDesk.Core.Organisations.OrganisationFields("structure", "msp", "Hors campagne", "75056", "Paris",
            "75", "11"), default))!.Value;

        var outcome = await _world.ScheduleAsync(_world.Deputee, outsider);

        Assert.That(outcome.Errors!.Keys, Is.EquivalentTo(new[] { "campaignId" }));
        Assert.That(await _world.CountAsync(), Is.Zero);
    }

    [TestCase("inbound", "spoke")]
    [TestCase("outbound", "replied")]
    public async Task AnAnswer_CancelsTheScheduledFollowUps_ToThatOfficial_OnThatCampaign(string direction, string outcome)
    {
        var toDeputee = (await _world.ScheduleAsync(_world.Deputee, _world.Grenoble)).Value!;
        var toMaire = (await _world.ScheduleAsync(_world.Maire, _world.Strasbourg)).Value!;

        var logged = await _world.Services.Interactions.LogAsync(FollowUpWorld.Admin, new InteractionInput(_world.Grenoble, _world.Deputee, _world.Campaign,
            "email", direction, _world.Time.GetUtcNow(), outcome, null, false), default);

        Assert.That(logged.IsOk, Is.True);
        Assert.That((await _world.GetAsync(toDeputee.Id)).State, Is.EqualTo("cancelled"));
        Assert.That((await _world.GetAsync(toDeputee.Id)).CancelReason, Is.EqualTo("reply"));
        Assert.That((await _world.GetAsync(toMaire.Id)).State, Is.EqualTo("scheduled"), "another official's follow-up stays");
    }

    [Test]
    public async Task APosition_CancelsTheScheduledFollowUps_ButAnOutboundContactDoesNot()
    {
        var followUp = (await _world.ScheduleAsync(_world.Deputee, _world.Grenoble)).Value!;
        await _world.Services.Interactions.LogAsync(FollowUpWorld.Admin, new InteractionInput(_world.Grenoble, _world.Deputee, _world.Campaign, "phone",
            "outbound", _world.Time.GetUtcNow(), "left_message", null, false), default);
        Assert.That((await _world.GetAsync(followUp.Id)).State, Is.EqualTo("scheduled"));

        var recorded = await _world.Services.Positions.RecordAsync(FollowUpWorld.Admin, new PositionInput(_world.Deputee, _world.Campaign, "reply",
            new DateOnly(2026, 3, 30), "supports", "Elle soutient.", null, _world.Grenoble, null), default);

        Assert.That(recorded.IsOk, Is.True);
        Assert.That((await _world.GetAsync(followUp.Id)).State, Is.EqualTo("cancelled"));
    }

    [Test]
    public async Task Cancel_AScheduledOne_Works_AndASentOne_IsAConflict()
    {
        var followUp = (await _world.ScheduleAsync(_world.Deputee, _world.Grenoble)).Value!;
        var transport = new RecordingTransport();
        var other = (await _world.ScheduleAsync(_world.Maire, _world.Strasbourg)).Value!;
        Assert.That((await _world.Services.FollowUps.CancelAsync(FollowUpWorld.Admin, other.Id, default)).IsOk, Is.True);

        await _world.Services.Dispatcher(transport).DrainAsync(default);

        Assert.That((await _world.Services.FollowUps.CancelAsync(FollowUpWorld.Admin, followUp.Id, default)).Status, Is.EqualTo(OutcomeStatus.Conflict));
        Assert.That(transport.Delivered.Select(m => m.To[0].Address), Is.EqualTo(new[] { "cyrielle.chatelain@assemblee-nationale.fr" }), "the cancelled one never left");
    }
}
