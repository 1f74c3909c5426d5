using CampaignDesk.Core.FollowUps;
using CampaignDesk.Core.Import.Refresh;
using CampaignDesk.Core.Mail;
using CampaignDesk.Core.Replies;
using CampaignDesk.Core.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CampaignDesk.Core.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>The Quartz scheduler and every CampaignDesk job. The database holds the work; Quartz only triggers it.</summary>
    public static IServiceCollection AddCampaignDeskJobs(this IServiceCollection services, IConfiguration configuration)
    {
        // Jobs in DI so that ValidateOnBuild checks their constructors.
        services.AddTransient<WorkerHeartbeatJob>();
        services.AddTransient<OfficialsRefreshJob>();
        services.AddTransient<TaskReminderJob>();
        services.AddTransient<FollowUpDispatchJob>();
        services.AddTransient<FollowUpRuleJob>();
        services.AddTransient<ReplyJob>();
        var replies = configuration.GetSection(ReplyOptions.SectionName).Get<ReplyOptions>() ?? new ReplyOptions();
        var mail = configuration.GetSection(MailOptions.SectionName).Get<MailOptions>() ?? new MailOptions();
        var readReplies = replies.Enabled ?? string.Equals(mail.Transport, "graph", StringComparison.OrdinalIgnoreCase);
        var followUps = configuration.GetSection(FollowUpOptions.SectionName).Get<FollowUpOptions>() ?? new FollowUpOptions();
        var reminders = configuration.GetSection(TaskReminderOptions.SectionName).Get<TaskReminderOptions>() ?? new TaskReminderOptions();
        var refresh = configuration.GetSection(RefreshOptions.SectionName).Get<RefreshOptions>() ?? new RefreshOptions();
        var options = configuration.GetSection(WorkerOptions.SectionName).Get<WorkerOptions>() ?? new WorkerOptions();
        services.AddQuartz(properties: new System.Collections.Specialized.NameValueCollection { ["quartz.scheduler.instanceName"] = "CampaignDesk" }, quartz =>
        {
            quartz.AddJob<WorkerHeartbeatJob>(job => job.WithIdentity(WorkerHeartbeatJob.Key));
            quartz.AddTrigger(trigger => trigger
                .ForJob(WorkerHeartbeatJob.Key)
                .WithIdentity("worker-heartbeat", "campaigndesk")
                .StartNow()
                .WithSimpleSchedule(schedule => schedule.WithInterval(options.HeartbeatInterval).RepeatForever()));
            if (refresh.Enabled)
            {
                quartz.AddJob<OfficialsRefreshJob>(job => job.WithIdentity(OfficialsRefreshJob.Key));
                quartz.AddTrigger(trigger => trigger
                    .ForJob(OfficialsRefreshJob.Key)
                    .WithIdentity("officials-refresh", "campaigndesk")
                    .StartAt(DateTimeOffset.UtcNow.AddMinutes(1))
                    .WithSimpleSchedule(schedule => schedule.WithInterval(refresh.Interval).RepeatForever()));
            }

            if (reminders.Enabled)
            {
                quartz.AddJob<TaskReminderJob>(job => job.WithIdentity(TaskReminderJob.Key));
                quartz.AddTrigger(trigger => trigger
                    .ForJob(TaskReminderJob.Key)
                    .WithIdentity("task-reminders", "campaigndesk")
                    .StartAt(DateTimeOffset.UtcNow.AddSeconds(30))
                    .WithSimpleSchedule(schedule => schedule.WithInterval(reminders.Interval).RepeatForever()));
            }

            if (followUps.Dispatch.Enabled)
            {
                quartz.AddJob<FollowUpDispatchJob>(job => job.WithIdentity(FollowUpDispatchJob.Key));
                quartz.AddTrigger(trigger => trigger
                    .ForJob(FollowUpDispatchJob.Key)
                    .WithIdentity("followup-dispatch", "campaigndesk")
                    .StartNow()
                    .WithSimpleSchedule(schedule => schedule.WithInterval(followUps.Dispatch.Interval).RepeatForever()));
            }

            if (followUps.Rules.Enabled)
            {
                quartz.AddJob<FollowUpRuleJob>(job => job.WithIdentity(FollowUpRuleJob.Key));
                quartz.AddTrigger(trigger => trigger
                    .ForJob(FollowUpRuleJob.Key)
                    .WithIdentity("followup-rules", "campaigndesk")
                    .StartAt(DateTimeOffset.UtcNow.AddSeconds(45))
                    .WithSimpleSchedule(schedule => schedule.WithInterval(followUps.Rules.Interval).RepeatForever()));
            }

            if (readReplies)
            {
                quartz.AddJob<ReplyJob>(job => job.WithIdentity(ReplyJob.Key));
                quartz.AddTrigger(trigger => trigger
                    .ForJob(ReplyJob.Key)
                    .WithIdentity("mail-replies", "campaigndesk")
                    .StartAt(DateTimeOffset.UtcNow.AddSeconds(20))
                    .WithSimpleSchedule(schedule => schedule.WithInterval(replies.Interval).RepeatForever()));
            }
        });
        services.AddQuartzHostedService(quartz => quartz.WaitForJobsToComplete = true);
        return services;
    }
}
