using CampaignDesk.Core.Data;
using CampaignDesk.Core.Lobbying;
using CampaignDesk.Core.Users;
using CampaignDesk.TestSupport;
using Microsoft.Extensions.Time.Testing;
using static CampaignDesk.Core.Tests.Lobbying.RegisterWorld;

namespace CampaignDesk.Core.Tests.Lobbying;

/// <summary>Every case of the counting rule on one fixture, each with the reason it counts or not, on every engine.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public class CountingRuleTests(DatabaseProvider provider)
{
    private TestDatabase _db = null!;

    [OneTimeSetUp]
    public void RequireEngine() => TestDatabase.RequireConfigured(provider);

    [SetUp]
    public async Task CreateDatabase() => _db = await (await TestDatabase.CreateAsync(provider)).MigratedAsync();

    [TearDown]
    public async Task DropDatabase() => await _db.DisposeAsync();

    [Test]
    public async Task EveryCase_CountsOrNot_WithItsReason()
    {
        var w = new RegisterWorld(_db.Database);
        var msp = await w.OrganisationAsync("MSP des Écrins");
        var c = await w.CampaignAsync("Financement des SEC-Pa", "Maintenir le financement");
        var depute = await w.OfficialAsync("DEPUTE", "depute");
        var senateur = await w.OfficialAsync("SENATEUR", "senateur");
        var maireGrenoble = await w.OfficialAsync("MAIRE-GRENOBLE", "maire", commune: "38185");
        var maireSmall = await w.OfficialAsync("MAIRE-SMH", "maire", commune: "38421");
        var president = await w.OfficialAsync("PRESIDENT-CD", "conseiller_departemental", function: "Président du conseil départemental");
        var conseiller = await w.OfficialAsync("CONSEILLER-CD", "conseiller_departemental");
        var municipal = await w.OfficialAsync("MUNICIPAL", "conseiller_municipal", commune: "38185");
        var adjoint = await w.OfficialAsync("ADJOINT", "conseiller_municipal", function: "1er adjoint au maire", commune: "38185");
        var europeen = await w.OfficialAsync("EUROPEEN", "depute_europeen");
        var prefet = await w.OfficialAsync("PREFET", "prefet");
        var former = await w.OfficialAsync("ANCIEN-DEPUTE", "depute", end: "2024-06-09");

        var rows = new Dictionary<string, long>
        {
            ["meeting"] = await w.InteractionAsync(msp, depute, c, "meeting", "outbound", "met", Day(2026, 2, 10)),
            ["call"] = await w.InteractionAsync(msp, senateur, c, "phone", "outbound", "spoke", Day(2026, 2, 11)),
            ["call left message"] = await w.InteractionAsync(msp, senateur, c, "phone", "outbound", "left_message", Day(2026, 2, 12)),
            ["call unreachable"] = await w.InteractionAsync(msp, depute, c, "phone", "outbound", "unreachable", Day(2026, 2, 12)),
            ["e-mail left message"] = await w.InteractionAsync(msp, depute, c, "email", "outbound", "left_message", Day(2026, 2, 12)),
            ["letter to a large commune's maire"] = await w.InteractionAsync(msp, maireGrenoble, c, "letter", "outbound", "sent", Day(2026, 2, 13)),
            ["e-mail to a small commune's maire"] = await w.InteractionAsync(msp, maireSmall, c, "email", "outbound", "sent", Day(2026, 2, 13)),
            ["inbound"] = await w.InteractionAsync(msp, depute, c, "email", "inbound", "replied", Day(2026, 2, 14)),
            ["interpellation"] = await w.InteractionAsync(msp, depute, c, "social", "outbound", "sent", Day(2026, 2, 15)),
            ["arranging"] = await w.InteractionAsync(msp, senateur, c, "phone", "outbound", "meeting_set", Day(2026, 3, 1)),
            ["holding"] = await w.InteractionAsync(msp, senateur, c, "meeting", "outbound", "met", Day(2026, 3, 20)),
            ["reporting"] = await w.InteractionAsync(msp, senateur, c, "meeting", "outbound", "met", Day(2026, 3, 22)),
            ["president"] = await w.InteractionAsync(msp, president, c, "meeting", "outbound", "met", Day(2026, 3, 2)),
            ["plain councillor"] = await w.InteractionAsync(msp, conseiller, c, "meeting", "outbound", "met", Day(2026, 3, 2)),
            ["municipal"] = await w.InteractionAsync(msp, municipal, c, "email", "outbound", "sent", Day(2026, 3, 3)),
            ["adjoint"] = await w.InteractionAsync(msp, adjoint, c, "email", "outbound", "sent", Day(2026, 3, 3)),
            ["european"] = await w.InteractionAsync(msp, europeen, c, "email", "outbound", "sent", Day(2026, 3, 3)),
            ["prefet"] = await w.InteractionAsync(msp, prefet, null, "letter", "outbound", "sent", Day(2026, 3, 4)),
            ["local before 2022"] = await w.InteractionAsync(msp, maireGrenoble, null, "letter", "outbound", "sent", Day(2022, 3, 1)),
            ["former député"] = await w.InteractionAsync(msp, former, c, "email", "outbound", "sent", Day(2025, 1, 6)),
            ["event without exchange"] = await w.InteractionAsync(msp, depute, c, "event", "outbound", "sent", Day(2026, 3, 5)),
            ["petition"] = await w.InteractionAsync(msp, depute, c, "petition_handover", "outbound", "handed_over", Day(2026, 3, 6)),
        };
        rows["follow-up"] = await w.InteractionAsync(msp, depute, c, "email", "outbound", "sent", Day(2026, 4, 1));
        var followUp = await w.FollowUpAsync(msp, depute, c, rows["follow-up"], Day(2026, 4, 1));
        var autoReply = await w.InboundAsync(msp, depute, c, followUp, "auto_reply", Day(2026, 4, 1));
        rows["bounced follow-up"] = await w.InteractionAsync(msp, senateur, c, "email", "outbound", "sent", Day(2026, 4, 2));
        var bounced = await w.FollowUpAsync(msp, senateur, c, rows["bounced follow-up"], Day(2026, 4, 2));
        var bounce = await w.InboundAsync(msp, senateur, c, bounced, "bounce", Day(2026, 4, 2));

        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 10, 0, 0, TimeSpan.Zero));
        var service = new RegisterService(new RegisterQueries(_db.Database), time);
        var result = (await service.ExplainAsync(Caller.System("test"), msp, new DateOnly(2022, 1, 1), new DateOnly(2026, 5, 1), false, default)).Value!;
        var byId = result.Rows.Where(r => r.Row.Source == "interaction").ToDictionary(r => r.Row.Id);
        (bool Counts, string Code) Of(string name) => (byId[rows[name]].Counts, byId[rows[name]].Code);

        Assert.Multiple(() =>
        {
            Assert.That(Of("meeting"), Is.EqualTo((true, "meeting")));
            Assert.That(byId[rows["meeting"]].Reason, Is.EqualTo("Compte : réunion ou rendez-vous avec Député·e (loi 2013-907, art. 18-2, 2°)"));
            Assert.That(Of("call"), Is.EqualTo((true, "call")));
            Assert.That(Of("call left message"), Is.EqualTo((false, "call_not_answered")));
            Assert.That(byId[rows["call left message"]].Reason, Is.EqualTo("Ne compte pas : appel sans réponse (message laissé)"));
            Assert.That(Of("call unreachable"), Is.EqualTo((false, "call_not_answered")));
            Assert.That(Of("e-mail left message"), Is.EqualTo((false, "message_left")));
            Assert.That(Of("letter to a large commune's maire"), Is.EqualTo((true, "letter")));
            Assert.That(byId[rows["letter to a large commune's maire"]].Category, Is.EqualTo(RegisterCategories.LocalExecutive));
            Assert.That(Of("e-mail to a small commune's maire"), Is.EqualTo((false, "official_not_covered")));
            Assert.That(byId[rows["e-mail to a small commune's maire"]].Reason, Does.Contain("Maire d'une commune de 100 000 habitants ou moins"));
            Assert.That(Of("inbound"), Is.EqualTo((false, "inbound_only")));
            Assert.That(Of("interpellation"), Is.EqualTo((true, "public_interpellation")));
            Assert.That(Of("arranging"), Is.EqualTo((true, "meeting")), "arranging opens the meeting: the one action");
            Assert.That(Of("holding"), Is.EqualTo((false, "same_meeting")));
            Assert.That(byId[rows["holding"]].SameActionAs, Is.EqualTo(rows["arranging"]));
            Assert.That(Of("reporting"), Is.EqualTo((false, "same_meeting")));
            Assert.That(byId[rows["reporting"]].Reason, Does.Contain("organiser, tenir et rendre compte d'une réunion est une seule action"));
            Assert.That(Of("president"), Is.EqualTo((true, "meeting")));
            Assert.That(Of("plain councillor"), Is.EqualTo((false, "official_not_covered")));
            Assert.That(Of("municipal"), Is.EqualTo((false, "official_not_covered")));
            Assert.That(Of("adjoint"), Is.EqualTo((true, "email")));
            Assert.That(Of("european"), Is.EqualTo((false, "official_not_covered")));
            Assert.That(byId[rows["european"]].Reason, Does.Contain("Parlement européen"));
            Assert.That(Of("prefet"), Is.EqualTo((true, "letter")));
            Assert.That(byId[rows["prefet"]].Category, Is.EqualTo(RegisterCategories.CouncilOfMinisters));
            Assert.That(Of("local before 2022"), Is.EqualTo((false, "local_before_2022")));
            Assert.That(Of("former député"), Is.EqualTo((false, "official_not_covered")), "a mandate ended before the contact");
            Assert.That(Of("event without exchange"), Is.EqualTo((false, "event_not_reached")));
            Assert.That(Of("petition"), Is.EqualTo((true, "petition_handover")));
            Assert.That(Of("follow-up"), Is.EqualTo((true, "email")));
            Assert.That(byId[rows["follow-up"]].Reason, Does.StartWith($"Compte : courriel (relance n° {followUp} envoyée)"));
            Assert.That(Of("bounced follow-up"), Is.EqualTo((false, "bounced_email")));
            Assert.That(result.Rows.Single(r => r.Row.Source == "auto_reply").Row.Id, Is.EqualTo(autoReply));
            Assert.That(result.Rows.Single(r => r.Row.Source == "auto_reply").Code, Is.EqualTo("automatic_reply"));
            Assert.That(result.Rows.Single(r => r.Row.Source == "bounce").Row.Id, Is.EqualTo(bounce));
            Assert.That(result.Rows.Single(r => r.Row.Source == "bounce").Counts, Is.False);
            Assert.That(result.Rows.All(r => r.Reason.StartsWith(r.Counts ? "Compte : " : "Ne compte pas : ", StringComparison.Ordinal)), Is.True);
            Assert.That(result.Counted, Is.EqualTo(10));
        });
    }
}
