using CampaignDesk.Core.Parliament;

namespace CampaignDesk.Api.Cli;

/// <summary>
/// <c>import-parliament FILE...</c>: imports the Assemblée's questions, amendments or votes — a JSON file, a zip of them as
/// the Assemblée publishes them, or a folder of them — or the Sénat's questions (its CSV export), each as one run, and prints
/// its report; exit 1 if any failed.
/// </summary>
internal static class ParliamentCommand
{
    public static async Task<int> ImportAsync(string[] args)
    {
        var files = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (files.Count == 0)
        {
            await Console.Error.WriteLineAsync("Usage: dotnet run --project src/CampaignDesk.Api -- import-parliament FILE_OR_FOLDER...");
            return 2;
        }

        return await ImportFiles.RunAsync(args[files.Count..], files, (services, open, name) =>
            services.GetRequiredService<ParliamentImportService>().ImportAsync(open, name, CancellationToken.None));
    }
}
