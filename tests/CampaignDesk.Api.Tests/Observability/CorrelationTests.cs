using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CampaignDesk.Api.Tests.Observability;

/// <summary>
/// A follow-up scheduled through the API and sent by the in-process worker to the Graph stub: one correlation id in the
/// API's answer, the API's log scope, the row, the worker's log scope and every Graph request of the message.
/// </summary>
public class CorrelationTests : SendWorldTest
{
    private const string Header = "X-Correlation-Id";

    [Test]
    public async Task AFollowUpScheduledThroughTheApi_CarriesTheRequestsCorrelationId_ToTheWorkerAndGraph()
    {
        using var coordinator = World.ClientFor(World.People["coordinatorA"].Token);
        var response = await coordinator.PostAsJsonAsync("/api/followups",
            new { officialId = World.OfficialId, organisationId = World.OrganisationA, templateId = World.TemplateId });
        var followUp = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), followUp.ToString());
        var id = response.Headers.GetValues(Header).Single();
        var followUpId = followUp.GetProperty("id").GetInt64();

        await WaitUntilSentAsync(followUpId);

        var mailbox = $"structure-{World.OrganisationA}@example.org";
        var graphRequests = Stub.Requests.Where(r => r.Mailbox == mailbox).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(Guid.TryParse(id, out _), Is.True, "a generated id is a GUID, what Graph takes as client-request-id");
            Assert.That(followUp.GetProperty("correlationId").GetString(), Is.EqualTo(id), "kept on the row");
            Assert.That(Factory.Logs.Messages, Has.Some.EqualTo($"CampaignDesk.Api.Hosting.CorrelationIdMiddleware scope: CorrelationId:{id}"));
            Assert.That(Factory.Logs.Messages, Has.Some.EqualTo($"CampaignDesk.Core.FollowUps.FollowUpDispatcher scope: CorrelationId:{id}"));
            Assert.That(graphRequests, Has.Count.GreaterThanOrEqualTo(3), "look-up, draft, send");
            Assert.That(graphRequests.Select(r => r.Header("client-request-id")), Is.All.EqualTo(id));
        });
    }

    [Test]
    public async Task AValidIncomingCorrelationId_IsKept_EvenOnARefusal()
    {
        using var anonymous = World.ClientFor(null);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me") { Headers = { { Header, "lb-7f3a.run:42" } } };

        var response = await anonymous.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Headers.GetValues(Header).Single(), Is.EqualTo("lb-7f3a.run:42"));
    }

    [TestCase("two words")]
    [TestCase("{\"forged\":true}")]
    [TestCase("a-very-long-id-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task AnUnsafeIncomingCorrelationId_IsReplacedByANewGuid(string given)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.TryAddWithoutValidation(Header, given);

        var response = await World.Admin.SendAsync(request);

        var id = response.Headers.GetValues(Header).Single();
        Assert.That(Guid.TryParse(id, out _), Is.True, id);
        Assert.That(Factory.Logs.Text, Does.Not.Contain(given));
    }
}
