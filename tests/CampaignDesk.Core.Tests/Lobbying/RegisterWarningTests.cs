using CampaignDesk.Core.Data;
using CampaignDesk.Core.Lobbying;
using CampaignDesk.Core.Mail;
using CampaignDesk.Core.Tests.Mail;
using CampaignDesk.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static CampaignDesk.Core.Tests.Lobbying.RegisterWorld;

namespace CampaignDesk.Core.Tests.Lobbying;

/// <summary>The rolling counter, the day it crosses ten, and the one e-mail per crossing, on every engine.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public class RegisterWarningTests(DatabaseProvider provider)
{
    private TestDatabase _db = null!;
    private FakeTimeProvider _time = null!;
    private DirectoryInfo _folder = null!;

    [OneTimeSetUp]
    public void RequireEngine() => TestDatabase.RequireConfigured(provider);

    [SetUp]
    public async Task CreateDatabase()
    {
        _db = await (await TestDatabase.CreateAsync(provider)).MigratedAsync();
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        _folder = Directory.CreateTempSubdirectory("campaigndesk-register-");
    }

    [TearDown]
    public async Task DropDatabase()
    {
        await _db.DisposeAsync();
        _folder.Delete(recursive: true);
    }

    [Test]
    public async Task TheTenthAction_CrossesTheThreshold_AndItsCoordinatorsAreWarnedOnce_ThenAgainAtANewCrossing()
    {
        var w = new RegisterWorld(_db.Database);
        var msp = await w.OrganisationAsync("MSP des Écrins");
        await w.CoordinatorAsync(msp, "coordination@msp.example.org");
        await w.CoordinatorAsync(msp, "direction@msp.example.org");
        var depute = await w.OfficialAsync("DEPUTE", "depute");
        for (var day = 1; day <= 9; day++)
        {
            await w.InteractionAsync(msp, depute, null, "letter", "outbound", "sent", Day(2026, 2, day));
        }

        // Not counted: nothing changes for them.
        await w.InteractionAsync(msp, depute, null, "phone", "outbound", "left_message", Day(2026, 2, 20));
        var service = Service();
        var nine = (await service.StandingsAsync(msp, default))!.Single();
        var silentAtNine = await Warnings().SendDueAsync(default);

        await w.InteractionAsync(msp, depute, null, "letter", "outbound", "sent", Day(2026, 2, 25));
        var ten = (await service.StandingsAsync(msp, default))!.Single();
        var first = await Warnings().SendDueAsync(default);
        var second = await Warnings().SendDueAsync(default);

        // Thirteen months later the window is empty; ten more actions are a new crossing.
        _time.SetUtcNow(new DateTimeOffset(2027, 4, 1, 9, 0, 0, TimeSpan.Zero));
        var emptied = (await service.StandingsAsync(msp, default))!.Single();
        for (var day = 1; day <= 10; day++)
        {
            await w.InteractionAsync(msp, depute, null, "email", "outbound", "sent", Day(2027, 3, day));
        }

        var again = await Warnings().SendDueAsync(default);
        var mails = _folder.GetFiles("*.eml").Select(f => MimeKit.MimeMessage.Load(f.FullName)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That((nine.Actions, nine.AtThreshold, nine.CrossedOn), Is.EqualTo((9, false, (DateOnly?)null)));
            Assert.That(nine.ProjectedOn, Is.EqualTo(new DateOnly(2026, 3, 1).AddDays(41)), "one more at the pace of 9 a year: 365 / 9 days");
            Assert.That(silentAtNine, Is.Zero);
            Assert.That((ten.Actions, ten.AtThreshold, ten.CrossedOn, ten.RegisterBy),
                Is.EqualTo((10, true, (DateOnly?)new DateOnly(2026, 2, 25), (DateOnly?)new DateOnly(2026, 4, 25))));
            Assert.That(first, Is.EqualTo(1), "one e-mail to the coordinators");
            Assert.That(second, Is.Zero, "a single warning per crossing");
            Assert.That((emptied.Actions, emptied.AtThreshold), Is.EqualTo((0, false)));
            Assert.That(again, Is.EqualTo(1), "a new crossing, a new warning");
            Assert.That(mails, Has.Count.EqualTo(2));
            Assert.That(mails[0].To.Mailboxes.Select(m => m.Address),
                Is.EquivalentTo(new[] { "coordination@msp.example.org", "direction@msp.example.org" }));
            Assert.That(mails.Select(m => m.Subject), Has.All.EqualTo("Répertoire des représentants d'intérêts : MSP des Écrins a atteint 10 actions en douze mois"));
            Assert.That(mails.Select(m => m.TextBody), Has.Some.Contain("le seuil de 10 a été atteint le 25 février 2026"));
            Assert.That(mails.Select(m => m.TextBody), Has.Some.Contain("au plus tard le 25 avril 2026"));
            Assert.That(mails.Select(m => m.TextBody), Has.Some.Contain("le seuil de 10 a été atteint le 10 mars 2027"));
        });
    }

    [Test]
    public async Task AFederation_RollsUpItsMembers_AndItsCoordinatorsAreWarnedOfTheRollUp()
    {
        var w = new RegisterWorld(_db.Database);
        var federation = await w.OrganisationAsync("Fédération des centres", "federation");
        var a = await w.OrganisationAsync("Centre A");
        var b = await w.OrganisationAsync("Centre B");
        await w.ParentAsync(a, federation);
        await w.ParentAsync(b, federation);
        await w.CoordinatorAsync(federation, "federation@example.org");
        var senateur = await w.OfficialAsync("SENATEUR", "senateur");
        foreach (var member in new[] { a, b })
        {
            for (var day = 1; day <= 5; day++)
            {
                await w.InteractionAsync(member, senateur, null, "email", "outbound", "sent", Day(2026, 1, day + (int)(member % 10)));
            }
        }

        var standings = (await Service().StandingsAsync(federation, default))!;
        var sent = await Warnings().SendDueAsync(default);
        var mail = MimeKit.MimeMessage.Load(_folder.GetFiles("*.eml").Single().FullName);

        Assert.Multiple(() =>
        {
            Assert.That(standings.Select(s => (s.Scope, s.Actions, s.AtThreshold)), Is.EqualTo(new[] { ("own", 0, false), ("rollup", 10, true) }));
            Assert.That(sent, Is.EqualTo(1), "the members are at five each: only the federation's roll-up crossed");
            Assert.That(mail.Subject, Does.EndWith("(avec ses membres)"));
        });
    }

    private RegisterService Service() => new(new RegisterQueries(_db.Database), _time);

    private RegisterWarnings Warnings()
    {
        var mailOptions = Options.Create(new MailOptions { EmlFolder = _folder.FullName });
        var transport = new EmlFolderTransport(mailOptions, new TestHostEnvironment(_folder.FullName), _time, new Installation(_db.Database));
        return new RegisterWarnings(_db.Database, new RegisterQueries(_db.Database), Service(), transport, mailOptions, _time,
            NullLogger<RegisterWarnings>.Instance);
    }
}
