using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Mail;
using CampaignDesk.Core.Organisations;
using CampaignDesk.Core.SignIn;
using CampaignDesk.Core.Tests.Mail;
using CampaignDesk.Core.Users;
using CampaignDesk.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CampaignDesk.Core.Tests.SignIn;

/// <summary>Invitations, one-time links and browser sessions on every engine (the API tests run on SQLite).</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public class SignInContractTests(DatabaseProvider provider)
{
    private static readonly Caller System = Caller.System("test");
    private static readonly Uri Site = new("https://campagne.example.org/");

    private TestDatabase _db = null!;
    private FakeTimeProvider _time = null!;
    private DirectoryInfo _mail = null!;
    private CoreServices _services = null!;
    private InvitationService _invitations = null!;
    private SignInService _signIn = null!;
    private long _organisationA;
    private long _organisationB;

    [OneTimeSetUp]
    public void RequireEngine() => TestDatabase.RequireConfigured(provider);

    [SetUp]
    public async Task CreateDatabase()
    {
        _db = await (await TestDatabase.CreateAsync(provider)).MigratedAsync();
        _time = TestClock.Create();
        _mail = Directory.CreateTempSubdirectory("campaigndesk-signin-");
        _services = new CoreServices(_db.Database, _time);
        var mailOptions = Options.Create(new MailOptions { EmlFolder = _mail.FullName });
        var transport = new EmlFolderTransport(mailOptions, new TestHostEnvironment(_mail.FullName), _time, new Installation(_db.Database));
        var options = Options.Create(new SignInOptions());
        var links = new SignInLinks(_time);
        var users = new UserStore(_db.Database, _time);
        _invitations = new InvitationService(_db.Database, _services.Users, users, _services.Organisations, links, transport, mailOptions, options, _services.Audit, _time,
            NullLogger<InvitationService>.Instance);
        _signIn = new SignInService(_db.Database, users, links, _services.Sessions, transport, mailOptions, options, _services.Audit, _time,
            NullLogger<SignInService>.Instance);
        _organisationA = (await _services.Organisations.InsertAsync(new OrganisationFields("federation", "federation", "Fédération A"), default))!.Value;
        _organisationB = (await _services.Organisations.InsertAsync(new OrganisationFields("federation", "federation", "Fédération B"), default))!.Value;
    }

    [TearDown]
    public async Task DropDatabase()
    {
        await _db.DisposeAsync();
        _mail.Delete(recursive: true);
    }

    [Test]
    public async Task Link_SignsInOnce_EvenWhenUsedTwiceAtOnce()
    {
        var secret = await InviteAsync(System, "nina@example.org", _organisationA);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _signIn.StartSessionAsync(secret, "Chrome sur Android", default)));

        Assert.That(attempts.Count(a => a.IsOk), Is.EqualTo(1));
        Assert.That(attempts.Where(a => !a.IsOk).Select(a => a.Errors!["link"][0].Code), Has.All.EqualTo("sign_in_link_used"));
    }

    [Test]
    public async Task Session_SlidesWithUse_AndEndsWhenRevokedOrItsUserDisabled()
    {
        var started = (await _signIn.StartSessionAsync(await InviteAsync(System, "nina@example.org", _organisationA), "Firefox sur Linux", default)).Value!;
        var other = (await _signIn.StartSessionAsync(await InviteAsync(System, "nina@example.org", _organisationA), "Safari sur iPhone", default)).Value!;

        var fresh = await _services.Sessions.CheckAsync(started.Secret, default);
        _time.Advance(TimeSpan.FromDays(10));
        var used = await _services.Sessions.CheckAsync(started.Secret, default);
        var listed = await _signIn.ListSessionsAsync(started.Caller, default);
        await _signIn.EndSessionAsync(started.Caller, started.Session.Id, default);
        var revoked = await _services.Sessions.CheckAsync(started.Secret, default);
        await _services.Users.UpdateAsync(System, started.Caller.UserId!.Value, new UserFields(null, null, null, null, Disabled: true), null, default);
        await _services.Users.UpdateAsync(System, started.Caller.UserId!.Value, new UserFields(null, null, null, null, Disabled: false), null, default);
        var afterDisabling = await _services.Sessions.CheckAsync(other.Secret, default);

        Assert.Multiple(() =>
        {
            Assert.That(fresh.Status, Is.EqualTo(SessionStatus.Valid));
            Assert.That(fresh.Caller!.Role, Is.EqualTo(UserRoles.Volunteer));
            Assert.That(fresh.Caller.OrganisationIds, Is.EquivalentTo(new[] { _organisationA }));
            Assert.That(fresh.RenewedUntilUtc, Is.Null, "a session just used is not written again");
            Assert.That(used.RenewedUntilUtc, Is.EqualTo(_time.GetUtcNow().UtcDateTime.AddDays(30)).Within(TimeSpan.FromSeconds(1)));
            Assert.That(listed.Select(s => s.Device), Is.EqualTo(new[] { "Firefox sur Linux", "Safari sur iPhone" }), "most recently used first");
            Assert.That(revoked.Status, Is.EqualTo(SessionStatus.Revoked));
            Assert.That(afterDisabling.Status, Is.EqualTo(SessionStatus.Revoked), "disabling ended it for good");
        });
    }

    [Test]
    public async Task AVolunteerOfTwoStructures_IsListedToACoordinatorOfOne_WithThatStructureOnly()
    {
        var coordinatorA = (await _services.Users.CreateAsync(System, new UserFields("coord-a@example.org", "Coord A", UserRoles.Coordinator,
            [_organisationA]), default)).Value!;
        var asCoordinator = new Caller(coordinatorA.Id, coordinatorA.Email, UserRoles.Coordinator, new HashSet<long> { _organisationA })
        {
            DisplayName = coordinatorA.DisplayName,
        };
        var sent = (await _invitations.InviteAsync(System, new UserFields("partagee@example.org", "Nina", UserRoles.Volunteer,
            [_organisationA, _organisationB]), Site, default)).Value!;

        var seenByA = (await _invitations.ListAsync(asCoordinator, default)).Value!;
        var revokedByA = (await _invitations.RevokeAsync(asCoordinator, sent.Invitation.Id, default)).Value!;

        Assert.Multiple(() =>
        {
            Assert.That(sent.Invitation.OrganisationIds, Is.EquivalentTo(new[] { _organisationA, _organisationB }), "an admin sees them all");
            Assert.That(seenByA.Single().OrganisationIds, Is.EqualTo(new[] { _organisationA }), "as for users: never where else they act");
            Assert.That(revokedByA.OrganisationIds, Is.EqualTo(new[] { _organisationA }));
        });
    }

    [Test]
    public async Task Invitations_AreListedToWhoManagesThePerson_AndRevokedByThem()
    {
        var coordinatorA = (await _services.Users.CreateAsync(System, new UserFields("coord-a@example.org", "Coord A", UserRoles.Coordinator,
            [_organisationA]), default)).Value!;
        var asCoordinator = new Caller(coordinatorA.Id, coordinatorA.Email, UserRoles.Coordinator, new HashSet<long> { _organisationA })
        {
            DisplayName = coordinatorA.DisplayName,
        };
        await InviteAsync(asCoordinator, "benevole-a@example.org", _organisationA);
        await InviteAsync(System, "benevole-b@example.org", _organisationB);
        var refused = await _invitations.InviteAsync(asCoordinator, new UserFields("benevole-b@example.org", "B", UserRoles.Volunteer, [_organisationA]),
            Site, default);

        var seenByA = (await _invitations.ListAsync(asCoordinator, default)).Value!;
        var seenByAdmin = (await _invitations.ListAsync(System, default)).Value!;
        var otherOne = seenByAdmin.Single(i => i.Email == "benevole-b@example.org");
        var hidden = await _invitations.RevokeAsync(asCoordinator, otherOne.Id, default);
        var revoked = await _invitations.RevokeAsync(asCoordinator, seenByA.Single().Id, default);

        Assert.Multiple(async () =>
        {
            Assert.That((refused.Status, refused.Detail?.Code), Is.EqualTo((OutcomeStatus.Conflict, "user_address_unavailable")),
                "someone of another structure, not the coordinator's to invite");
            Assert.That(seenByA.Select(i => i.Email), Is.EqualTo(new[] { "benevole-a@example.org" }));
            Assert.That(seenByA.Single().InvitedBy, Is.EqualTo("Coord A"));
            Assert.That(seenByAdmin, Has.Count.EqualTo(2));
            Assert.That(hidden.Status, Is.EqualTo(OutcomeStatus.NotFound));
            Assert.That(revoked.IsOk, Is.True);
            Assert.That((await _invitations.ListAsync(System, default)).Value!.Select(i => i.Email), Is.EqualTo(new[] { "benevole-b@example.org" }));
        });
    }

    /// <summary>Invites a volunteer of the organisation; the secret of the link their e-mail carries.</summary>
    private async Task<string> InviteAsync(Caller caller, string email, long organisation)
    {
        var sent = await _invitations.InviteAsync(caller, new UserFields(email, "Nina", UserRoles.Volunteer, [organisation]), Site, default);
        Assert.That(sent.IsOk, Is.True, sent.Detail?.ToString() ?? string.Join(", ", sent.Errors?.Keys ?? []));
        return EmlMailbox.SignInSecret(await EmlMailbox.ByKeyAsync(_mail.FullName, $"invitation-{sent.Value!.Invitation.Id}"));
    }
}
