using CampaignDesk.Core.Data;
using CampaignDesk.Core.Interactions;
using CampaignDesk.Core.Replies;
using CampaignDesk.Core.Tests.FollowUps;
using CampaignDesk.Stubs;
using CampaignDesk.TestSupport;
using Dapper;

namespace CampaignDesk.Core.Tests.Replies;

/// <summary>Answers read back from the inbox through the real SDK and the stub, each ending in its state once. On every engine.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public class ReplyCollectorTests(DatabaseProvider provider)
{
    private ReplyWorld _r = null!;

    [SetUp]
    public async Task Create() => _r = await ReplyWorld.CreateAsync(provider);

    [TearDown]
    public async Task Drop()
    {
        if (_r is not null)
        {
            await _r.DisposeAsync();
        }
    }

    [Test]
    public async Task ReplyToAFollowUp_IsAnInboundReplyOnItsCampaign_WaitingForTriage_AndCancelsThePendingFollowUp()
    {
        var (_, messageId) = await _r.SendFollowUpAsync();
        var pending = (await _r.World.ScheduleAsync(_r.World.Deputee, _r.World.Grenoble, _r.World.Time.GetUtcNow().AddDays(7))).Value!;
        var reply = _r.Deliver(ReplyWorld.DeputeeAddress, "RE: SEC-Pa : notre demande", "Je soutiens votre démarche.",
            new() { ["In-Reply-To"] = messageId, ["References"] = messageId });

        await new ReplyJob(_r.Collector()).Execute(null!, default);
        await new ReplyJob(_r.Collector()).Execute(null!, default);

        var inbound = (await _r.InboundAsync()).Single();
        Assert.That((inbound.Kind, inbound.OfficialId, inbound.CampaignId, inbound.Triage), Is.EqualTo(("reply", (long?)_r.World.Deputee, (long?)_r.World.Campaign, "waiting")));
        Assert.That(inbound.WebLink, Does.Contain(Uri.EscapeDataString(reply.Id)));
        var logged = (await _r.World.Services.Interactions.GetAsync(FollowUpWorld.Admin, inbound.InteractionId!.Value, default)).Value!;
        Assert.That((logged.Channel, logged.Direction, logged.Outcome, logged.CampaignId), Is.EqualTo(("email", "inbound", "replied", (long?)_r.World.Campaign)));
        Assert.That((await _r.World.GetAsync(pending.Id)).State, Is.EqualTo("cancelled"));
        Assert.That(await _r.CountAsync("SELECT COUNT(*) FROM positions WHERE kind = 'reply' AND stance = 'unknown'"), Is.EqualTo(1));
        Assert.That(await _r.CountAsync("SELECT COUNT(*) FROM campaign_progress WHERE replied = 1"), Is.EqualTo(1));
        Assert.That(await _r.CountAsync("SELECT COUNT(*) FROM audit_entries WHERE entity = 'interaction' AND actor = 'mail-replies'"), Is.EqualTo(1));

        var timeline = await new CampaignDesk.Core.Officials.Timeline(_r.Database, _r.World.Services.Interactions, _r.World.Services.Positions, _r.World.Services.FollowUps)
            .ForAsync(FollowUpWorld.Admin, _r.World.Deputee, default);
        Assert.That(timeline!.Single(e => e.Id == logged.Id && e.Type == "interaction").WebLink, Is.EqualTo(inbound.WebLink));
    }

    [Test]
    public async Task MessageFromTheDeputeesAddress_WithoutAFollowUp_IsLoggedOnTheLatestCampaignTheyShare()
    {
        await _r.World.Services.Interactions.LogAsync(FollowUpWorld.Admin, new InteractionInput(_r.World.Grenoble, _r.World.Deputee, _r.World.Campaign,
            "letter", "outbound", null, "sent", null, false), default);
        _r.Deliver(ReplyWorld.DeputeeAddress.ToUpperInvariant(), "Votre courrier", "Merci pour votre courrier, je vous reçois volontiers.");

        await _r.Collector().RunAsync(default);
        await _r.Collector().RunAsync(default);

        var inbound = (await _r.InboundAsync()).Single();
        Assert.That((inbound.Kind, inbound.OfficialId, inbound.CampaignId, inbound.Triage), Is.EqualTo(("message", (long?)_r.World.Deputee, (long?)_r.World.Campaign, "waiting")));
        Assert.That(await _r.CountAsync("SELECT COUNT(*) FROM interactions WHERE direction = 'inbound' AND outcome = 'replied'"), Is.EqualTo(1));
    }

    [Test]
    public async Task MessageFromAMairiesAddress_IsItsMaires()
    {
        await _r.World.OnlyTheMairieHasAnAddressAsync();
        _r.Deliver(FollowUpWorld.MairieAddress, "Votre courrier", "Madame la Maire vous recevra.");

        await _r.Collector().RunAsync(default);

        Assert.That((await _r.InboundAsync()).Single() is { Kind: "message" } inbound ? inbound.OfficialId : null, Is.EqualTo(_r.World.Maire));
    }

    [Test]
    public async Task OutOfOffice_IsRecordedAsAnAutomaticReply_ThatNeitherCountsNorCancels()
    {
        var (_, messageId) = await _r.SendFollowUpAsync();
        var pending = (await _r.World.ScheduleAsync(_r.World.Deputee, _r.World.Grenoble, _r.World.Time.GetUtcNow().AddDays(7))).Value!;
        _r.Deliver(ReplyWorld.DeputeeAddress, "Réponse automatique : SEC-Pa : notre demande", "Je suis absente jusqu'au 15 avril.",
            new() { ["In-Reply-To"] = messageId, ["Auto-Submitted"] = "auto-replied" });
        _r.Deliver(ReplyWorld.DeputeeAddress, "Absence du bureau", "De retour lundi.", new() { ["X-Auto-Response-Suppress"] = "All" });

        await _r.Collector().RunAsync(default);
        await _r.Collector().RunAsync(default);

        Assert.That((await _r.InboundAsync()).Select(m => (m.Kind, m.OfficialId, m.InteractionId)),
            Is.EqualTo(new[] { ("auto_reply", (long?)_r.World.Deputee, (long?)null), ("auto_reply", (long?)_r.World.Deputee, (long?)null) }));
        Assert.That(await _r.CountAsync("SELECT COUNT(*) FROM interactions WHERE direction = 'inbound'"), Is.Zero);
        Assert.That(await _r.CountAsync("SELECT COUNT(*) FROM positions"), Is.Zero);
        Assert.That((await _r.World.GetAsync(pending.Id)).State, Is.EqualTo("scheduled"));
    }

    [Test]
    public async Task NonDeliveryReport_MarksTheAddressBouncing_FollowUpsStopChoosingIt_UntilTheOfficialWritesFromIt()
    {
        var (_, messageId) = await _r.SendFollowUpAsync();
        _r.Deliver("postmaster@assemblee-nationale.fr", "Non remis : SEC-Pa : notre demande",
            $"Votre message à {ReplyWorld.DeputeeAddress} n'a pas pu être remis.",
            new() { ["In-Reply-To"] = messageId, ["Content-Type"] = "multipart/report; report-type=delivery-status; boundary=\"b\"" });

        await _r.Collector().RunAsync(default);
        await _r.Collector().RunAsync(default);

        Assert.That((await _r.InboundAsync()).Select(m => (m.Kind, m.OfficialId, m.InteractionId)),
            Is.EqualTo(new[] { ("bounce", (long?)_r.World.Deputee, (long?)null) }));
        Assert.That(await _r.CountAsync("SELECT COUNT(*) FROM contact_points WHERE bouncing_since_utc IS NOT NULL"), Is.EqualTo(1));
        Assert.That(await _r.CountAsync("SELECT COUNT(*) FROM interactions WHERE direction = 'inbound'"), Is.Zero);
        var refused = await _r.World.ScheduleAsync(_r.World.Deputee, _r.World.Grenoble, _r.World.Time.GetUtcNow().AddDays(7));
        Assert.That(refused.Errors?.Keys, Is.EquivalentTo(new[] { "officialId" }));

        _r.Deliver(ReplyWorld.DeputeeAddress, "Mon adresse fonctionne", "Bien reçu.");
        await _r.Collector().RunAsync(default);
        Assert.That(await _r.CountAsync("SELECT COUNT(*) FROM contact_points WHERE bouncing_since_utc IS NOT NULL"), Is.Zero);
        Assert.That((await _r.World.ScheduleAsync(_r.World.Deputee, _r.World.Grenoble, _r.World.Time.GetUtcNow().AddDays(7))).IsOk, Is.True);
    }

    [Test]
    public async Task UnknownSender_IsOnlyRecordedAsProcessed()
    {
        _r.Deliver("newsletter@exemple.fr", "Lettre d'information de mars", "Au sommaire…");

        await _r.Collector().RunAsync(default);
        await _r.Collector().RunAsync(default);

        Assert.That((await _r.InboundAsync()).Select(m => (m.Kind, m.OfficialId, m.InteractionId, m.Triage)),
            Is.EqualTo(new[] { ("unknown", (long?)null, (long?)null, (string?)null) }));
        Assert.That(await _r.CountAsync("SELECT COUNT(*) FROM interactions"), Is.Zero);
    }

    [Test]
    public async Task DeltaOverSeveralPages_RecordsEveryMessageOnce_AndAReadMessageIsNotRecordedAgain()
    {
        var delivered = Enumerable.Range(1, 5).Select(i => _r.Deliver(ReplyWorld.DeputeeAddress, $"Réponse {i}")).ToList();

        Assert.That(await _r.Collector(pageSize: 2).CollectAsync(ReplyWorld.Mailbox, _r.World.Grenoble, default), Is.EqualTo(5));
        Assert.That(_r.Stub.Requests.Count(r => r.Operation == GraphOperation.Delta), Is.EqualTo(3), "pages of 2, 2 and 1");
        Assert.That(_r.Stub.Requests.First(r => r.Operation == GraphOperation.Delta).Path, Does.Contain("$select=").And.Contain("webLink"));

        _r.Stub.Messages.Touch(delivered[2].Id);
        Assert.That(await _r.Collector(pageSize: 2).CollectAsync(ReplyWorld.Mailbox, _r.World.Grenoble, default), Is.Zero);
        Assert.That(_r.Stub.Requests.Last(r => r.Operation == GraphOperation.Delta).Path, Does.Contain("deltatoken"));
        Assert.That(await _r.CountAsync("SELECT COUNT(*) FROM interactions WHERE direction = 'inbound'"), Is.EqualTo(5));
        Assert.That(await _r.CountAsync("SELECT COUNT(*) FROM inbound_messages"), Is.EqualTo(5));
    }

    [Test]
    public async Task RestartBetweenTwoPages_ANewInstanceResumesFromTheStoredLink()
    {
        for (var i = 1; i <= 5; i++)
        {
            _r.Deliver(ReplyWorld.DeputeeAddress, $"Réponse {i}");
        }

        _r.Stub.Faults.Add(GraphOperation.Delta, GraphFault.BadRequest("ErrorInternalServerTransientError"), skip: 1);
        Assert.ThrowsAsync<Microsoft.Graph.Models.ODataErrors.ODataError>(() => _r.Collector(pageSize: 2).CollectAsync(ReplyWorld.Mailbox, _r.World.Grenoble, default));
        Assert.That(await _r.CountAsync("SELECT COUNT(*) FROM inbound_messages"), Is.EqualTo(2));
        Assert.That(await _r.CountAsync("SELECT COUNT(*) FROM mailbox_sync WHERE link LIKE '%skiptoken%'"), Is.EqualTo(1));
        var before = _r.Stub.Requests.Count;

        Assert.That(await _r.Collector(pageSize: 2).CollectAsync(ReplyWorld.Mailbox, _r.World.Grenoble, default), Is.EqualTo(3));

        Assert.That(_r.Stub.Requests.Skip(before).First(r => r.Operation == GraphOperation.Delta).Path, Does.Contain("skiptoken"), "resumed, not restarted");
        Assert.That(await _r.CountAsync("SELECT COUNT(*) FROM inbound_messages"), Is.EqualTo(5));
        Assert.That(await _r.CountAsync("SELECT COUNT(*) FROM interactions WHERE direction = 'inbound'"), Is.EqualTo(5));
    }

    [Test]
    public async Task ThrottledDelta_WaitsForRetryAfter_ThenRecordsOnce()
    {
        _r.Deliver(ReplyWorld.DeputeeAddress, "Réponse");
        _r.Stub.Faults.Add(GraphOperation.Delta, GraphFault.Throttle(TimeSpan.FromSeconds(1)));

        Assert.That(await _r.Collector().CollectAsync(ReplyWorld.Mailbox, _r.World.Grenoble, default), Is.EqualTo(1));

        var throttled = _r.Stub.Requests.Single(r => r.Outcome == "fault:Throttle");
        var retry = _r.Stub.Requests.First(r => r.At > throttled.At && r.Operation == GraphOperation.Delta);
        Assert.That(retry.At - throttled.At, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(990)));
        Assert.That(await _r.Collector().CollectAsync(ReplyWorld.Mailbox, _r.World.Grenoble, default), Is.Zero);
        Assert.That(await _r.CountAsync("SELECT COUNT(*) FROM interactions WHERE direction = 'inbound'"), Is.EqualTo(1));
    }
}
