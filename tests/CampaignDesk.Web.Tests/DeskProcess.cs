using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignDesk.TestSupport;

namespace CampaignDesk.Web.Tests;

/// <summary>The built API run as a user runs it, in a fresh folder (SQLite, seeded), on a free loopback port.</summary>
public sealed class DeskProcess : IAsyncDisposable
{
    private readonly DirectoryInfo _root;
    private readonly ChildProcess _api;

    private DeskProcess(DirectoryInfo root, ChildProcess api, Uri baseAddress)
    {
        _root = root;
        _api = api;
        BaseAddress = baseAddress;
        Admin = new HttpClient { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    /// <summary>Signed in with the admin token the first start wrote.</summary>
    public HttpClient Admin { get; }

    public static async Task<DeskProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var root = Directory.CreateTempSubdirectory("campaigndesk-web-");
        var baseAddress = new Uri($"http://127.0.0.1:{BuiltPrograms.FreePort()}");
        var environment = new Dictionary<string, string>(settings)
        {
            ["RateLimiting__TokenBurst"] = "100000",
            ["RateLimiting__AnonymousBurst"] = "100000",
        };
        var api = ChildProcess.Start(BuiltPrograms.Api, ["--urls", baseAddress.ToString()], environment, workingDirectory: root.FullName);
        var desk = new DeskProcess(root, api, baseAddress);
        await desk.WaitForReadyAsync();
        desk.Admin.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", (await File.ReadAllTextAsync(Path.Combine(root.FullName, "data", "admin-token"))).Trim());
        return desk;
    }

    public HttpClient As(string token)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<long> CreateUserAsync(string email, string name, string role, params long[] organisations)
    {
        using var response = await Admin.PostAsJsonAsync("/api/users", new { email, displayName = name, role, organisationIds = organisations });
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), text);
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetInt64();
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        _api.Terminate();
        await _api.WaitForExitAsync(TimeSpan.FromSeconds(30));
        await _api.DisposeAsync();
        _root.Delete(recursive: true);
    }

    private async Task WaitForReadyAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (DateTime.UtcNow < deadline && !_api.HasExited)
        {
            try
            {
                using var response = await Admin.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(250);
        }

        Assert.Fail($"CampaignDesk did not become ready:\n{_api.Output}");
    }
}
