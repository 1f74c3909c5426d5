using System.Globalization;
using CampaignDesk.Core.Audit;
using CampaignDesk.Core.Campaigns;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Interactions;
using CampaignDesk.Core.Organisations;
using CampaignDesk.Core.Tasks;
using CampaignDesk.Core.Users;
using CampaignDesk.TestSupport;
using Dapper;
using Microsoft.Extensions.Time.Testing;

namespace CampaignDesk.Core.Tests.Users;

/// <summary>Users, tokens, tasks, interactions and the audit trail on every engine (the API tests run on SQLite).</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public class AccessContractTests(DatabaseProvider provider)
{
    private static readonly Caller System = Caller.System("test");

    private TestDatabase _db = null!;
    private FakeTimeProvider _time = null!;
    private UserService _users = null!;
    private AccessTokens _tokens = null!;
    private TaskService _tasks = null!;
    private InteractionService _interactions = null!;
    private AuditLog _audit = null!;
    private long _organisationA;
    private long _organisationB;
    private long _official;

    [OneTimeSetUp]
    public void RequireEngine() => TestDatabase.RequireConfigured(provider);

    [SetUp]
    public async Task CreateDatabase()
    {
        _db = await (await TestDatabase.CreateAsync(provider)).MigratedAsync();
        _time = TestClock.Create();
        var database = _db.Database;
        var services = new CoreServices(database, _time);
        _audit = services.Audit;
        _tokens = services.Tokens;
        _users = services.Users;
        _interactions = services.Interactions;
        _tasks = services.Tasks;
        var organisations = services.Organisations;
        _organisationA = (await organisations.InsertAsync(new OrganisationFields("federation", "federation", "Fédération A"), default))!.Value;
        _organisationB = (await organisations.InsertAsync(new OrganisationFields("federation", "federation", "Fédération B"), default))!.Value;
        _official = await services.InsertOfficialAsync();
    }

    [TearDown]
    public async Task DropDatabase() => await _db.DisposeAsync();

    [Test]
    public async Task Token_IsValidUntilItExpiresOrIsRevoked_AndCarriesRoleAndOrganisations()
    {
        var user = await CreateAsync("coordinatrice@example.org", UserRoles.Coordinator, _organisationA);
        var issued = (await _users.IssueTokenAsync(System, user.Id, "portable", 2, default)).Value!;

        var valid = await _tokens.CheckAsync(issued.Token, AccessTokens.Api, default);
        _time.Advance(TimeSpan.FromDays(3));
        var expired = await _tokens.CheckAsync(issued.Token, AccessTokens.Api, default);
        var other = (await _users.IssueTokenAsync(System, user.Id, null, null, default)).Value!;
        await _users.RevokeTokenAsync(System, user.Id, other.Info.Id, default);
        var revoked = await _tokens.CheckAsync(other.Token, AccessTokens.Api, default);
        var wrongPurpose = await _tokens.CheckAsync(issued.Token, AccessTokens.Calendar, default);

        Assert.Multiple(() =>
        {
            Assert.That(valid.Status, Is.EqualTo(TokenStatus.Valid));
            Assert.That(valid.Caller!.Role, Is.EqualTo(UserRoles.Coordinator));
            Assert.That(valid.Caller.OrganisationIds, Is.EquivalentTo(new[] { _organisationA }));
            Assert.That(expired.Status, Is.EqualTo(TokenStatus.Expired));
            Assert.That(revoked.Status, Is.EqualTo(TokenStatus.Revoked));
            Assert.That(wrongPurpose.Status, Is.EqualTo(TokenStatus.Unknown), "an API token is no calendar secret");
        });
    }

    [Test]
    public async Task DuplicateEmail_IsAConflict_AndChangesNothing()
    {
        await CreateAsync("benevole@example.org", UserRoles.Volunteer, _organisationA);

        var again = await _users.CreateAsync(System, new UserFields("Benevole@Example.org", "Autre", UserRoles.Volunteer, [_organisationB]), default);
        var all = (await _users.SearchAsync(System, new UserQuery(null, null, null, PageRequest.First), default)).Value!;

        Assert.That(again.Status, Is.EqualTo(OutcomeStatus.Conflict));
        Assert.That(all.Total, Is.EqualTo(1));
    }

    [Test]
    public async Task DisableAndReorganise_AreAuditedWithBeforeAndAfter()
    {
        var user = await CreateAsync("benevole@example.org", UserRoles.Volunteer, _organisationA);

        var updated = await _users.UpdateAsync(System, user.Id, new UserFields(null, null, null, [_organisationB], Disabled: true), user.Version, default);
        var check = await _tokens.CheckAsync((await _users.IssueTokenAsync(System, user.Id, null, null, default)).Value!.Token, AccessTokens.Api, default);
        var audit = await _audit.SearchAsync(new AuditQuery("user", user.Id.ToString(CultureInfo.InvariantCulture), null, null,
            PageRequest.First), default);

        Assert.Multiple(() =>
        {
            Assert.That(updated.Value!.Disabled, Is.True);
            Assert.That(updated.Value.OrganisationIds, Is.EqualTo(new[] { _organisationB }));
            Assert.That(check.Status, Is.EqualTo(TokenStatus.UserDisabled));
            Assert.That(audit.Items.Select(e => e.Action), Is.EqualTo(new[] { "update", "create" }));
            Assert.That(audit.Items[0].Before!.Value.GetProperty("disabled").GetBoolean(), Is.False);
            Assert.That(audit.Items[0].After!.Value.GetProperty("disabled").GetBoolean(), Is.True);
        });
    }

    [Test]
    public async Task ConfidentialInteractions_AreVisibleToTheirOrganisationAndAdminsOnly()
    {
        var a = Of(await CreateAsync("a@example.org", UserRoles.Volunteer, _organisationA));
        var b = Of(await CreateAsync("b@example.org", UserRoles.Volunteer, _organisationB));
        var observer = Of(await CreateAsync("o@example.org", UserRoles.Observer, null));
        var secret = (await _interactions.LogAsync(a, Input(_organisationA, confidential: true), default)).Value!;
        var shared = (await _interactions.LogAsync(a, Input(_organisationA, confidential: false), default)).Value!;

        var query = new InteractionQuery(_official, null, null, PageRequest.First);
        Assert.Multiple(async () =>
        {
            Assert.That((await _interactions.SearchAsync(a, query, default)).Items.Select(i => i.Id), Is.EquivalentTo(new[] { secret.Id, shared.Id }));
            Assert.That((await _interactions.SearchAsync(b, query, default)).Items.Select(i => i.Id), Is.EqualTo(new[] { shared.Id }));
            Assert.That((await _interactions.SearchAsync(observer, query, default)).Items.Select(i => i.Id), Is.EqualTo(new[] { shared.Id }));
            Assert.That((await _interactions.SearchAsync(System, query, default)).Total, Is.EqualTo(2));
            Assert.That((await _interactions.GetAsync(b, secret.Id, default)).Status, Is.EqualTo(OutcomeStatus.NotFound));
            Assert.That((await _interactions.LogAsync(b, Input(_organisationA, false), default)).Status, Is.EqualTo(OutcomeStatus.Forbidden));
        });
    }

    [Test]
    public async Task Correction_ByItsAuthorOrACoordinator_IsAudited_ButAnotherVolunteerIsRefused()
    {
        var author = Of(await CreateAsync("a@example.org", UserRoles.Volunteer, _organisationA));
        var colleague = Of(await CreateAsync("c@example.org", UserRoles.Volunteer, _organisationA));
        var coordinator = Of(await CreateAsync("k@example.org", UserRoles.Coordinator, _organisationA));
        var logged = (await _interactions.LogAsync(author, Input(_organisationA, confidential: false), default)).Value!;

        var byAuthor = await _interactions.UpdateAsync(author, logged.Id, new InteractionInput(null, null, null, null, null, null, "meeting_set", null, null), default);
        var byColleague = await _interactions.UpdateAsync(colleague, logged.Id, new InteractionInput(null, null, null, null, null, null, "declined", null, null), default);
        var byCoordinator = await _interactions.UpdateAsync(coordinator, logged.Id, new InteractionInput(null, null, null, null, null, null, null, "", true), default);
        var moved = await _interactions.UpdateAsync(coordinator, logged.Id, new InteractionInput(_organisationB, null, null, null, null, null, null, null, null), default);
        var audit = await _audit.SearchAsync(new AuditQuery("interaction", logged.Id.ToString(CultureInfo.InvariantCulture), null, null, PageRequest.First), default);

        Assert.Multiple(() =>
        {
            Assert.That(byAuthor.Value?.Outcome, Is.EqualTo("meeting_set"));
            Assert.That(byColleague.Status, Is.EqualTo(OutcomeStatus.Forbidden));
            Assert.That(byCoordinator.Value?.Confidential, Is.True);
            Assert.That(byCoordinator.Value?.Notes, Is.Null, "an empty note clears it");
            Assert.That(byCoordinator.Value?.Outcome, Is.EqualTo("meeting_set"), "fields not given keep their value");
            Assert.That(moved.Status, Is.EqualTo(OutcomeStatus.Invalid));
            Assert.That(audit.Items.Select(e => e.Action), Is.EqualTo(new[] { "update", "update", "create" }));
            Assert.That(audit.Items[1].Before!.Value.GetProperty("outcome").GetString(), Is.EqualTo("spoke"));
        });
    }

    [Test]
    public async Task CompletingATask_LogsItsInteraction_AndTwoRacingCompletionsCloseItOnce()
    {
        var volunteer = await CreateAsync("a@example.org", UserRoles.Volunteer, _organisationA);
        var task = (await _tasks.CreateAsync(System, new TaskInput(volunteer.Id, _official, _organisationA, null, "call",
            ParisTime.Today(_time).AddDays(2), "Appeler"), default)).Value!;

        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
            _tasks.CompleteAsync(Of(volunteer), task.Id, Input(null, false), default))));
        var interactions = await _interactions.SearchAsync(System, new InteractionQuery(_official, null, null, PageRequest.First), default);

        Assert.That(results.Count(r => r.IsOk), Is.EqualTo(1), string.Join(", ", results.Select(r => r.Status)));
        Assert.That(interactions.Total, Is.EqualTo(1), "the losing completion left no interaction behind");
    }

    private async Task<User> CreateAsync(string email, string role, long? organisation)
    {
        var created = await _users.CreateAsync(System, new UserFields(email, email.Split('@')[0], role, organisation is null ? [] : [organisation.Value]),
            default);
        Assert.That(created.IsOk, Is.True, $"{created.Status} {created.Detail} {string.Join(", ", created.Errors?.Keys ?? [])}");
        return created.Value!;
    }

    private static Caller Of(User user) => new(user.Id, user.Email, user.Role, user.OrganisationIds.ToHashSet());

    private InteractionInput Input(long? organisation, bool confidential) =>
        new(organisation, organisation is null ? null : _official, null, "phone", null, null, "spoke", "Échange cordial", confidential);
}
