using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignDesk.Api.Tests.Access;

namespace CampaignDesk.Api.Tests.Hosting;

/// <summary>ETags on every versioned resource, If-Match on their changes (RFC 9110 §13.1.1), HEAD wherever GET is.</summary>
public class ConditionalRequestTests : WorldTest
{
    [TestCase("/api/campaigns/{campaign}")]
    [TestCase("/api/users/{volunteer}")]
    [TestCase("/api/tasks/{task}")]
    [TestCase("/api/organisations/{organisation}")]
    public async Task Get_VersionedResource_SendsItsVersionAsETag(string route)
    {
        var response = await World.Admin.GetAsync(await PathAsync(route));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(response.Headers.ETag?.ToString(), Is.EqualTo($"\"{body.GetProperty("version").GetInt32()}\""));
    }

    [Test]
    public async Task Patch_CampaignWithStaleOrWeakIfMatch_Is412AndChangesNothing()
    {
        var path = $"/api/campaigns/{World.CampaignId}";
        var etag = (await World.Admin.GetAsync(path)).Headers.ETag!.ToString();
        var current = await PatchAsync(path, new { goal = "Premier objectif" }, etag);
        var stale = await PatchAsync(path, new { goal = "Objectif écrasé" }, etag);
        var weak = await PatchAsync(path, new { goal = "Objectif écrasé" }, "W/" + current.Headers.ETag);
        var listed = await PatchAsync(path, new { goal = "Deuxième objectif" }, $"\"999\", {current.Headers.ETag}");
        var any = await PatchAsync(path, new { goal = "Troisième objectif" }, "*");
        var malformed = await PatchAsync(path, new { goal = "Objectif écrasé" }, "3");

        var goal = (await World.Admin.GetFromJsonAsync<JsonElement>(path)).GetProperty("goal").GetString();
        Assert.Multiple(() =>
        {
            Assert.That(current.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(current.Headers.ETag?.ToString(), Is.Not.EqualTo(etag), "a change gives a new ETag");
            Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
            Assert.That(stale.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(weak.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed), "If-Match compares strongly: a weak tag never matches");
            Assert.That(listed.StatusCode, Is.EqualTo(HttpStatusCode.OK), "one of the listed tags is current");
            Assert.That(any.StatusCode, Is.EqualTo(HttpStatusCode.OK), "* matches any current version");
            Assert.That(malformed.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(goal, Is.EqualTo("Troisième objectif"));
        });
    }

    [Test]
    public async Task Patch_UserAndTemplateWithStaleIfMatch_Are412()
    {
        var user = $"/api/users/{World.Volunteer(own: true).Id}";
        var template = $"/api/templates/{World.TemplateId}";
        var userTag = (await World.Admin.GetAsync(user)).Headers.ETag!.ToString();
        var templateTag = (await World.Admin.GetAsync(template)).Headers.ETag!.ToString();
        await PatchAsync(user, new { displayName = "Bénévole A" }, userTag);
        await PatchAsync(template, new { name = "Relance renommée" }, templateTag);

        var staleUser = await PatchAsync(user, new { displayName = "Autre nom" }, userTag);
        var staleTemplate = await PatchAsync(template, new { name = "Autre nom" }, templateTag);

        Assert.That(staleUser.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
        Assert.That(staleTemplate.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
    }

    [Test]
    public async Task Delete_TaskWithStaleIfMatch_Is412AndTheTaskStaysOpen()
    {
        var task = await World.CreateTaskAsync(own: true);
        using var cancel = new HttpRequestMessage(HttpMethod.Delete, $"/api/tasks/{task}");
        cancel.Headers.TryAddWithoutValidation("If-Match", "\"7\"");

        var response = await World.Admin.SendAsync(cancel);

        var state = (await World.Admin.GetFromJsonAsync<JsonElement>($"/api/tasks/{task}")).GetProperty("state").GetString();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
        Assert.That(state, Is.EqualTo("open"));
    }

    [TestCase("/api/campaigns/{campaign}")]
    [TestCase("/api/organisations")]
    [TestCase("/api/interactions/export.csv")]
    [TestCase("/api/me")]
    [TestCase("/health/ready")]
    [TestCase("/openapi/v1.json")]
    [TestCase("/app/")]
    [TestCase("/swagger/index.html")]
    public async Task Head_AnswersLikeGetWithoutTheBody(string route)
    {
        var path = await PathAsync(route);
        var get = await World.Admin.GetAsync(path);
        var getBody = await get.Content.ReadAsByteArrayAsync();

        var head = await World.Admin.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Multiple(async () =>
        {
            Assert.That(head.StatusCode, Is.EqualTo(get.StatusCode));
            Assert.That(await head.Content.ReadAsByteArrayAsync(), Is.Empty);
            Assert.That(head.Content.Headers.ContentType, Is.EqualTo(get.Content.Headers.ContentType));
            Assert.That(head.Headers.ETag, Is.EqualTo(get.Headers.ETag));
            if (route != "/health/ready" && route != "/openapi/v1.json")
            {
                Assert.That(head.Content.Headers.ContentLength, Is.EqualTo(getBody.Length), "the length GET's body has");
            }
        });
    }

    [Test]
    public async Task Head_WithoutAToken_IsRefusedLikeGet()
    {
        using var anonymous = Factory.CreateClient();

        var head = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/organisations"));

        Assert.That(head.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    private async Task<string> PathAsync(string route) => route
        .Replace("{campaign}", World.CampaignId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{volunteer}", World.Volunteer(own: true).Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{organisation}", World.Organisation(own: true).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{task}", route.Contains("{task}", StringComparison.Ordinal) ? (await World.CreateTaskAsync(own: true)).ToString(System.Globalization.CultureInfo.InvariantCulture) : "",
            StringComparison.Ordinal);

    private async Task<HttpResponseMessage> PatchAsync(string path, object body, string ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, path) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await World.Admin.SendAsync(request);
    }
}
