using CampaignDesk.Core;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Jobs;
using CampaignDesk.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace CampaignDesk.Worker.Tests;

public class WorkerHostTests
{
    [Test]
    public async Task Jobs_AreRegisteredWithResolvableDependenciesAndExplicitNames()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(db.Environment.ToDictionary(e => e.Key.Replace("__", ":"), e => (string?)e.Value));
        builder.Services.AddCampaignDeskCore();
        builder.Services.AddCampaignDeskJobs(builder.Configuration);
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));

        using var host = builder.Build(); // throws if a job's constructor needs something not registered
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var job = await scheduler.GetJobDetail(WorkerHeartbeatJob.Key);

        Assert.That(job, Is.Not.Null);
        Assert.That(job!.JobType.Type, Is.EqualTo(typeof(WorkerHeartbeatJob)));
        Assert.That(job.ConcurrentExecutionDisallowed, Is.True);
    }
}
