using CampaignDesk.Core.Audit;
using CampaignDesk.Core.Campaigns;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.FollowUps;
using CampaignDesk.Core.Interactions;
using CampaignDesk.Core.Mail;
using CampaignDesk.Core.Organisations;
using CampaignDesk.Core.Outreach;
using CampaignDesk.Core.Positions;
using CampaignDesk.Core.SignIn;
using CampaignDesk.Core.Tasks;
using CampaignDesk.Core.Text;
using CampaignDesk.Core.Users;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CampaignDesk.Core.Tests;

/// <summary>The features' services wired by hand on one database and clock, as the DI container wires them.</summary>
internal sealed class CoreServices
{
    private readonly Database _database;
    private readonly TimeProvider _time;

    public CoreServices(Database database, TimeProvider time)
    {
        _database = database;
        _time = time;
        Audit = new AuditLog(database, time);
        Tokens = new AccessTokens(database, time);
        Sessions = new WebSessions(database, Options.Create(new SignInOptions()), time);
        Users = new UserService(database, new UserStore(database, time), Tokens, Sessions, Audit, time);
        Organisations = new OrganisationStore(database, time);
        Campaigns = new CampaignService(database, Audit, time);
        var coordination = new Coordination(Options.Create(new CoordinationOptions()), time);
        CampaignRules = new CampaignRules(time);
        Effects = new OutreachEffects(new CampaignProgress(), new FollowUpOutbox(time));
        Interactions = new InteractionService(database, new InteractionStore(time), Audit, coordination, CampaignRules, Effects, time);
        Tasks = new TaskService(database, Interactions, coordination, CampaignRules, Audit, time);
        Positions = new PositionService(database, Audit, CampaignRules, Effects, time);
        Coverage = new CoverageService(database);
        Templates = new TemplateService(database, Audit, time);
        FollowUps = new FollowUpService(database, Audit, CampaignRules, new FollowUpOutbox(time), Options.Create(new SendingWindow()), time);
    }

    public TemplateService Templates { get; }
    public FollowUpService FollowUps { get; }

    public FollowUpDispatcher Dispatcher(IMailTransport transport, FollowUpOptions? options = null) => new(_database, new FollowUpOutbox(_time), Interactions,
        transport, Options.Create(options ?? new FollowUpOptions()), Options.Create(new SendingWindow()), _time, NullLogger<FollowUpDispatcher>.Instance);

    public FollowUpRules Rules() => new(_database, FollowUps, _time, NullLogger<FollowUpRules>.Instance);

    public CampaignRules CampaignRules { get; }
    public OutreachEffects Effects { get; }
    public AuditLog Audit { get; }
    public AccessTokens Tokens { get; }
    public WebSessions Sessions { get; }
    public UserService Users { get; }
    public OrganisationStore Organisations { get; }
    public CampaignService Campaigns { get; }
    public InteractionService Interactions { get; }
    public TaskService Tasks { get; }
    public PositionService Positions { get; }
    public CoverageService Coverage { get; }

    /// <summary>An official with no mandate, as a directory row the features can point at.</summary>
    public async Task<long> InsertOfficialAsync(string lastName = "CHATELAIN", string firstName = "Cyrielle")
    {
        await using var connection = await _database.OpenAsync(default);
        return await connection.ExecuteScalarAsync<long>(_database.Dialect.InsertReturningId("officials",
            "last_name, first_name, search_text, created_utc, updated_utc", "@lastName, @firstName, @search, @now, @now"),
            new { lastName, firstName, search = SearchText.Fold($"{lastName} {firstName}"), now = _time.GetUtcNow().UtcDateTime });
    }
}
