using System.Net;
using System.Net.Http.Headers;

namespace CampaignDesk.Api.Tests.Auth;

public class AuthenticationTests
{
    private CampaignDeskApiFactory _factory = null!;

    [OneTimeSetUp]
    public async Task StartApi() => _factory = await CampaignDeskApiFactory.CreateAsync();

    [OneTimeTearDown]
    public async Task StopApi() => await _factory.DisposeAsync();

    [TestCase(null)]
    [TestCase("Bearer ")]
    [TestCase("Bearer cd_wrong-token")]
    [TestCase("Basic YWRtaW46YWRtaW4=")]
    public async Task ApiEndpoint_WithoutAValidToken_Is401WithABearerChallenge(string? authorization)
    {
        using var client = _factory.CreateClient();
        if (authorization is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        }

        var response = await client.GetAsync("/api/organisations?q=Case");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Headers.WwwAuthenticate.Select(h => h.Scheme), Does.Contain("Bearer"));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Not.Contain("Case de Santé"));
    }

    [Test]
    public async Task Write_WithoutAToken_Is401AndWritesNothing()
    {
        using var anonymous = _factory.CreateClient();
        using var admin = _factory.CreateAdminClient();

        var response = await anonymous.PostAsync("/api/organisations", new StringContent(
            """{ "type": "federation", "kind": "union", "name": "Intrus" }""", System.Text.Encoding.UTF8, "application/json"));
        var search = await admin.GetStringAsync("/api/organisations?q=Intrus");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(search, Does.Contain("\"total\":0"));
    }

    [TestCase("/health/live")]
    [TestCase("/health/ready")]
    [TestCase("/openapi/v1.json")]
    public async Task PublicEndpoints_AnswerWithoutAToken(string url)
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync(url);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task SwaggerUi_IsServed()
    {
        using var client = _factory.CreateClient();

        var html = await client.GetStringAsync("/swagger/index.html");

        Assert.That(html, Does.Contain("swagger-ui"));
    }

    [Test]
    public async Task OpenApiDocument_DescribesOrganisationsAndTheBearerScheme()
    {
        using var client = _factory.CreateClient();

        var document = await client.GetStringAsync("/openapi/v1.json");

        Assert.That(document, Does.Contain("/api/organisations/{id}").And.Contain("\"bearer\""));
    }

    [Test]
    public async Task AdminToken_IsAccepted()
    {
        using var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", CampaignDeskApiFactory.AdminToken);

        Assert.That((await client.GetAsync("/api/organisations")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
