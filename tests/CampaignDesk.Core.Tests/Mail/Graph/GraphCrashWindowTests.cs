using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CampaignDesk.Core.Mail.Graph;
using CampaignDesk.Stubs;
using static CampaignDesk.Core.Tests.Mail.Graph.GraphHarness;

namespace CampaignDesk.Core.Tests.Mail.Graph;

/// <summary>The two windows a crash can hit: after the draft was created, and after Graph accepted the send.</summary>
public class GraphCrashWindowTests
{
    [Test]
    public async Task SendAsync_DraftLeftByAnEarlierCrash_SendsThatDraftOnce()
    {
        await using var stub = await GraphStub.StartAsync();
        await CreateDraftAsync(stub, "relance-3");
        using var transport = Transport(Options(stub));

        var sent = await transport.SendAsync(NewMail("relance-3"), CancellationToken.None);

        Assert.That(sent.AlreadySent, Is.False);
        Assert.That(stub.DeliveriesOf("relance-3"), Is.EqualTo(1));
        Assert.That(stub.Count(GraphOperation.CreateDraft), Is.EqualTo(1), "only the crashed run created a draft");
        Assert.That(stub.Messages.InMailbox(Mailbox), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task SendAsync_DraftCreatedThenConnectionLost_RetrySendsThatDraftOnce()
    {
        await using var stub = await GraphStub.StartAsync();
        stub.Faults.Add(GraphOperation.CreateDraft, GraphFault.AcceptThenCrash());
        using var transport = Transport(Options(stub));

        await transport.SendAsync(NewMail("relance-4"), CancellationToken.None);

        Assert.That(stub.DeliveriesOf("relance-4"), Is.EqualTo(1));
        Assert.That(stub.Messages.InMailbox(Mailbox), Has.Count.EqualTo(1), "no second draft");
    }

    [Test]
    public async Task SendAsync_SendAcceptedThenConnectionLost_RetryFindsItSentAndDeliversOnce()
    {
        await using var stub = await GraphStub.StartAsync();
        stub.Faults.Add(GraphOperation.Send, GraphFault.AcceptThenCrash());
        using var transport = Transport(Options(stub));

        var sent = await transport.SendAsync(NewMail("relance-5"), CancellationToken.None);

        Assert.That(sent.AlreadySent, Is.False, "this call's own send got there");
        Assert.That(stub.DeliveriesOf("relance-5"), Is.EqualTo(1));
        Assert.That(stub.Count(GraphOperation.Send), Is.EqualTo(1), "the retry looked first and did not post /send again");
        Assert.That(stub.Requests.Select(r => r.Outcome), Does.Contain("crash-after:202"));
    }

    [Test]
    public async Task SendAsync_SentByAnEarlierProcess_ReportsAlreadySentWithoutSending()
    {
        await using var stub = await GraphStub.StartAsync();
        var id = await CreateDraftAsync(stub, "relance-6");
        stub.Messages.Send(Mailbox, id);
        using var transport = Transport(Options(stub));

        var sent = await transport.SendAsync(NewMail("relance-6"), CancellationToken.None);

        Assert.That(sent.AlreadySent, Is.True);
        Assert.That(stub.Count(GraphOperation.Send), Is.Zero);
        Assert.That(stub.DeliveriesOf("relance-6"), Is.EqualTo(1));
    }

    /// <summary>What a run that crashed after creating its draft leaves behind, created through the stub's Graph API.</summary>
    private static async Task<string> CreateDraftAsync(GraphStub stub, string key)
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", stub.Token);
        var draft = new JsonObject
        {
            ["subject"] = $"Objet {key}",
            ["body"] = new JsonObject { ["contentType"] = "text", ["content"] = $"Bonjour, {key}." },
            ["toRecipients"] = new JsonArray(new JsonObject { ["emailAddress"] = new JsonObject { ["address"] = "elu@mairie.example" } }),
            ["singleValueExtendedProperties"] = new JsonArray(new JsonObject { ["id"] = GraphMessages.KeyPropertyId, ["value"] = key }),
        };
        using var content = new StringContent(draft.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri($"{stub.BaseUrl}/users/{Mailbox}/messages"), content);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
    }
}
