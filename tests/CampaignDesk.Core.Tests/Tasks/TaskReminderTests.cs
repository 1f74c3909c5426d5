using CampaignDesk.Core.Audit;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Interactions;
using CampaignDesk.Core.Mail;
using CampaignDesk.Core.Organisations;
using CampaignDesk.Core.Tasks;
using CampaignDesk.Core.Tests.Mail;
using CampaignDesk.Core.Users;
using CampaignDesk.TestSupport;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CampaignDesk.Core.Tests.Tasks;

/// <summary>Due-soon and overdue reminders, e-mailed once each through the real .eml transport, on every engine.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public class TaskReminderTests(DatabaseProvider provider)
{
    private static readonly Caller System = Caller.System("test");

    private TestDatabase _db = null!;
    private FakeTimeProvider _time = null!;
    private DirectoryInfo _folder = null!;
    private TaskService _tasks = null!;
    private UserService _users = null!;
    private long _organisation;
    private long _official;

    [OneTimeSetUp]
    public void RequireEngine() => TestDatabase.RequireConfigured(provider);

    [SetUp]
    public async Task CreateDatabase()
    {
        _db = await (await TestDatabase.CreateAsync(provider)).MigratedAsync();
        // 10:00 in Paris on a Monday.
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        _folder = Directory.CreateTempSubdirectory("campaigndesk-reminders-");
        var database = _db.Database;
        var services = new CoreServices(database, _time);
        _users = services.Users;
        _tasks = services.Tasks;
        _organisation = (await new OrganisationStore(database, _time).InsertAsync(
            new OrganisationFields("structure", "msp", "Pôle de santé", "38421", "Saint-Martin-d'Hères", "38", "84"), default))!.Value;
        _official = await services.InsertOfficialAsync();
    }

    [TearDown]
    public async Task DropDatabase()
    {
        await _db.DisposeAsync();
        _folder.Delete(recursive: true);
    }

    [Test]
    public async Task EachOpenTask_GetsOneDueSoonAndOneOverdueReminder_AtMost()
    {
        var volunteer = (await _users.CreateAsync(System, new UserFields("helene@example.org", "Hélène", UserRoles.Volunteer, [_organisation]), default)).Value!;
        var tomorrow = await CreateTaskAsync(volunteer.Id, "call", 1);
        var late = await CreateTaskAsync(volunteer.Id, "letter", -2);
        await CreateTaskAsync(volunteer.Id, "visit", 10);
        var done = await CreateTaskAsync(volunteer.Id, "email", 0);
        await _tasks.CompleteAsync(System, done, new InteractionInput(null, null, null, "email", null, null, "sent", null, false), default);
        var reminders = Reminders();

        var first = await reminders.SendDueAsync(default);
        var second = await reminders.SendDueAsync(default);
        _time.Advance(TimeSpan.FromDays(2));
        var third = await reminders.SendDueAsync(default);
        var mails = _folder.GetFiles("*.eml").Select(f => MimeKit.MimeMessage.Load(f.FullName)).ToList();
        var subjects = mails.Select(m => m.Subject).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(2), "the task due tomorrow and the late one");
            Assert.That(second, Is.Zero, "nothing twice");
            Assert.That(third, Is.EqualTo(1), "two days later, the task due tomorrow is overdue");
            Assert.That(subjects, Does.Contain("Rappel : Appeler Cyrielle CHATELAIN avant le mardi 3 mars"));
            Assert.That(subjects, Does.Contain("Tâche en retard : Envoyer un courrier à Cyrielle CHATELAIN"));
            Assert.That(subjects, Does.Contain("Tâche en retard : Appeler Cyrielle CHATELAIN"));
            Assert.That(mails.Select(m => m.To.Mailboxes.Single().Address), Has.All.EqualTo("helene@example.org"));
            Assert.That(mails.Select(m => m.TextBody), Has.All.Contain("Bonjour Hélène"));
            Assert.That(tomorrow, Is.Not.EqualTo(late));
        });
    }

    [Test]
    public async Task AReminder_WritesTheFirstOfTheMonthAsFrenchDoes_AndLinksToTheTask()
    {
        // Saturday 31 October 2026: the task is due tomorrow, Sunday 1 November.
        _time.SetUtcNow(new DateTimeOffset(2026, 10, 31, 9, 0, 0, TimeSpan.Zero));
        var volunteer = (await _users.CreateAsync(System, new UserFields("ines@example.org", "Inès", UserRoles.Volunteer, [_organisation]), default)).Value!;
        var task = await CreateTaskAsync(volunteer.Id, "call", 1);

        await Reminders().SendDueAsync(default);
        var mail = MimeKit.MimeMessage.Load(_folder.GetFiles("*.eml").Single().FullName);

        Assert.Multiple(() =>
        {
            Assert.That(mail.Subject, Is.EqualTo("Rappel : Appeler Cyrielle CHATELAIN avant le dimanche 1er novembre"));
            Assert.That(mail.TextBody, Does.Contain("à faire d'ici le dimanche 1er novembre"));
            Assert.That(mail.TextBody, Does.Contain($"http://localhost:5080/app/taches.html#tache-{task}"), "the task, one click away");
        });
    }

    private TaskReminders Reminders()
    {
        var mail = Options.Create(new MailOptions { EmlFolder = _folder.FullName });
        var transport = new EmlFolderTransport(mail, new TestHostEnvironment(_folder.FullName), _time, new Installation(_db.Database));
        return new TaskReminders(_db.Database, transport, mail, Options.Create(new TaskReminderOptions()), _time, NullLogger<TaskReminders>.Instance);
    }

    private async Task<long> CreateTaskAsync(long assignee, string kind, int dueInDays)
    {
        var created = await _tasks.CreateAsync(System,
            new TaskInput(assignee, _official, _organisation, null, kind, ParisTime.Today(_time).AddDays(dueInDays), null), default);
        Assert.That(created.IsOk, Is.True, string.Join(", ", created.Errors?.Keys ?? []));
        return created.Value!.Id;
    }
}
