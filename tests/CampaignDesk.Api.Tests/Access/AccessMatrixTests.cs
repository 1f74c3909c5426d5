using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignDesk.Api.Tests.Access;

/// <summary>
/// Every endpoint × every caller (no token, expired, revoked, admin, coordinator, volunteer, observer) × the
/// caller's own organisation or another one, with the status it must answer. A new endpoint without a row here
/// fails <see cref="EveryEndpoint_HasARowInTheMatrix"/>.
/// </summary>
/// <remarks>
/// 404 or 403? What a caller may not see answers 404, so its existence does not leak (another organisation's
/// tasks, confidential interactions, users and their tokens); what everybody sees but only some may change
/// answers 403 (an organisation's record, logging for another organisation, admin-only endpoints).
/// </remarks>
[TestFixture]
public class AccessMatrixTests : WorldTest
{
    /// <summary>The status for each caller; Own/Other are the caller's organisation and another one.</summary>
    public sealed record Expect(int Admin, int CoordinatorOwn, int CoordinatorOther, int VolunteerOwn, int VolunteerOther, int ObserverAny)
    {
        public static Expect All(int status) => new(status, status, status, status, status, status);

        public int For(string caller, bool own) => caller switch
        {
            "admin" => Admin,
            "coordinator" => own ? CoordinatorOwn : CoordinatorOther,
            "volunteer" => own ? VolunteerOwn : VolunteerOther,
            "observer" => ObserverAny,
            _ => 401,
        };
    }

    /// <summary>Builds the request for a caller; <c>own</c> targets the caller's organisation (A), else B.</summary>
    public sealed record Row(string Method, string Route, Func<AccessWorld, bool, Task<HttpRequestMessage>> Request, Expect Expect);

    private static readonly Expect ReadShared = Expect.All(200);
    private static readonly Expect Admins = new(200, 403, 403, 403, 403, 403);
    private static readonly Expect AdminsCreate = new(201, 403, 403, 403, 403, 403);
    // The user (or their task) is the volunteer of the caller's organisation, or of the other one.
    private static readonly Expect ManageVolunteer = new(200, 200, 404, 200, 404, 404);
    // The organisation's lobbying register: its members and admins; for anyone else it does not exist.
    private static readonly Expect ActsFor = new(200, 200, 404, 200, 404, 404);
    private static readonly Expect ManageVolunteerCreated = new(201, 201, 404, 201, 404, 404);

