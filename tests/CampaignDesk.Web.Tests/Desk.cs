using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignDesk.Stubs;
using CampaignDesk.TestSupport;

namespace CampaignDesk.Web.Tests;

/// <summary>
/// The real CampaignDesk, started once for the browser tests as a user starts it (the built API in a fresh folder:
/// SQLite, the seeded directory and SEC-Pa campaign), with a coordinator, a volunteer and an observer of the
/// structure in Saint-Martin-d'Hères and what they need: a task, a confidential note.
/// </summary>
[SetUpFixture]
public sealed class Desk
{
    public const long Organisation = 16;      // Pôle de Santé Interprofessionnel de Saint-Martin-d'Hères (38)
    public const long OtherOrganisation = 2;
    public const long Campaign = 1;           // the seeded SEC-Pa campaign
    public const string ConfidentialNote = "Piste confidentielle : <b>son attachée</b> propose un rendez-vous en mars.";

    public const string Mailbox = "contact@psi-smh.example";
    public const string ReplySubject = "RE: SEC-Pa, le moratoire";

    private static Desk? _current;
    private ApiProcess? _process;
    private GraphStub? _graph;

    public static Desk Current => _current ?? throw new InvalidOperationException("The desk is not running.");

    public Uri BaseAddress => _process!.BaseAddress;

    public HttpClient Admin => _process!.Http;

    public string CoordinatorToken { get; private set; } = "";

    public string VolunteerToken { get; private set; } = "";

    public string ObserverToken { get; private set; } = "";

    public long VolunteerId { get; private set; }

    /// <summary>Cyrielle Chatelain, députée of the organisation's circonscription (38-02).</summary>
    public long Official { get; private set; }

    public long ConfidentialInteraction { get; private set; }

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        // Mail through the real Graph SDK to the Graph stub, whose inbox the replies job reads.
        _graph = await GraphStub.StartAsync();
        _process = await StartAsync(new Dictionary<string, string>
        {
            ["Mail__Transport"] = "graph",
            ["Graph__BaseUrl"] = _graph.BaseUrl,
            ["Graph__StaticToken"] = _graph.Token,
            ["Replies__Interval"] = "00:00:10", // the shortest the job allows
        });

        var officials = await GetAsync("/api/officials?q=chatelain&role=depute");
        Official = officials.GetProperty("items")[0].GetProperty("id").GetInt64();

        (_, CoordinatorToken) = await CreateUserAsync("coordination@example.org", "Camille Coordination", "coordinator", Organisation);
        (VolunteerId, VolunteerToken) = await CreateUserAsync("benevole@example.org", "Bénédicte Bénévole", "volunteer", Organisation);
        (_, ObserverToken) = await CreateUserAsync("observation@example.org", "Oscar Observateur", "observer");

        using var coordinator = As(CoordinatorToken);
        var note = await PostAsync(coordinator, "/api/interactions", new
        {
            organisationId = Organisation,
            officialId = Official,
            campaignId = Campaign,
            channel = "phone",
            direction = "outbound",
            occurredAt = DateTimeOffset.UtcNow.AddDays(-2),
            outcome = "spoke",
            notes = ConfidentialNote,
            confidential = true,
        });
        ConfidentialInteraction = note.GetProperty("id").GetInt64();

        // The députée answers in the structure's mailbox: the answer waits in the triage queue.
        using var patch = await Admin.PatchAsJsonAsync($"/api/organisations/{Organisation}", new { mailbox = Mailbox });
        Assert.That(patch.IsSuccessStatusCode, Is.True, await patch.Content.ReadAsStringAsync());
        _graph.Deliver(Mailbox, new IncomingMessage("cyrielle.chatelain@assemblee-nationale.fr", ReplySubject,
            "Madame, Monsieur, je partage votre inquiétude et interrogerai le ministre. Bien à vous.", FromName: "Cyrielle Chatelain"));
        await WaitForTriageAsync(coordinator);
        _current = this;
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        if (_graph is not null)
        {
            await _graph.DisposeAsync();
        }
    }

    private static async Task WaitForTriageAsync(HttpClient coordinator)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var queue = JsonDocument.Parse(await coordinator.GetStringAsync("/api/triage")).RootElement;
            if (queue.GetArrayLength() > 0)
            {
                return;
            }

            await Task.Delay(250);
        }

        Assert.Fail("The reply never reached the triage queue.");
    }

    public HttpClient As(string token) => _process!.As(token);

    /// <summary>The built API in a fresh folder (SQLite, seeded as on a first start), the browsers' sign-ins not rate-limited.</summary>
    public static Task<ApiProcess> StartAsync(Dictionary<string, string> settings)
    {
        settings["RateLimiting__AnonymousBurst"] = "100000";
        settings["RateLimiting__AnonymousPerSecond"] = "100000";
        return ApiProcess.StartAsync(settings);
    }

    public static async Task<long> CreateUserAsync(HttpClient admin, string email, string name, string role, params long[] organisations)
    {
        var user = await PostAsync(admin, "/api/users", new { email, displayName = name, role, organisationIds = organisations });
        return user.GetProperty("id").GetInt64();
    }

    public async Task<JsonElement> GetAsync(string path, HttpClient? client = null)
    {
        using var response = await (client ?? Admin).GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"GET {path}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> PostAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A task for the volunteer, due today, on Cyrielle Chatelain.</summary>
    public async Task<long> AssignCallAsync(string instructions)
    {
        var task = await PostAsync(Admin, "/api/tasks", new
        {
            assigneeUserId = VolunteerId,
            officialId = Official,
            organisationId = Organisation,
            campaignId = Campaign,
            kind = "call",
            dueDate = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            instructions,
        });
        return task.GetProperty("id").GetInt64();
    }

    private async Task<(long Id, string Token)> CreateUserAsync(string email, string name, string role, params long[] organisations)
    {
        var id = await CreateUserAsync(Admin, email, name, role, organisations);
        var token = await PostAsync(Admin, $"/api/users/{id}/tokens", new { name = "navigateur", expiresInDays = 7 });
        return (id, token.GetProperty("token").GetString()!);
    }
}
