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

    [Test]
    public async Task ASlowMailServer_HoldsNoWrite_WhileAReminderIsBeingSent()
    {
        var volunteer = (await _users.CreateAsync(System, new UserFields("helene@example.org", "Hélène", UserRoles.Volunteer, [_organisation]), default)).Value!;
        await CreateTaskAsync(volunteer.Id, "call", 1);
        var slow = new GatedTransport(Transport());

        var sending = Reminders(slow).SendDueAsync(default);
        await slow.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        // While the mail server has not answered, the desk still writes: before the fix this waited on the writer.
        var write = CreateTaskAsync(volunteer.Id, "letter", 5);
        var first = await Task.WhenAny(write, Task.Delay(TimeSpan.FromSeconds(20)));
        slow.Release.SetResult();
        var sent = await sending;

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.SameAs(write), "a task was created while the reminder's mail was in flight");
            Assert.That(sent, Is.EqualTo(1));
            Assert.That(_folder.GetFiles("*.eml"), Has.Length.EqualTo(1));
        });
    }

    [Test]
    public async Task AFailedSend_IsTriedAgainNextRun_AndAClaimACrashLeft_IsTakenAgainAfterItsLease_UnderTheSameKey()
    {
        var volunteer = (await _users.CreateAsync(System, new UserFields("helene@example.org", "Hélène", UserRoles.Volunteer, [_organisation]), default)).Value!;
        var soon = await CreateTaskAsync(volunteer.Id, "call", 1);
        var late = await CreateTaskAsync(volunteer.Id, "letter", -1);
        var failing = new GatedTransport(Transport()) { FailNext = true };
        // The late task's reminder was claimed by a worker that then died before marking it sent.
        await using (var connection = await _db.Database.OpenAsync(default))
        {
            await connection.ExecuteAsync(_db.Database.Command("INSERT INTO task_reminders (task_id, kind, claimed_utc) VALUES (@late, 'overdue', @now)",
                new { late, now = _time.GetUtcNow().UtcDateTime }));
        }

        failing.Release.SetResult();
        Assert.ThrowsAsync<HttpRequestException>(() => Reminders(failing).SendDueAsync(default));
        var afterFailure = await Reminders(failing).SendDueAsync(default);
        var withinLease = await Reminders(failing).SendDueAsync(default);
        _time.Advance(TaskReminders.ClaimLease + TimeSpan.FromSeconds(1));
        var afterLease = await Reminders(failing).SendDueAsync(default);
        var again = await Reminders(failing).SendDueAsync(default);

        Assert.Multiple(() =>
        {
            Assert.That(afterFailure, Is.EqualTo(1), "the failed send's claim was released");
            Assert.That(withinLease, Is.Zero, "the dead worker's claim still holds");
            Assert.That(afterLease, Is.EqualTo(1), "the lease is over: the claim is taken again");
            Assert.That(again, Is.Zero, "nothing twice");
            Assert.That(failing.Keys, Is.EqualTo(new[] { $"task-{soon}-due_soon", $"task-{soon}-due_soon", $"task-{late}-overdue" }),
                "a retry is the same message to the transport");
            Assert.That(_folder.GetFiles("*.eml"), Has.Length.EqualTo(2));
        });
    }

    private EmlFolderTransport Transport() =>
        new(Options.Create(new MailOptions { EmlFolder = _folder.FullName }), new TestHostEnvironment(_folder.FullName), _time, new Installation(_db.Database));

    private TaskReminders Reminders(IMailTransport? transport = null) =>
        new(_db.Database, transport ?? Transport(), Options.Create(new MailOptions { EmlFolder = _folder.FullName }), Options.Create(new TaskReminderOptions()),
            _time, NullLogger<TaskReminders>.Instance);

    /// <summary>The mail server as seen from the desk: it answers when the test lets it, or fails once.</summary>
    private sealed class GatedTransport(IMailTransport inner) : IMailTransport
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public bool FailNext { get; set; }
        public List<string> Keys { get; } = [];

        public async Task<SentMail> SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
        {
            Keys.Add(mail.IdempotencyKey);
            Entered.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
            if (FailNext)
            {
                FailNext = false;
                throw new HttpRequestException("the mail server hung up");
            }

            return await inner.SendAsync(mail, cancellationToken);
        }
    }

    private async Task<long> CreateTaskAsync(long assignee, string kind, int dueInDays)
    {
        var created = await _tasks.CreateAsync(System,
            new TaskInput(assignee, _official, _organisation, null, kind, ParisTime.Today(_time).AddDays(dueInDays), null), default);
        Assert.That(created.IsOk, Is.True, string.Join(", ", created.Errors?.Keys ?? []));
        return created.Value!.Id;
    }
}