    public static readonly Row[] Matrix =
    [
        new("GET", "/api/me", (w, own) => Get("/api/me"), ReadShared),
        new("GET", "/api/organisations", (w, own) => Get("/api/organisations"), ReadShared),
        new("GET", "/api/organisations/{id:long}", (w, own) => Get($"/api/organisations/{w.Organisation(own)}"), ReadShared),
        new("POST", "/api/organisations", (w, own) => Json("POST", "/api/organisations",
            new { type = "structure", kind = "msp", name = $"MSP {Guid.NewGuid():N}", communeInsee = "38421" }), AdminsCreate),
        new("PATCH", "/api/organisations/{id:long}", (w, own) => Json("PATCH", $"/api/organisations/{w.Organisation(own)}",
            new { communeName = "Saint-Martin-d'Hères" }), new(200, 200, 403, 403, 403, 403)),
        new("GET", "/api/organisations/{id:long}/officials", (w, own) => Get($"/api/organisations/{w.Organisation(own)}/officials"), ReadShared),
        new("GET", "/api/officials", (w, own) => Get("/api/officials?q=chatelain"), ReadShared),
        new("GET", "/api/officials/{id:long}", (w, own) => Get($"/api/officials/{w.OfficialId}"), ReadShared),
        new("POST", "/api/imports", (w, own) => Upload(), AdminsCreate),
        new("GET", "/api/imports/{id:long}", (w, own) => Get($"/api/imports/{w.ImportRunId}"), Admins),
        new("GET", "/api/imports", (w, own) => Get("/api/imports"), Admins),
        new("POST", "/api/imports/{id:long}/revert", async (w, own) =>
            new HttpRequestMessage(HttpMethod.Post, $"/api/imports/{await w.ImportRunToRevertAsync()}/revert"), Admins),
        new("GET", "/metrics", (w, own) => Get("/metrics"), Admins),
        new("GET", "/api/users", (w, own) => Get("/api/users"), new(200, 200, 200, 403, 403, 403)),
        new("GET", "/api/users/{id:long}", (w, own) => Get($"/api/users/{w.Volunteer(own).Id}"), ManageVolunteer),
        new("POST", "/api/users", (w, own) => Json("POST", "/api/users", new
        {
            email = $"new-{Guid.NewGuid():N}@example.org", displayName = "Nouvelle bénévole", role = "volunteer", organisationIds = new[] { w.Organisation(own) },
        }), new(201, 201, 403, 403, 403, 403)),
        new("PATCH", "/api/users/{id:long}", (w, own) => Json("PATCH", $"/api/users/{w.Volunteer(own).Id}", new { displayName = "Bénévole renommée" }),
            ManageVolunteer),
        new("GET", "/api/users/{id:long}/tokens", (w, own) => Get($"/api/users/{w.Volunteer(own).Id}/tokens"), ManageVolunteer),
        new("POST", "/api/users/{id:long}/tokens", (w, own) => Json("POST", $"/api/users/{w.Volunteer(own).Id}/tokens", new { name = "téléphone" }),
            ManageVolunteerCreated),
        new("DELETE", "/api/users/{id:long}/tokens/{tokenId:long}", async (w, own) =>
            new HttpRequestMessage(HttpMethod.Delete, $"/api/users/{w.Volunteer(own).Id}/tokens/{await w.IssueTokenIdAsync(w.Volunteer(own).Id)}"),
            ManageVolunteer),
        new("POST", "/api/users/{id:long}/calendar", (w, own) => Json("POST", $"/api/users/{w.Volunteer(own).Id}/calendar", null), ManageVolunteerCreated),
        new("DELETE", "/api/users/{id:long}/calendar", (w, own) => Delete($"/api/users/{w.Volunteer(own).Id}/calendar"), new(204, 204, 404, 204, 404, 404)),
        new("GET", "/api/audit", (w, own) => Get("/api/audit"), Admins),
        new("GET", "/api/campaigns", (w, own) => Get("/api/campaigns"), ReadShared),
        new("GET", "/api/campaigns/{id:long}", (w, own) => Get($"/api/campaigns/{w.CampaignId}"), ReadShared),
        new("POST", "/api/campaigns", (w, own) => Json("POST", "/api/campaigns", new { title = "Nouvelle campagne" }), AdminsCreate),
        new("PATCH", "/api/campaigns/{id:long}", (w, own) => Json("PATCH", $"/api/campaigns/{w.CampaignId}", new { goal = "Obtenir un moratoire." }), Admins),
        new("POST", "/api/campaigns/{id:long}/targets/preview", (w, own) => Json("POST", $"/api/campaigns/{w.CampaignId}/targets/preview",
            new { targeting = new { rules = new[] { new { roles = new[] { "depute" }, where = "departments", departments = new[] { "38" } } } } }), Admins),
        new("GET", "/api/campaigns/{id:long}/coverage", (w, own) => Get($"/api/campaigns/{w.CampaignId}/coverage?by=role"), ReadShared),
        new("GET", "/api/campaigns/{id:long}/coverage/export.{format}", (w, own) => Get($"/api/campaigns/{w.CampaignId}/coverage/export.csv?by=role"),
            ReadShared),
        new("GET", "/api/interactions/export.{format}", (w, own) => Get($"/api/interactions/export.xlsx?campaign={w.CampaignId}"), ReadShared),
        new("GET", "/api/campaigns/{id:long}/gaps", (w, own) => Get($"/api/campaigns/{w.CampaignId}/gaps"), ReadShared),
        new("GET", "/api/campaigns/{id:long}/gaps/export.{format}", (w, own) => Get($"/api/campaigns/{w.CampaignId}/gaps/export.xlsx"), ReadShared),
        new("GET", "/api/campaigns/{id:long}/followups/export.{format}", (w, own) => Get($"/api/campaigns/{w.CampaignId}/followups/export.csv"),
            ReadShared),
        new("POST", "/api/positions", (w, own) => Json("POST", "/api/positions", new
        {
            officialId = w.OfficialId, campaignId = w.CampaignId, organisationId = w.Organisation(own), kind = "reply", statedOn = "2026-02-10",
            stance = "supports", summary = "Soutient la pérennisation.",
        }), new(201, 201, 403, 201, 403, 403)),
        new("GET", "/api/positions/{id:long}", (w, own) => Get($"/api/positions/{w.PositionId}"), ReadShared),
        // Positions are shared, so another organisation's is seen (403, not 404); its author or its coordinators change it.
        new("PATCH", "/api/positions/{id:long}", async (w, own) => await Json("PATCH", $"/api/positions/{await w.RecordPositionAsync(w.Volunteer(own))}",
            new { stance = "neutral" }), new(200, 200, 403, 200, 403, 403)),
        new("DELETE", "/api/positions/{id:long}", async (w, own) => await Delete($"/api/positions/{await w.RecordPositionAsync(w.Volunteer(own))}"),
            new(200, 200, 403, 200, 403, 403)),
        new("GET", "/api/officials/{id:long}/timeline", (w, own) => Get($"/api/officials/{w.OfficialId}/timeline"), ReadShared),
        new("GET", "/api/interactions", (w, own) => Get($"/api/interactions?organisation={w.Organisation(own)}"), ReadShared),
        new("GET", "/api/interactions/{id:long}", (w, own) => Get($"/api/interactions/{w.Interactions[own ? "confidentialA" : "confidentialB"]}"),
            new(200, 200, 404, 200, 404, 404)),
        new("POST", "/api/interactions", (w, own) => Json("POST", "/api/interactions", new
        {
            organisationId = w.Organisation(own), officialId = w.OfficialId, channel = "letter", outcome = "sent",
        }), new(201, 201, 403, 201, 403, 403)),
        new("PATCH", "/api/interactions/{id:long}", async (w, own) => await Json("PATCH",
            $"/api/interactions/{await w.LogInteractionAsync(w.Volunteer(own), confidential: true)}", new { outcome = "replied" }), ManageVolunteer),
        new("GET", "/api/tasks", (w, own) => Get("/api/tasks?assignee=me&state=open"), new(200, 200, 200, 200, 200, 403)),
        new("GET", "/api/tasks/{id:long}", async (w, own) => await Get($"/api/tasks/{await w.CreateTaskAsync(own)}"), ManageVolunteer),
        new("POST", "/api/tasks", (w, own) => Json("POST", "/api/tasks", new
        {
            assigneeUserId = w.Volunteer(own).Id, officialId = w.OfficialId, organisationId = w.Organisation(own), kind = "letter", dueDate = "2026-12-31",
        }), new(201, 201, 403, 403, 403, 403)),
        new("POST", "/api/tasks/batch", (w, own) => Json("POST", "/api/tasks/batch", new
        {
            assigneeUserIds = new[] { w.Volunteer(own).Id }, officialIds = new[] { w.OfficialId }, organisationId = w.Organisation(own), kind = "letter",
            dueDate = "2026-12-31",
        }), new(201, 201, 403, 403, 403, 403)),
        new("GET", "/api/organisations/{id:long}/team", (w, own) => Get($"/api/organisations/{w.Organisation(own)}/team"), new(200, 200, 404, 403, 404, 404)),
        // Observers read élus but act for no organisation; naming one they do not act for is refused.
        new("GET", "/api/officials/{id:long}/actions", (w, own) => Get($"/api/officials/{w.OfficialId}/actions?organisation={w.Organisation(own)}"),
            new(200, 200, 403, 200, 403, 403)),
        new("GET", "/api/organisations/{id:long}/actions", (w, own) => Get($"/api/organisations/{w.Organisation(own)}/actions"),
            new(200, 200, 403, 200, 403, 403)),
        new("GET", "/api/campaigns/{id:long}/scripts", (w, own) => Get($"/api/campaigns/{w.CampaignId}/scripts"), ReadShared),
        new("PUT", "/api/campaigns/{id:long}/scripts/{role}", (w, own) => Json("PUT", $"/api/campaigns/{(own ? w.CampaignId : w.OtherCampaignId)}/scripts/depute",
            new { body = "Bonjour, je vous appelle au sujet du moratoire." }), new(200, 200, 403, 403, 403, 403)),
        new("POST", "/api/tasks/{id:long}/complete", async (w, own) => await Json("POST", $"/api/tasks/{await w.CreateTaskAsync(own)}/complete",
            new { channel = "phone", outcome = "left_message", notes = "Message laissé au secrétariat." }), ManageVolunteer),
        new("DELETE", "/api/tasks/{id:long}", async (w, own) => await Delete($"/api/tasks/{await w.CreateTaskAsync(own)}"), new(200, 200, 404, 403, 404, 404)),
        new("GET", "/api/templates", (w, own) => Get($"/api/templates?campaign={w.CampaignId}"), ReadShared),
        new("GET", "/api/templates/placeholders", (w, own) => Get("/api/templates/placeholders"), ReadShared),
        new("GET", "/api/templates/{id:long}", (w, own) => Get($"/api/templates/{w.TemplateId}"), ReadShared),
        // The other campaign is B's alone: A's coordinator writes the templates of campaigns A takes part in only.
        // A template speaks for every organisation of its campaign: admins write them; one previews from an organisation one acts for.
        new("POST", "/api/templates", (w, own) => Json("POST", "/api/templates", new
        {
            campaignId = own ? w.CampaignId : w.OtherCampaignId, name = $"Modèle {Guid.NewGuid():N}", subject = "Objet", body = "{{salutation}},",
        }), AdminsCreate),
        new("PATCH", "/api/templates/{id:long}", (w, own) => Json("PATCH", $"/api/templates/{(own ? w.TemplateId : w.OtherTemplateId)}",
            new { subject = "{{campaign.title}} : notre relance" }), Admins),
        new("POST", "/api/templates/{id:long}/preview", (w, own) => Json("POST", $"/api/templates/{w.TemplateId}/preview",
            new { officialId = w.OfficialId, organisationId = w.Organisation(own) }), new(200, 200, 403, 200, 403, 403)),
        new("POST", "/api/followups", (w, own) => Json("POST", "/api/followups",
            new { officialId = w.OfficialId, organisationId = w.Organisation(own), templateId = w.TemplateId }), new(201, 201, 403, 403, 403, 403)),
        new("POST", "/api/followups/batch", (w, own) => Json("POST", "/api/followups/batch", new
        {
            organisationId = w.Organisation(own), templateId = w.TemplateId, officialIds = new[] { w.OfficialId }, dryRun = true,
        }), new(200, 200, 403, 403, 403, 403)),
        new("DELETE", "/api/followups/batches/{id:long}", async (w, own) => await Delete($"/api/followups/batches/{await w.CreateFollowUpBatchAsync(own)}"),
            new(200, 200, 404, 403, 404, 404)),
        new("GET", "/api/followups", (w, own) => Get($"/api/followups?organisation={w.Organisation(own)}"), ReadShared),
        new("GET", "/api/followups/{id:long}", async (w, own) => await Get($"/api/followups/{await w.CreateFollowUpAsync(own)}"),
            new(200, 200, 404, 200, 404, 404)),
        new("DELETE", "/api/followups/{id:long}", async (w, own) => await Delete($"/api/followups/{await w.CreateFollowUpAsync(own)}"),
            new(200, 200, 404, 403, 404, 404)),
        // Everyone may ask; each sees the answers of the mailboxes of the organisations they act for (observers: none).
        new("GET", "/api/triage", (w, own) => Get("/api/triage"), ReadShared),
        new("POST", "/api/triage/{id:long}", async (w, own) => await Json("POST", $"/api/triage/{await w.CreateTriageItemAsync(own)}",
            new { stance = "supports", summary = "Soutient la démarche." }), new(200, 200, 404, 200, 404, 404)),
        // Parliament watch: anyone reads a campaign's watches and votes; its participants' coordinators (A and B take part) change them.
        new("GET", "/api/campaigns/{campaignId:long}/watches", (w, own) => Get($"/api/campaigns/{w.CampaignId}/watches"), ReadShared),
        new("POST", "/api/campaigns/{campaignId:long}/watches", (w, own) => Json("POST", $"/api/campaigns/{w.CampaignId}/watches",
            new { name = "Santé", keywords = new[] { "centres de santé" } }), new(201, 201, 201, 403, 403, 403)),
        new("PUT", "/api/campaigns/{campaignId:long}/watches/{id:long}", (w, own) => Json("PUT", $"/api/campaigns/{w.CampaignId}/watches/999999",
            new { name = "Santé", keywords = new[] { "centres de santé" } }), new(404, 404, 404, 403, 403, 403)),
        new("DELETE", "/api/campaigns/{campaignId:long}/watches/{id:long}", (w, own) => Delete($"/api/campaigns/{w.CampaignId}/watches/999999"),
            new(404, 404, 404, 403, 403, 403)),
        new("GET", "/api/campaigns/{campaignId:long}/recommended-votes", (w, own) => Get($"/api/campaigns/{w.CampaignId}/recommended-votes"), ReadShared),
        // No vote is imported in this world: those who may recommend are told so (400 on voteUid).
        new("PUT", "/api/campaigns/{campaignId:long}/recommended-votes/{voteUid}", (w, own) => Json("PUT",
            $"/api/campaigns/{w.CampaignId}/recommended-votes/VTANR5L17V1000", new { recommendation = "pour" }), new(400, 400, 400, 403, 403, 403)),
        new("GET", "/api/parliament/votes", (w, own) => Get("/api/parliament/votes?q=aide&page=2"), ReadShared),
        new("GET", "/api/triage/proposals", (w, own) => Get("/api/triage/proposals"), ReadShared),
        new("POST", "/api/triage/proposals/{id:long}", (w, own) => Json("POST", "/api/triage/proposals/999999", new { dismiss = true }), Expect.All(404)),
        // An invitation's link signs in as the person: sent by whoever may create them (coordinators: their volunteers).
        new("POST", "/api/invitations", (w, own) => Json("POST", "/api/invitations", new
        {
            email = $"invitee-{Guid.NewGuid():N}@example.org", displayName = "Invitée", role = "volunteer", organisationIds = new[] { w.Organisation(own) },
        }), new(201, 201, 403, 403, 403, 403)),
        new("GET", "/api/invitations", (w, own) => Get("/api/invitations"), new(200, 200, 200, 403, 403, 403)),
        new("DELETE", "/api/invitations/{id:long}", async (w, own) => await Delete($"/api/invitations/{await w.InviteAsync(w.Volunteer(own))}"),
            new(204, 204, 404, 204, 404, 404)),
        // « Mes appareils »: each one's own sessions only (the session here is the volunteer's).
        new("GET", "/api/me/sessions", (w, own) => Get("/api/me/sessions"), ReadShared),
        new("DELETE", "/api/me/sessions/{id:long}", async (w, own) => await Delete($"/api/me/sessions/{await w.OpenSessionAsync(w.Volunteer(own))}"),
            new(404, 404, 404, 204, 404, 404)),
        new("DELETE", "/api/users/{id:long}/sessions", (w, own) => Delete($"/api/users/{w.Volunteer(own).Id}/sessions"), ManageVolunteer),
        new("GET", "/api/register/organisations/{id:long}/actions", (w, own) => Get($"/api/register/organisations/{w.Organisation(own)}/actions"), ActsFor),
        new("GET", "/api/register/organisations/{id:long}/actions/export.{format}",
            (w, own) => Get($"/api/register/organisations/{w.Organisation(own)}/actions/export.csv"), ActsFor),
        new("GET", "/api/register/organisations/{id:long}/standing", (w, own) => Get($"/api/register/organisations/{w.Organisation(own)}/standing"), ActsFor),
        new("GET", "/api/register/alerts", (w, own) => Get("/api/register/alerts"), ReadShared),
        new("GET", "/api/register/organisations/{id:long}/declaration",
            (w, own) => Get($"/api/register/organisations/{w.Organisation(own)}/declaration?year=2026"), ActsFor),
        new("GET", "/api/register/organisations/{id:long}/declaration/export.{format}",
            (w, own) => Get($"/api/register/organisations/{w.Organisation(own)}/declaration/export.xlsx?year=2026"), ActsFor),
        new("GET", "/api/register/organisations/{id:long}/declaration/page",
            (w, own) => Get($"/api/register/organisations/{w.Organisation(own)}/declaration/page?year=2026"), ActsFor),
        new("GET", "/api/register/responsiveness", (w, own) => Get($"/api/register/responsiveness?by=department&campaign={w.CampaignId}"), ReadShared),
        new("GET", "/api/register/responsiveness/export.{format}", (w, own) => Get("/api/register/responsiveness/export.csv?by=role"), ReadShared),
    ];

