using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using NUnit.Framework;

namespace CampaignDesk.TestSupport;

/// <summary>The built API as a real process on a free port, with an admin token and a client that sends it.</summary>
public sealed class ApiProcess : IAsyncDisposable
{
    public const string AdminToken = "outage-test-admin-token-0123456789abcdef";

    private ApiProcess(ChildProcess process, HttpClient http, DirectoryInfo root) => (Process, Http, Root) = (process, http, root);

    public ChildProcess Process { get; }

    public HttpClient Http { get; }

    public DirectoryInfo Root { get; }

    public Uri BaseAddress => Http.BaseAddress!;

    /// <summary>A client that signs in with <paramref name="token"/>.</summary>
    public HttpClient As(string token)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = Http.Timeout };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Starts the API with <paramref name="environment"/> (the database) and waits until it is ready.</summary>
    public static async Task<ApiProcess> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        var root = Directory.CreateTempSubdirectory("campaigndesk-api-");
        var port = BuiltPrograms.FreePort();
        var settings = new Dictionary<string, string>(environment)
        {
            ["Auth__BootstrapAdminToken"] = AdminToken,
            // Several clients share one token here: the per-token limit is not what is under test.
            ["RateLimiting__TokenBurst"] = "100000",
            ["RateLimiting__TokenPerSecond"] = "100000",
        };
        var process = ChildProcess.Start(BuiltPrograms.Api, ["--urls", $"http://127.0.0.1:{port}"], settings, workingDirectory: root.FullName);
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        var api = new ApiProcess(process, http, root);
        var deadline = Stopwatch.StartNew();
        while (!await IsReadyAsync(http))
        {
            // A first start on the embedded default seeds the officials directory: up to a minute on a busy machine.
            if (process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(120))
            {
                await api.DisposeAsync();
                Assert.Fail("The API did not become ready:\n" + process.Output);
            }

            await Task.Delay(200);
        }

        return api;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Process.DisposeAsync();
        Root.Delete(recursive: true);
    }

    private static async Task<bool> IsReadyAsync(HttpClient http)
    {
        try
        {
            return (await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false; // not listening yet
        }
    }
}
