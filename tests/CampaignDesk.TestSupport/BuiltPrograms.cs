using System.Net;
using System.Net.Sockets;
using NUnit.Framework;

namespace CampaignDesk.TestSupport;

/// <summary>The built CampaignDesk programs, to run as real processes beside the test run (same configuration).</summary>
public static class BuiltPrograms
{
    public static string Api => Locate("CampaignDesk.Api");

    public static string Worker => Locate("CampaignDesk.Worker");

    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CampaignDesk.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("CampaignDesk.sln not found above the test folder.");
        }
    }

    /// <summary>A loopback port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // tests/X.Tests/bin/<Configuration>/<tfm>/ → src/<project>/bin/<Configuration>/<tfm>/<project>.dll
    private static string Locate(string project)
    {
        var testDirectory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        var tfm = testDirectory.Name;
        var configuration = testDirectory.Parent!.Name;
        var path = Path.Combine(RepositoryRoot, "src", project, "bin", configuration, tfm, project + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build {project} first: {path} is missing.", path);
    }
}
