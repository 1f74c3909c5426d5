using CampaignDesk.Core.Hosting;

namespace CampaignDesk.Api.Auth;

internal sealed class BootstrapTokenStartup(IServiceProvider services) : IStartupTask
{
    public Task RunAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<BootstrapToken>();
        return Task.CompletedTask;
    }
}
