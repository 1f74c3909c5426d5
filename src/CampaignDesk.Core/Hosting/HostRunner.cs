using CampaignDesk.Core.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CampaignDesk.Core.Hosting;

public static class HostRunner
{
    /// <summary>
    /// Runs the host; a configuration or database problem at start-up ends the process with its message
    /// (exit code 1) instead of a stack trace.
    /// </summary>
    public static async Task<int> RunAsync(IHost host)
    {
        try
        {
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
        ex is DatabaseUnavailableException or OptionsValidationException or InvalidDataException
            or InvalidOperationException { Source: "CampaignDesk.Core" };
}
