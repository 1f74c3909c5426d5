using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CampaignDesk.Api.Tests.Import;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignDesk.Api.Tests.Access;

/// <summary>One person of the access tests: a user with a role, their organisation, and a valid API token.</summary>
public sealed record Person(string Key, long Id, string Token, string Role, long? OrganisationId);

/// <summary>
/// Two organisations (A and B), a coordinator and a volunteer of each, an observer and an admin user, tokens for
/// each (and an expired and a revoked one), an official, a campaign, an import run, and interactions — built
/// through the API with the bootstrap admin token, as a coalition would.
/// </summary>
public sealed class AccessWorld
{
    private readonly CampaignDeskApiFactory _factory;
    private readonly HttpClient _admin;

    private AccessWorld(CampaignDeskApiFactory factory)
    {
        _factory = factory;
        _admin = factory.CreateAdminClient();
    }

    public long OrganisationA { get; private set; }
    public long OrganisationB { get; private set; }
    public long OfficialId { get; private set; }
    public long CampaignId { get; private set; }

    /// <summary>A campaign that organisation A does not take part in.</summary>
    public long OtherCampaignId { get; private set; }
    public long ImportRunId { get; private set; }
    public long PositionId { get; private set; }
    public long TemplateId { get; private set; }
    public long OtherTemplateId { get; private set; }
    public Dictionary<string, Person> People { get; } = [];
    public string ExpiredToken { get; private set; } = "";
    public string RevokedToken { get; private set; } = "";

    /// <summary>A confidential and a shared interaction logged by each organisation's volunteer.</summary>
    public Dictionary<string, long> Interactions { get; } = [];

    public HttpClient Admin => _admin;

    public static async Task<AccessWorld> CreateAsync(CampaignDeskApiFactory factory)
    {
        var world = new AccessWorld(factory);
        await world.BuildAsync();
        return world;
    }

    public long Organisation(bool own) => own ? OrganisationA : OrganisationB;

    /// <summary>The volunteer of organisation A (own) or B (other).</summary>
    public Person Volunteer(bool own) => People[own ? "volunteerA" : "volunteerB"];

