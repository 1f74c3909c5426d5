using CampaignDesk.Core.Hosting;
using Microsoft.Extensions.Options;

namespace CampaignDesk.Api.Auth;

/// <summary>Checks Auth:Entra before anything is written (admin token file, database), not only when the host starts.</summary>
internal sealed class EntraStartup(IOptions<EntraOptions> options) : IStartupTask
{
    public Task RunAsync(CancellationToken cancellationToken)
    {
        _ = options.Value;
        return Task.CompletedTask;
    }
}
