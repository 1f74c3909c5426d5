using System.Data.Common;
using CampaignDesk.Core.Data;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CampaignDesk.Core.Jobs;

/// <summary>
/// Says why a job run failed, once, in place of Quartz's two errors with stacks (filtered out in AddCampaignDeskJobs). A database outage is a warning (the job runs again at its next
/// interval, which is the back-off: no job retries in a loop); anything else an error with its stack; a run stopped by
/// shutdown, information.
/// </summary>
public sealed class JobFailureLogger(Database database, ILogger<JobFailureLogger> logger) : IJobListener
{
    public string Name => "campaigndesk-job-failures";

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        // Quartz wraps the job's exception once or twice: what the job threw is inside.
        Exception? error = jobException;
        while (error?.InnerException is not null && error.GetType().Namespace == typeof(IJob).Namespace)
        {
            error = error.InnerException;
        }

        var job = context.JobDetail.Key.Name;
        switch (error)
        {
            case null:
                break;
            case OperationCanceledException:
                logger.LogInformation("Job {Job} stopped by shutdown", job);
                break;
            case DbException db when database.Dialect.IsUnavailable(db):
            case DatabaseUnavailableException or TimeoutException:
                logger.LogWarning("Job {Job} could not use the database ({Reason}); it runs again at {NextRun:u}", job,
                    database.Dialect.DescribeFailure(error), context.NextFireTimeUtc);
                break;
            default:
                logger.LogError(error, "Job {Job} failed; it runs again at {NextRun:u}", job, context.NextFireTimeUtc);
                break;
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
}