    /// <summary>Endpoints anyone may call: what they answer is tested with their feature (the calendar feed's secret is its address).</summary>
    public static readonly string[] Anonymous = ["* /health/live", "* /health/ready", "GET /openapi/{documentName}.json", "GET /calendar/{secret}.ics", "GET /", "GET /api/sign-in/options",
        "POST /api/sign-in/link", "POST /api/sign-in/session"];

    protected override (string Key, string? Value)[] Settings => [("RateLimiting:TokenBurst", "100000"), ("RateLimiting:AnonymousBurst", "100000")];

    public static IEnumerable<TestCaseData> Cases() =>
        from row in Matrix
        from caller in new[] { "none", "expired", "revoked", "admin", "coordinator", "volunteer", "observer" }
        from own in new[] { true, false }
        where own || caller is "coordinator" or "volunteer"
        select new TestCaseData(row.Method, row.Route, caller, own)
            .SetName($"{row.Method} {row.Route} as {caller}{(caller is "coordinator" or "volunteer" ? own ? " (own)" : " (other)" : "")}");

    [TestCaseSource(nameof(Cases))]
    public async Task Endpoint_AnswersTheCallerAsTheMatrixSays(string method, string route, string caller, bool own)
    {
        var row = Matrix.Single(r => r.Method == method && r.Route == route);
        var token = caller switch
        {
            "none" => null,
            "expired" => World.ExpiredToken,
            "revoked" => World.RevokedToken,
            "coordinator" => World.People["coordinatorA"].Token,
            "volunteer" => World.People["volunteerA"].Token,
            _ => World.People[caller].Token,
        };
        using var client = World.ClientFor(token);
        using var request = await row.Request(World, own);
        using var response = await client.SendAsync(request);

        var expected = row.Expect.For(caller, own);
        Assert.That((int)response.StatusCode, Is.EqualTo(expected), await response.Content.ReadAsStringAsync());
        if (expected >= 400)
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), "every refusal is a ProblemDetails");
        }
    }

    [Test]
    public void EveryEndpoint_HasARowInTheMatrix()
    {
        var endpoints = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(m => $"{m} {Normalise(e.RoutePattern.RawText)}"))
            .Distinct()
            .ToList();
        var known = Matrix.Select(r => $"{r.Method} {r.Route}").Concat(Anonymous).ToHashSet();

        Assert.That(endpoints.Where(e => !known.Contains(e)), Is.Empty, "endpoints without a row in the access matrix");
        Assert.That(known.Where(k => !endpoints.Contains(k)), Is.Empty, "rows for endpoints that do not exist");
    }

    private static string Normalise(string? pattern) => "/" + (pattern ?? "").Trim('/');

    private static Task<HttpRequestMessage> Get(string path) => Task.FromResult(new HttpRequestMessage(HttpMethod.Get, path));

    private static Task<HttpRequestMessage> Delete(string path) => Task.FromResult(new HttpRequestMessage(HttpMethod.Delete, path));

    private static Task<HttpRequestMessage> Json(string method, string path, object? body) =>
        Task.FromResult(new HttpRequestMessage(new HttpMethod(method), path) { Content = body is null ? null : JsonContent.Create(body) });

    private static Task<HttpRequestMessage> Upload() => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, "/api/imports")
    {
        Content = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes(Import.ImportsApiTests.Deputes)), "file", "elus-deputes-dep-2026-02-01.csv" },
        },
    });
}
