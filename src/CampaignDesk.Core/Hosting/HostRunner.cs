using CampaignDesk.Core.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CampaignDesk.Core.Hosting;

public static class HostRunner
{
    /// <summary>
    /// Runs the start-up tasks, then the host. A configuration or database problem ends the process with its
    /// message (exit code 1) instead of a stack trace; anything unexpected still surfaces whole.
    /// </summary>
    public static async Task<int> RunAsync(IHost host)
    {
        try
        {
            foreach (var task in host.Services.GetServices<IStartupTask>())
            {
                await task.RunAsync(CancellationToken.None);
            }

            await host.RunAsync();
            return 0;
        }
        catch (Exception ex) when (IsStartupProblem(ex))
        {
            await Console.Error.WriteLineAsync($"CampaignDesk cannot start: {ex.Message}");
            return 1;
        }
    }

    public static bool IsStartupProblem(Exception ex) =>
        ex is StartupException or DatabaseUnavailableException or OptionsValidationException or InvalidDataException;
}