    public HttpClient ClientFor(string? token)
    {
        var client = _factory.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public async Task<Person> CreatePersonAsync(string key, string role, long? organisationId)
    {
        var created = await PostAsync<JsonElement>("/api/users", new
        {
            email = $"{key}.{Guid.NewGuid():N}@example.org",
            displayName = key,
            role,
            organisationIds = organisationId is null ? Array.Empty<long>() : [organisationId.Value],
        });
        var id = created.GetProperty("id").GetInt64();
        var token = await IssueTokenAsync(id);
        return new Person(key, id, token, role, organisationId);
    }

    public async Task<string> IssueTokenAsync(long userId, int days = 30)
    {
        var issued = await PostAsync<JsonElement>($"/api/users/{userId}/tokens", new { name = "test", expiresInDays = days });
        return issued.GetProperty("token").GetString()!;
    }

    public async Task<long> IssueTokenIdAsync(long userId)
    {
        var issued = await PostAsync<JsonElement>($"/api/users/{userId}/tokens", new { name = "spare" });
        return issued.GetProperty("info").GetProperty("id").GetInt64();
    }

    /// <summary>A new applied import run, the latest of its file type (sénateurs), that the admin uploaded and nothing builds on.</summary>
    public async Task<long> ImportRunToRevertAsync()
    {
        const string senateurs = """
            Code du département;Libellé du département;Nom de l'élu;Prénom de l'élu;Code sexe;Date de naissance;Date de début du mandat
            38;Isère;SAVIN;Michel;M;16/05/1958;01/10/2020
            """;
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(senateurs)), "file", "elus-senateurs-sen-2026-02-03.csv" } };
        var import = await _admin.PostAsync("/api/imports", form);
        import.EnsureSuccessStatusCode();
        return (await import.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    /// <summary>A new open task of the organisation, assigned to its volunteer.</summary>
    public async Task<long> CreateTaskAsync(bool own)
    {
        var task = await PostAsync<JsonElement>("/api/tasks", new
        {
            assigneeUserId = Volunteer(own).Id,
            officialId = OfficialId,
            organisationId = Organisation(own),
            campaignId = CampaignId,
            kind = "call",
            dueDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(3)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            instructions = "Appeler la permanence parlementaire.",
        });
        return task.GetProperty("id").GetInt64();
    }

    public async Task<long> LogInteractionAsync(Person by, bool confidential)
    {
        using var client = ClientFor(by.Token);
        var response = await client.PostAsJsonAsync("/api/interactions", new
        {
            organisationId = by.OrganisationId,
            officialId = OfficialId,
            campaignId = CampaignId,
            channel = "phone",
            outcome = "spoke",
            notes = confidential ? $"Note confidentielle de {by.Key}" : $"Note partagée de {by.Key}",
            confidential,
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    private async Task BuildAsync()
    {
        var organisations = await _admin.GetFromJsonAsync<JsonElement>("/api/organisations?type=structure&pageSize=2");
        OrganisationA = organisations.GetProperty("items")[0].GetProperty("id").GetInt64();
        OrganisationB = organisations.GetProperty("items")[1].GetProperty("id").GetInt64();

        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(ImportsApiTests.Deputes)), "file", "elus-deputes-dep-2026-02-01.csv" } };
        var import = await _admin.PostAsync("/api/imports", form);
        import.EnsureSuccessStatusCode();
        ImportRunId = (await import.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var officials = await _admin.GetFromJsonAsync<JsonElement>("/api/officials?q=chatelain");
        OfficialId = officials.GetProperty("items")[0].GetProperty("id").GetInt64();
        CampaignId = (await PostAsync<JsonElement>("/api/campaigns", new { title = "Campagne de test", organisationIds = new[] { OrganisationA, OrganisationB } }))
            .GetProperty("id").GetInt64();
        OtherCampaignId = (await PostAsync<JsonElement>("/api/campaigns", new { title = "Campagne de B", organisationIds = new[] { OrganisationB } }))
            .GetProperty("id").GetInt64();

        foreach (var (key, role, organisation) in new (string, string, long?)[]
        {
            ("admin", "admin", null), ("coordinatorA", "coordinator", OrganisationA), ("coordinatorB", "coordinator", OrganisationB),
            ("volunteerA", "volunteer", OrganisationA), ("volunteerB", "volunteer", OrganisationB), ("observer", "observer", null),
        })
        {
            People[key] = await CreatePersonAsync(key, role, organisation);
        }

        ExpiredToken = await IssueTokenAsync(People["volunteerA"].Id, days: 1);
        await using (var connection = await _factory.Database.Database.OpenAsync(default))
        {
            // A token that has expired: its expiry moved into the past, as the clock would.
            await connection.ExecuteAsync("UPDATE access_tokens SET expires_utc = @past WHERE id = (SELECT MAX(id) FROM access_tokens)",
                new { past = DateTime.UtcNow.AddDays(-1) });
        }

        RevokedToken = await IssueTokenAsync(People["volunteerA"].Id);
        var tokens = await _admin.GetFromJsonAsync<JsonElement>($"/api/users/{People["volunteerA"].Id}/tokens");
        var revokedId = tokens.EnumerateArray().Last().GetProperty("id").GetInt64();
        (await _admin.DeleteAsync($"/api/users/{People["volunteerA"].Id}/tokens/{revokedId}")).EnsureSuccessStatusCode();

        PositionId = (await PostAsync<JsonElement>("/api/positions", new
        {
            officialId = OfficialId,
            campaignId = CampaignId,
            kind = "government_question",
            statedOn = "2026-02-03",
            stance = "supports",
            summary = "Question au Gouvernement sur les SEC-Pa.",
            source = "https://www.assemblee-nationale.fr/dyn/17/comptes-rendus/seance",
        })).GetProperty("id").GetInt64();

        // Follow-ups leave from the organisations' mailboxes to the official's address.
        foreach (var organisation in new[] { OrganisationA, OrganisationB })
        {
            (await _admin.PatchAsJsonAsync($"/api/organisations/{organisation}", new { mailbox = $"structure-{organisation}@example.org" }))
                .EnsureSuccessStatusCode();
        }

        await using (var connection = await _factory.Database.Database.OpenAsync(default))
        {
            await connection.ExecuteAsync("""
                INSERT INTO contact_points (official_id, kind, value, source, first_seen_utc, last_seen_utc)
                VALUES (@OfficialId, 'email', 'cyrielle.chatelain@assemblee-nationale.fr', 'test', @now, @now)
                """, new { OfficialId, now = DateTime.UtcNow });
        }

        TemplateId = (await PostAsync<JsonElement>("/api/templates", new
        {
            campaignId = CampaignId,
            name = "Relance",
            subject = "{{campaign.title}}",
            body = "{{salutation}},\n\n{{organisation.name}}",
        })).GetProperty("id").GetInt64();
        OtherTemplateId = (await PostAsync<JsonElement>("/api/templates", new
        {
            campaignId = OtherCampaignId,
            name = "Relance B",
            subject = "{{campaign.title}}",
            body = "{{salutation}}",
        })).GetProperty("id").GetInt64();

        foreach (var side in new[] { "A", "B" })
        {
            var volunteer = People["volunteer" + side];
            Interactions["confidential" + side] = await LogInteractionAsync(volunteer, confidential: true);
            Interactions["shared" + side] = await LogInteractionAsync(volunteer, confidential: false);
        }
    }

    /// <summary>
    /// An answer from the députée read from the organisation's mailbox, waiting for triage: recorded through the same
    /// path the reply job takes.
    /// </summary>
    public async Task<long> CreateTriageItemAsync(bool own)
    {
        var organisation = Organisation(own);
        var mail = new CampaignDesk.Core.Replies.InboundMail(Guid.NewGuid().ToString("N"), $"<{Guid.NewGuid():N}@assemblee-nationale.fr>", null,
            "cyrielle.chatelain@assemblee-nationale.fr", "Re: SEC-Pa", "Je soutiens votre démarche.", "https://outlook.office365.com/owa/?ItemID=x",
            DateTimeOffset.UtcNow.AddMinutes(-1), []);
        var recorded = await _factory.Services.GetRequiredService<CampaignDesk.Core.Replies.ReplyRecorder>()
            .RecordAsync($"structure-{organisation}@example.org", organisation, mail, default);
        return recorded!.Id;
    }

    /// <summary>A batch of follow-ups of the caller's organisation (or the other one), scheduled by an admin.</summary>
    public async Task<long> CreateFollowUpBatchAsync(bool own) =>
        (await PostAsync<JsonElement>("/api/followups/batch", new { organisationId = Organisation(own), templateId = TemplateId, officialIds = new[] { OfficialId } }))
            .GetProperty("id").GetInt64();

    /// <summary>A new campaign of these organisations whose one target is the official (so its numbers are hers alone); its id.</summary>
    public async Task<long> CreateCampaignOnTheOfficialAsync(string title, params long[] organisationIds) =>
        (await PostAsync<JsonElement>("/api/campaigns", new
        {
            title = $"{title} {Guid.NewGuid():N}",
            organisationIds,
            targeting = new { rules = Array.Empty<object>(), officialIds = new[] { OfficialId } },
        })).GetProperty("id").GetInt64();

    /// <summary>A position recorded by <paramref name="by"/> for their organisation, on the campaign both organisations take part in.</summary>
    public async Task<long> RecordPositionAsync(Person by)
    {
        using var client = ClientFor(by.Token);
        var response = await client.PostAsJsonAsync("/api/positions", new
        {
            officialId = OfficialId,
            campaignId = CampaignId,
            organisationId = by.OrganisationId,
            kind = "reply",
            statedOn = "2026-02-12",
            stance = "supports",
            summary = $"Réponse reçue par {by.Key}.",
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    /// <summary>A follow-up of the caller's organisation (or the other one), scheduled by an admin.</summary>
    public async Task<long> CreateFollowUpAsync(bool own) =>
        (await PostAsync<JsonElement>("/api/followups", new { officialId = OfficialId, organisationId = Organisation(own), templateId = TemplateId }))
            .GetProperty("id").GetInt64();

    /// <summary>A new invitation of the person (reused as they are), sent by the admin; its id.</summary>
    public async Task<long> InviteAsync(Person person)
    {
        var user = await _admin.GetFromJsonAsync<JsonElement>($"/api/users/{person.Id}");
        var sent = await PostAsync<JsonElement>("/api/invitations", new
        {
            email = user.GetProperty("email").GetString(),
            displayName = person.Key,
            role = person.Role,
            organisationIds = person.OrganisationId is { } organisation ? new[] { organisation } : [],
        });
        return sent.GetProperty("invitation").GetProperty("id").GetInt64();
    }

    /// <summary>A browser session of the person, opened by following an invitation's link as they would; its id.</summary>
    public async Task<long> OpenSessionAsync(Person person)
    {
        var invitation = await InviteAsync(person);
        var message = await CampaignDesk.TestSupport.EmlMailbox.ByKeyAsync(_factory.MailFolder, $"invitation-{invitation}");
        using var browser = _factory.CreateClient();
        var started = await browser.PostAsJsonAsync("/api/sign-in/session", new { link = CampaignDesk.TestSupport.EmlMailbox.SignInSecret(message) });
        started.EnsureSuccessStatusCode();
        return (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("user").GetProperty("session").GetProperty("id").GetInt64();
    }

    public async Task<T> PostAsync<T>(string path, object body)
    {
        var response = await _admin.PostAsJsonAsync(path, body);
        if (!response.IsSuccessStatusCode)
        {
            Assert.Fail($"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return (await response.Content.ReadFromJsonAsync<T>())!;
    }
}
