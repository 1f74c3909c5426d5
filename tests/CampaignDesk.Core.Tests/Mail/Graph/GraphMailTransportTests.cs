using CampaignDesk.Core.Mail;
using CampaignDesk.Core.Mail.Graph;
using CampaignDesk.Stubs;
using static CampaignDesk.Core.Tests.Mail.Graph.GraphHarness;

namespace CampaignDesk.Core.Tests.Mail.Graph;

public class GraphMailTransportTests
{
    [Test]
    public async Task SendAsync_NewKey_DeliversOnceFromTheMailboxWithSubjectAndBody()
    {
        await using var stub = await GraphStub.StartAsync();
        using var transport = Transport(Options(stub));

        var sent = await transport.SendAsync(NewMail("relance-1"), CancellationToken.None);

        Assert.That(sent.AlreadySent, Is.False);
        var delivery = stub.Deliveries.Single();
        Assert.Multiple(() =>
        {
            Assert.That(sent.ProviderMessageId, Is.EqualTo(delivery.InternetMessageId));
            Assert.That(delivery.Mailbox, Is.EqualTo(Mailbox));
            Assert.That(delivery.From, Is.EqualTo(Mailbox));
            Assert.That(delivery.To, Is.EqualTo(new[] { "elu@mairie.example" }));
            Assert.That(delivery.Subject, Is.EqualTo("Objet relance-1"));
            Assert.That(delivery.BodyType, Is.EqualTo("text"));
            Assert.That(delivery.Body, Is.EqualTo("Bonjour, relance-1."));
            Assert.That(delivery.Properties[GraphMessages.KeyPropertyId], Is.EqualTo("relance-1"));
        });
    }

    [Test]
    public async Task SendAsync_HtmlAndHeaders_SendsHtmlAndOnlyXHeaders()
    {
        await using var stub = await GraphStub.StartAsync();
        using var transport = Transport(Options(stub));
        var headers = new Dictionary<string, string> { ["X-Campaign"] = "42", ["List-Unsubscribe"] = "<mailto:stop@coalition.example>" };

        await transport.SendAsync(NewMail("html-1") with { HtmlBody = "<p>Bonjour</p>", Headers = headers }, CancellationToken.None);

        var delivery = stub.Deliveries.Single();
        Assert.That((delivery.BodyType, delivery.Body), Is.EqualTo(("html", "<p>Bonjour</p>")));
        Assert.That(delivery.Headers, Is.EquivalentTo(new Dictionary<string, string> { ["X-Campaign"] = "42" }));
    }

    [Test]
    public async Task SendAsync_SameKeyTwice_DeliversOnceAndReportsAlreadySent()
    {
        await using var stub = await GraphStub.StartAsync();
        using var transport = Transport(Options(stub));

        var first = await transport.SendAsync(NewMail("relance-2"), CancellationToken.None);
        var second = await transport.SendAsync(NewMail("relance-2"), CancellationToken.None);

        Assert.That((first.AlreadySent, second.AlreadySent), Is.EqualTo((false, true)));
        Assert.That(second.ProviderMessageId, Is.EqualTo(first.ProviderMessageId));
        Assert.That(stub.DeliveriesOf("relance-2"), Is.EqualTo(1));
        Assert.That(stub.Count(GraphOperation.CreateDraft), Is.EqualTo(1));
    }

    [Test]
    public async Task SendAsync_NonTransientBadRequest_IsNotRetriedAndSaysWhy()
    {
        await using var stub = await GraphStub.StartAsync();
        using var transport = Transport(Options(stub));
        stub.Faults.Add(GraphOperation.CreateDraft, GraphFault.BadRequest("ErrorInvalidRecipients"));

        var rejected = Assert.ThrowsAsync<MailRejectedException>(() => transport.SendAsync(NewMail("bad-1"), CancellationToken.None));

        Assert.That(rejected!.Message, Does.Contain("400 ErrorInvalidRecipients"), "the outbox marks it failed, with the reason");
        var error = (Microsoft.Graph.Models.ODataErrors.ODataError)rejected.InnerException!;
        Assert.That((error.ResponseStatusCode, error.Error?.Code), Is.EqualTo((400, "ErrorInvalidRecipients")));
        Assert.That(stub.Count(GraphOperation.CreateDraft), Is.EqualTo(1));
        Assert.That(stub.Deliveries, Is.Empty);
    }

    [Test]
    public void SendAsync_InvalidMail_ThrowsArgumentExceptionWithoutCallingGraph()
    {
        using var transport = Transport(new GraphOptions { StaticToken = "t", BaseUrl = "http://127.0.0.1:9/v1.0" });

        Assert.ThrowsAsync<ArgumentException>(() => transport.SendAsync(NewMail("k") with { To = [] }, CancellationToken.None));
        Assert.ThrowsAsync<ArgumentException>(() => transport.SendAsync(NewMail("k") with { Subject = "a\r\nBcc: x@y.z" }, CancellationToken.None));
        Assert.ThrowsAsync<ArgumentException>(() => transport.SendAsync(NewMail(" "), CancellationToken.None));
    }
}
