namespace CampaignDesk.Core.Hosting;

/// <summary>
/// Work that must succeed before the host starts (schema, seed, credentials). <see cref="HostRunner"/> runs these
/// first so that a failure ends the process with its message alone; each must be safe to run twice.
/// </summary>
public interface IStartupTask
{
    Task RunAsync(CancellationToken cancellationToken);
}
