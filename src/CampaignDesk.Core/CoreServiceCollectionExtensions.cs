using CampaignDesk.Core.Audit;
using CampaignDesk.Core.Campaigns;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.FollowUps;
using CampaignDesk.Core.Hosting;
using CampaignDesk.Core.Import;
using CampaignDesk.Core.Import.Refresh;
using CampaignDesk.Core.Interactions;
using CampaignDesk.Core.Jobs;
using CampaignDesk.Core.Mail;
using CampaignDesk.Core.Mail.Graph;
using CampaignDesk.Core.Observability;
using CampaignDesk.Core.Officials;
using CampaignDesk.Core.Organisations;
using CampaignDesk.Core.Positions;
using CampaignDesk.Core.Replies;
using CampaignDesk.Core.Seed;
using CampaignDesk.Core.SignIn;
using CampaignDesk.Core.Tasks;
using CampaignDesk.Core.Territories;
using CampaignDesk.Core.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CampaignDesk.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>The database, the features' stores and services, and the start-up migration and seeding.</summary>
    public static IServiceCollection AddCampaignDeskCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<CampaignDeskMetrics>();

        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName).ValidateOnStart();
        services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.SectionName).ValidateOnStart();
        // How long a stop (SIGTERM) waits for requests and jobs under way (HostOptions:ShutdownTimeout, 30 s by default).
        services.AddOptions<HostOptions>().BindConfiguration("HostOptions");
        services.AddOptions<WorkerOptions>().BindConfiguration(WorkerOptions.SectionName)
            .Validate(o => o.HeartbeatInterval >= TimeSpan.FromSeconds(1) && o.HeartbeatInterval <= TimeSpan.FromHours(1),
                "Worker:HeartbeatInterval must be between 00:00:01 and 01:00:00.")
            .ValidateOnStart();

        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var root = provider.GetRequiredService<IHostEnvironment>().ContentRootPath;
            var connectionString = ConnectionStrings.Resolve(options, root);
            return new Database(options.ParsedProvider, connectionString, options.CommandTimeoutSeconds);
        });
        services.AddSingleton<MigrationRunner>();
        services.AddSingleton<OrganisationSeeder>();
        services.AddSingleton<OfficialSeeder>();
        services.AddSingleton<CampaignSeeder>();
        services.AddSingleton<ImportRunStore>();
        services.AddSingleton<RneImporter>();
        services.AddSingleton<ParliamentImporter>();
        services.AddSingleton<ImportReverter>();
        services.AddOptions<ImportSettings>().BindConfiguration(ImportSettings.SectionName)
            .Validate(o => o.MaxStoredIssues >= 1, "Import:MaxStoredIssues must be at least 1.")
            .Validate(o => o.MaxUploadBytes >= 1024, "Import:MaxUploadBytes must be at least 1024.")
            .ValidateOnStart();
        services.AddSingleton<ImportService>();
        services.AddOptions<RefreshOptions>().BindConfiguration(RefreshOptions.SectionName)
            .Validate(o => !o.Enabled || o.BaseUrl is { IsAbsoluteUri: true }, "Import:Refresh:BaseUrl must be an absolute URL when Import:Refresh:Enabled is true.")
            .Validate(o => o.Interval >= TimeSpan.FromMinutes(1), "Import:Refresh:Interval must be at least one minute.")
            .ValidateOnStart();
        services.AddHttpClient<OfficialsRefresher>(client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<DatabaseStartup>();
        services.AddSingleton<IStartupTask>(provider => provider.GetRequiredService<DatabaseStartup>());
        services.AddHostedService(provider => provider.GetRequiredService<DatabaseStartup>());

        services.AddSingleton<TerritoryLoader>();
        services.AddSingleton<TerritoryQueries>();
        services.AddSingleton<OfficialQueries>();
        services.AddSingleton<OrganisationOfficials>();
        services.AddSingleton<OfficialActions>();
        services.AddSingleton<OrganisationStore>();
        services.AddSingleton<OrganisationService>();
        services.AddSingleton<WorkerHeartbeatStore>();
        services.AddSingleton<Installation>();
        services.AddSingleton<WriteProbe>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<UserStore>();
        services.AddSingleton<AccessTokens>();
        services.AddSingleton<UserService>();
        services.AddSingleton<IValidateOptions<SignInOptions>, SignInOptionsValidator>();
        services.AddOptions<SignInOptions>().BindConfiguration(SignInOptions.SectionName).ValidateOnStart();
        services.AddSingleton<SignInLinks>();
        services.AddSingleton<WebSessions>();
        services.AddSingleton<SignInService>();
        services.AddSingleton<InvitationService>();
        services.AddSingleton<CampaignService>();
        services.AddSingleton<CampaignRules>();
        services.AddSingleton<CampaignProgress>();
        services.AddSingleton<FollowUps.FollowUpOutbox>();
        services.AddSingleton<Outreach.OutreachEffects>();
        services.AddSingleton<InteractionService>();
        services.AddSingleton<InteractionStore>();
        services.AddSingleton<Coordination>();
        services.AddOptions<CoordinationOptions>().BindConfiguration(CoordinationOptions.SectionName)
            .Validate(o => o.Window >= TimeSpan.Zero && o.Window <= TimeSpan.FromDays(365), "Coordination:Window must be between 0 and 365 days.")
            .ValidateOnStart();
        services.AddSingleton<TaskService>();
        services.AddSingleton<TaskBatches>();
        services.AddSingleton<CallScripts>();
        services.AddSingleton<TeamBoard>();
        services.AddSingleton<TaskReminders>();
        services.AddSingleton<Lobbying.RegisterQueries>();
        services.AddSingleton<Lobbying.RegisterService>();
        services.AddSingleton<Lobbying.RegisterWarnings>();
        services.AddSingleton<Lobbying.Declarations>();
        services.AddSingleton<Lobbying.Responsiveness>();
        services.AddOptions<Lobbying.RegisterWarningOptions>().BindConfiguration(Lobbying.RegisterWarningOptions.SectionName)
            .Validate(o => o.Interval >= TimeSpan.FromMinutes(1), "Register:Warnings:Interval must be at least one minute.")
            .ValidateOnStart();
        services.AddOptions<Common.WebOptions>().BindConfiguration(Common.WebOptions.SectionName)
            .Validate(o => o.IsValid, "Web:PublicUrl must be an absolute http or https URL, without query, fragment or credentials (e.g. https://campagne.example.org).")
            .ValidateOnStart();
        services.AddSingleton<TaskCalendar>();
        services.AddSingleton<PositionService>();
        services.AddSingleton<CoverageService>();
        services.AddSingleton<TargetPreviews>();
        services.AddSingleton<Timeline>();
        services.AddOptions<TaskReminderOptions>().BindConfiguration(TaskReminderOptions.SectionName)
            .Validate(o => o.Interval >= TimeSpan.FromMinutes(1) && o.DueSoonDays is >= 0 and <= 30,
                "Tasks:Reminders:Interval must be at least one minute and DueSoonDays between 0 and 30.")
            .ValidateOnStart();
        services.AddSingleton<TemplateService>();
        services.AddSingleton<FollowUpService>();
        services.AddSingleton<WaitingFollowUps>();
        services.AddSingleton<FollowUpBatches>();
        services.AddSingleton<FollowUpDispatcher>();
        services.AddSingleton<FollowUpRules>();
        services.AddOptions<SendingWindow>().BindConfiguration(SendingWindow.SectionName)
            .Validate(o => Valid(o.Validate), "FollowUps:SendingWindow needs at least one day and an end after its start.")
            .ValidateOnStart();
        services.AddOptions<FollowUpOptions>().BindConfiguration(FollowUpOptions.SectionName)
            .Validate(o => o.Dispatch.Interval >= TimeSpan.FromSeconds(1) && o.Dispatch.Lease >= TimeSpan.FromSeconds(10)
                && o.Dispatch.ClaimPerMailbox is >= 1 and <= 1000 && o.Dispatch.ClaimPerRound is >= 1 and <= 10_000 && o.Dispatch.Concurrency is >= 1 and <= 256 && o.Dispatch.MaxAttempts is >= 1 and <= 100
                && o.Rules.Interval >= TimeSpan.FromMinutes(1),
                "FollowUps:Dispatch needs Interval ≥ 1 s, Lease ≥ 10 s, ClaimPerMailbox 1–1000, ClaimPerRound 1–10,000, Concurrency 1–256, MaxAttempts 1–100; FollowUps:Rules:Interval ≥ 1 min.")
            .Validate<IOptions<MailOptions>, IOptions<GraphOptions>>((o, mail, graph) =>
                    !string.Equals(mail.Value.Transport, "graph", StringComparison.OrdinalIgnoreCase) || o.Dispatch.Lease > graph.Value.TotalTimeout,
                "FollowUps:Dispatch:Lease must be longer than Graph:TotalTimeout, or a send still running could be taken over and made twice.")
            .ValidateOnStart();
        services.AddSingleton<MailboxSyncStore>();
        services.AddSingleton<ReplyRecorder>();
        services.AddSingleton<ReplyCollector>();
        services.AddSingleton<TriageService>();
        services.AddSingleton<Parliament.ProposalMatcher>();
        services.AddSingleton<Parliament.ParliamentImportService>();
        services.AddSingleton<Parliament.WatchService>();
        services.AddSingleton<Parliament.VoteRecommendations>();
        services.AddSingleton<Parliament.ParliamentVotes>();
        services.AddSingleton<Parliament.ProposalService>();
        services.AddSingleton<ParliamentSeeder>();
        services.AddOptions<Parliament.ParliamentFetchOptions>().BindConfiguration(Parliament.ParliamentFetchOptions.SectionName)
            .Validate(o => !o.Enabled || o.BaseUrl is { IsAbsoluteUri: true }, "Import:Parliament:BaseUrl must be an absolute URL when Import:Parliament:Enabled is true.")
            .Validate(o => o.Interval >= TimeSpan.FromMinutes(1), "Import:Parliament:Interval must be at least one minute.")
            .ValidateOnStart();
        services.AddHttpClient<Parliament.ParliamentFetcher>(client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<Mail.Graph.GraphInboxReader>();
        services.AddOptions<ReplyOptions>().BindConfiguration(ReplyOptions.SectionName)
            .Validate(o => o.Interval >= TimeSpan.FromSeconds(10) && o.PageSize is >= 1 and <= 1000
                && o.InitialLookback >= TimeSpan.Zero && o.InitialLookback <= TimeSpan.FromDays(365),
                "Replies needs Interval ≥ 10 s, PageSize 1–1000 and InitialLookback between 0 and 365 days.")
            .ValidateOnStart();
        services.AddCampaignDeskMail();
        return services;
    }

    private static bool Valid(Action<Common.Errors> validate)
    {
        var errors = new Common.Errors();
        validate(errors);
        return !errors.Any;
    }
}
