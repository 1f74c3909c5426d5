using CampaignDesk.Core.Data;
using CampaignDesk.Core.Lobbying;
using CampaignDesk.TestSupport;
using static CampaignDesk.Core.Tests.Lobbying.RegisterWorld;

namespace CampaignDesk.Core.Tests.Lobbying;

/// <summary>Responsiveness by group and by département against figures worked out by hand (in the comments), on every engine.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public class ResponsivenessTests(DatabaseProvider provider)
{
    private TestDatabase _db = null!;
    private long _campaign;

    [OneTimeSetUp]
    public void RequireEngine() => TestDatabase.RequireConfigured(provider);

    [SetUp]
    public async Task CreateDatabase()
    {
        _db = await (await TestDatabase.CreateAsync(provider)).MigratedAsync();
        var w = new RegisterWorld(_db.Database);
        var o1 = await w.OrganisationAsync("Structure 1");
        var o2 = await w.OrganisationAsync("Structure 2");
        _campaign = await w.CampaignAsync("Financement");
        var c = _campaign;
        var d1 = await w.OfficialAsync("UN", "depute", department: "38", group: "Groupe A");
        var d2 = await w.OfficialAsync("DEUX", "depute", department: "69", group: "Groupe A");
        var s1 = await w.OfficialAsync("TROIS", "senateur", department: "38", group: "Groupe B");
        // D1: O1 writes on day 1, D1 answers on day 3 (2 days); O2 calls on day 2, D1 answers it on day 6 (4 days).
        await w.InteractionAsync(o1, d1, c, "email", "outbound", "sent", Day(2026, 3, 1));
        await w.InteractionAsync(o1, d1, c, "email", "inbound", "replied", Day(2026, 3, 3));
        await w.InteractionAsync(o2, d1, c, "phone", "outbound", "spoke", Day(2026, 3, 2));
        await w.InteractionAsync(o2, d1, c, "email", "inbound", "replied", Day(2026, 3, 6));
        // D2: O1 writes on day 1, an automatic reply only.
        var toD2 = await w.InteractionAsync(o1, d2, c, "email", "outbound", "sent", Day(2026, 3, 1));
        await w.InboundAsync(o1, d2, c, await w.FollowUpAsync(o1, d2, c, toD2, Day(2026, 3, 1)), "auto_reply", Day(2026, 3, 1));
        // S1: O1 writes a letter and an e-mail (which bounces) on day 1, meets on day 5, logs a refusal on day 8 (7 days).
        await w.InteractionAsync(o1, s1, c, "letter", "outbound", "sent", Day(2026, 3, 1));
        var toS1 = await w.InteractionAsync(o1, s1, c, "email", "outbound", "sent", Day(2026, 3, 1));
        await w.InboundAsync(o1, s1, c, await w.FollowUpAsync(o1, s1, c, toS1, Day(2026, 3, 1)), "bounce", Day(2026, 3, 1));
        await w.InteractionAsync(o1, s1, c, "meeting", "outbound", "met", Day(2026, 3, 5));
        await w.InteractionAsync(o1, s1, c, "phone", "outbound", "declined", Day(2026, 3, 8));
        // Out of the campaign and of the period: counts nowhere.
        await w.InteractionAsync(o1, s1, null, "email", "outbound", "sent", Day(2025, 3, 1));
    }

    [TearDown]
    public async Task DropDatabase() => await _db.DisposeAsync();

    [Test]
    public async Task ByGroup_MatchesTheHandComputation()
    {
        var rows = await Responsiveness().ByAsync("group", _campaign, DateTime.MinValue, DateTime.MaxValue, default);

        Assert.That(rows.Select(Figures), Is.EqualTo(new[]
        {
            // Groupe B: letter, e-mail, meeting, refusal = 4 contacts; 1 official, who answered; median of (7) = 7; 1 e-mail, 1 bounce.
            ("Groupe B", 4, 1, 1, (double?)7.0, 1, 0, 1, (double?)0.0, (double?)1.0),
            // Groupe A: O1→D1 e-mail, O2→D1 call, O1→D2 e-mail = 3; D1 answered, D2 not; median of (2, 4) = 3; 2 e-mails, 1 automatic reply.
            ("Groupe A", 3, 2, 1, 3.0, 2, 1, 0, 0.5, 0.0),
        }));
    }

    [Test]
    public async Task ByDepartment_ForAPeriod_MatchesTheHandComputation()
    {
        var rows = await Responsiveness().ByAsync("department", null, Day(2026, 3, 1).Date, Day(2026, 4, 1).Date, default);

        Assert.That(rows.Select(Figures), Is.EqualTo(new[]
        {
            // 38 (D1, S1): 2 + 4 = 6 contacts; both answered; delays 2, 4, 7: median 4; e-mails O1→D1 and O1→S1, one bounce.
            ("38 Isère", 6, 2, 2, (double?)4.0, 2, 0, 1, (double?)0.0, (double?)0.5),
            // 69 (D2): 1 e-mail, no answer, 1 automatic reply.
            ("69 Rhône", 1, 1, 0, null, 1, 1, 0, 1.0, 0.0),
        }));
    }

    private Responsiveness Responsiveness() => new(_db.Database);

    private static (string, int, int, int, double?, int, int, int, double?, double?) Figures(ResponsivenessRow r) =>
        (r.Label, r.Contacts, r.OfficialsContacted, r.OfficialsAnswered, r.MedianDaysToAnswer, r.EmailsSent, r.AutoReplies, r.Bounces, r.AutoReplyShare,
            r.BounceShare);
}
