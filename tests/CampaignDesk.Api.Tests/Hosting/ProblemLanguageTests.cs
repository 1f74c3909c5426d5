using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CampaignDesk.Api.Tests.Access;

namespace CampaignDesk.Api.Tests.Hosting;

/// <summary>
/// Refusals in the reader's language, each with a stable code: French when the request asks for it (the web pages send
/// <c>Accept-Language: fr</c>), English for scripts; the codes are the same in both.
/// </summary>
public class ProblemLanguageTests : WorldTest
{
    private object FutureInteraction(bool own = true) => new
    {
        organisationId = World.Organisation(own),
        officialId = World.OfficialId,
        channel = "phone",
        outcome = "spoke",
        occurredAt = DateTimeOffset.UtcNow.AddDays(3),
    };

    private async Task<JsonElement> SendAsync(HttpRequestMessage request, string? language, HttpStatusCode status, string? token = null)
    {
        using var client = World.ClientFor(token ?? World.People["volunteerA"].Token);
        if (language is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", language);
        }

        return await (await client.SendAsync(request)).AssertProblemAsync(status);
    }

    private static HttpRequestMessage Post(string path, object body) => new(HttpMethod.Post, path) { Content = JsonContent.Create(body) };

    [TestCase("fr", "La requête contient des erreurs.", "Quand cela s'est passé : pas dans le futur (pour prévoir un contact, créez une tâche).")]
    [TestCase("fr-FR,fr;q=0.9,en;q=0.8", "La requête contient des erreurs.", "Quand cela s'est passé : pas dans le futur (pour prévoir un contact, créez une tâche).")]
    [TestCase("en-GB,fr;q=0.5", "One or more validation errors occurred.", "When it happened: not in the future (to plan a contact, create a task).")]
    [TestCase(null, "One or more validation errors occurred.", "When it happened: not in the future (to plan a contact, create a task).")]
    public async Task AValidationError_IsInTheAskedLanguage_WithTheSameCodes(string? language, string title, string message)
    {
        var problem = await SendAsync(Post("/api/interactions", FutureInteraction()), language, HttpStatusCode.BadRequest);

        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo(title));
            Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("validation_failed"));
            Assert.That(problem.GetProperty("errors").GetProperty("occurredAt")[0].GetString(), Is.EqualTo(message));
            Assert.That(problem.GetProperty("errorCodes").GetProperty("occurredAt")[0].GetString(), Is.EqualTo("occurred_at_invalid"));
        });
    }

    [Test]
    public async Task AListOfAllowedValues_IsWrittenInFrench()
    {
        var problem = await SendAsync(Post("/api/interactions", new
        {
            organisationId = World.OrganisationA,
            officialId = World.OfficialId,
            channel = "pigeon",
            outcome = "spoke"
        }), "fr", HttpStatusCode.BadRequest);

        Assert.That(problem.GetProperty("errors").GetProperty("channel")[0].GetString(), Does.StartWith("Une de ces valeurs est attendue : email, letter"));
        Assert.That(problem.GetProperty("errorCodes").GetProperty("channel")[0].GetString(), Is.EqualTo("one_of"));
    }

    [Test]
    public async Task AForbiddenAction_SaysWhyInFrench_WithItsCode()
    {
        var problem = await SendAsync(Post("/api/interactions", new
        {
            organisationId = World.OrganisationB,
            officialId = World.OfficialId,
            channel = "phone",
            outcome = "spoke"
        }), "fr", HttpStatusCode.Forbidden);

        Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("Action non autorisée"));
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo("Seuls les membres d'une organisation notent ses contacts."));
        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("interaction_log_forbidden"));
    }

    [Test]
    public async Task SomethingAbsent_IsNamedInFrench_WithItsCode()
    {
        var problem = await SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/officials/999999"), "fr", HttpStatusCode.NotFound);

        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo("Aucun·e élu·e n'a l'identifiant 999999."));
        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("official_not_found"));
    }

    [Test]
    public async Task AnUnreadableBody_IsExplainedInFrench_WithItsCode()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/interactions") { Content = new StringContent("{\"notes\": ", Encoding.UTF8, "application/json") };

        var problem = await SendAsync(request, "fr", HttpStatusCode.BadRequest);

        Assert.That(problem.GetProperty("errors").GetProperty("$")[0].GetString(), Does.StartWith("Le corps de la requête n'est pas du JSON valide"));
        Assert.That(problem.GetProperty("errorCodes").GetProperty("$")[0].GetString(), Does.StartWith("json_invalid"));
    }

    [Test]
    public async Task AWrongQueryParameter_IsNamedInFrench_WithItsCode()
    {
        var problem = await SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/interactions?official=abc"), "fr", HttpStatusCode.BadRequest);

        Assert.That(problem.GetProperty("errors").GetProperty("official")[0].GetString(), Is.EqualTo("« abc » n'est pas un nombre entier valide."));
        Assert.That(problem.GetProperty("errorCodes").GetProperty("official")[0].GetString(), Is.EqualTo("not_whole_number"));
    }

    [Test]
    public async Task TheFrameworksOwnRefusals_HaveACodeAndAFrenchTitle()
    {
        using var anonymous = World.ClientFor(null);
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.TryAddWithoutValidation("Accept-Language", "fr");

        var problem = await (await anonymous.SendAsync(request)).AssertProblemAsync(HttpStatusCode.Unauthorized);

        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("unauthorized"));
        Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("Non authentifié"));
    }
}
