using CampaignDesk.Core.FollowUps;
using CampaignDesk.Core.Import.Refresh;
using CampaignDesk.Core.Mail;
using CampaignDesk.Core.Replies;
using CampaignDesk.Core.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CampaignDesk.Core.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>The Quartz scheduler and every CampaignDesk job. The database holds the work; Quartz only triggers it.</summary>
    public static IServiceCollection AddCampaignDeskJobs(this IServiceCollection services, IConfiguration configuration)
    {
        // Jobs in DI so that ValidateOnBuild checks their constructors.
        // A failed run is logged once by JobFailureLogger (an outage as a warning), not twice with a stack by Quartz.
        services.AddLogging(logging => logging.AddFilter("Quartz.Core.JobRunShell", LogLevel.Critical).AddFilter("Quartz.Core.ErrorLogger", LogLevel.Critical));
        services.AddTransient<WorkerHeartbeatJob>();
        services.AddTransient<OfficialsRefreshJob>();
        services.AddTransient<Parliament.ParliamentFetchJob>();
        services.AddTransient<TaskReminderJob>();
        services.AddTransient<FollowUpDispatchJob>();
        services.AddTransient<FollowUpRuleJob>();
        services.AddTransient<ReplyJob>();
        services.AddTransient<Lobbying.RegisterWarningJob>();
        var replies = configuration.GetSection(ReplyOptions.SectionName).Get<ReplyOptions>() ?? new ReplyOptions();
        var mail = configuration.GetSection(MailOptions.SectionName).Get<MailOptions>() ?? new MailOptions();
        var readReplies = replies.Enabled ?? string.Equals(mail.Transport, "graph", StringComparison.OrdinalIgnoreCase);
        var followUps = configuration.GetSection(FollowUpOptions.SectionName).Get<FollowUpOptions>() ?? new FollowUpOptions();
        var reminders = configuration.GetSection(TaskReminderOptions.SectionName).Get<TaskReminderOptions>() ?? new TaskReminderOptions();
        var register = configuration.GetSection(Lobbying.RegisterWarningOptions.SectionName).Get<Lobbying.RegisterWarningOptions>()
            ?? new Lobbying.RegisterWarningOptions();
        var refresh = configuration.GetSection(RefreshOptions.SectionName).Get<RefreshOptions>() ?? new RefreshOptions();
        var parliament = configuration.GetSection(Parliament.ParliamentFetchOptions.SectionName).Get<Parliament.ParliamentFetchOptions>()
            ?? new Parliament.ParliamentFetchOptions();
        var options = configuration.GetSection(WorkerOptions.SectionName).Get<WorkerOptions>() ?? new WorkerOptions();
        services.AddQuartz(properties: new System.Collections.Specialized.NameValueCollection { ["quartz.scheduler.instanceName"] = "CampaignDesk" }, quartz =>
        {
            // A job on a fixed interval, first run after a delay (the start-up's own work goes first).
            void Every<TJob>(bool enabled, JobKey key, string trigger, TimeSpan interval, TimeSpan delay)
                where TJob : IJob
            {
                if (enabled)
                {
                    quartz.AddJob<TJob>(job => job.WithIdentity(key));
                    quartz.AddTrigger(t => t
                        .ForJob(key)
                        .WithIdentity(trigger, "campaigndesk")
                        .StartAt(DateTimeOffset.UtcNow + delay)
                        .WithSimpleSchedule(schedule => schedule.WithInterval(interval).RepeatForever()));
                }
            }

            quartz.AddJobListener<JobFailureLogger>(provider => ActivatorUtilities.CreateInstance<JobFailureLogger>(provider),
                [GroupMatcher<JobKey>.GroupEquals("campaigndesk")]);
            Every<WorkerHeartbeatJob>(true, WorkerHeartbeatJob.Key, "worker-heartbeat", options.HeartbeatInterval, TimeSpan.Zero);
            Every<OfficialsRefreshJob>(refresh.Enabled, OfficialsRefreshJob.Key, "officials-refresh", refresh.Interval, TimeSpan.FromMinutes(1));
            Every<Parliament.ParliamentFetchJob>(parliament.Enabled, Parliament.ParliamentFetchJob.Key, "parliament-fetch", parliament.Interval,
                TimeSpan.FromMinutes(2));
            Every<TaskReminderJob>(reminders.Enabled, TaskReminderJob.Key, "task-reminders", reminders.Interval, TimeSpan.FromSeconds(30));
            Every<FollowUpDispatchJob>(followUps.Dispatch.Enabled, FollowUpDispatchJob.Key, "followup-dispatch", followUps.Dispatch.Interval,
                TimeSpan.Zero);
            Every<FollowUpRuleJob>(followUps.Rules.Enabled, FollowUpRuleJob.Key, "followup-rules", followUps.Rules.Interval, TimeSpan.FromSeconds(45));
            Every<Lobbying.RegisterWarningJob>(register.Enabled, Lobbying.RegisterWarningJob.Key, "register-warnings", register.Interval,
                TimeSpan.FromMinutes(2));
            Every<ReplyJob>(readReplies, ReplyJob.Key, "mail-replies", replies.Interval, TimeSpan.FromSeconds(20));
        });
        // On shutdown the running jobs see their token cancelled and are waited for: each stops at its next safe point
        // (the dispatcher finishes its sends under way and hands back the rest), bounded by HostOptions:ShutdownTimeout.
        services.Configure<QuartzSchedulerOptions>(scheduler => scheduler.ShutdownJobInterruption = ShutdownJobInterruption.WhenWaitingForJobs);
        services.AddQuartzHostedService(quartz => quartz.WaitForJobsToComplete = true);
        return services;
    }
}
