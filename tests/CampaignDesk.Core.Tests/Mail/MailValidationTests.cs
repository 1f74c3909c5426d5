using CampaignDesk.Core.Data;
using CampaignDesk.Core.Mail;
using CampaignDesk.TestSupport;
using Microsoft.Extensions.Options;

namespace CampaignDesk.Core.Tests.Mail;

/// <summary>What the transport refuses: anything that could end a header and start another, and malformed addresses.</summary>
public class MailValidationTests
{
    private static readonly OutgoingMail Valid = EmlFolderTransportTests.Mail("k1");

    private static IEnumerable<TestCaseData> Injections()
    {
        yield return Case("Subject", Valid with { Subject = "Bonjour\r\nBcc: everyone@example.fr" });
        yield return Case("Subject", Valid with { Subject = "Bonjour\nBcc: everyone@example.fr" });
        yield return Case("IdempotencyKey", Valid with { IdempotencyKey = "k1\r\nBcc: x@example.fr" });
        yield return Case("From.DisplayName", Valid with { From = new("a@example.fr", "Nom\rBcc: x@example.fr") });
        yield return Case("From.Address", Valid with { From = new("a@example.fr\r\nBcc: x@example.fr") });
        yield return Case("To[1].DisplayName", Valid with { To = [new("a@example.fr"), new("b@example.fr", "B\n")] });
        yield return Case("To[0].Address", Valid with { To = [new("a@example.fr\n")] });
        yield return Case("Headers", Valid with { Headers = new Dictionary<string, string> { ["X-A\r\nBcc"] = "x" } });
        yield return Case("Headers[X-A]", Valid with { Headers = new Dictionary<string, string> { ["X-A"] = "1\r\nBcc: x@example.fr" } });

        static TestCaseData Case(string field, OutgoingMail mail) => new TestCaseData(mail, field).SetArgDisplayNames(field);
    }

    [TestCaseSource(nameof(Injections))]
    public void SendAsync_LineBreakInAField_IsRefusedNamingTheField(OutgoingMail mail, string field) =>
        Assert.That(() => Send(mail), Throws.ArgumentException.With.Message.StartsWith(field).And.Message.Contains("CR or LF"));

    [TestCase("depute.example.fr")]
    [TestCase("a@b@example.fr")]
    [TestCase("@example.fr")]
    [TestCase("depute@")]
    [TestCase("jean dupont@example.fr")]
    [TestCase("<x>@example.fr")]
    [TestCase("depute@exa mple.fr")]
    [TestCase("")]
    public void SendAsync_MalformedAddress_IsRefused(string address) =>
        Assert.That(() => Send(Valid with { To = [new(address)] }), Throws.ArgumentException.With.Message.StartsWith("To[0].Address"));

    [Test]
    public void SendAsync_NoRecipient_IsRefused() =>
        Assert.That(() => Send(Valid with { To = [] }), Throws.ArgumentException.With.Message.StartsWith("To"));

    [TestCase("Bcc")]
    [TestCase("subject")]
    [TestCase("X-CampaignDesk-Key")]
    [TestCase("X:A")]
    public void SendAsync_ExtraHeaderTheTransportOwnsOrMalformed_IsRefused(string name) =>
        Assert.That(() => Send(Valid with { Headers = new Dictionary<string, string> { [name] = "x" } }),
            Throws.ArgumentException.With.Message.StartsWith($"Headers[{name}]"));

    [Test]
    public async Task SendAsync_AccentedDomain_IsWrittenAsPunycode()
    {
        var root = Directory.CreateTempSubdirectory("campaigndesk-mail-");
        try
        {
            await Transport(root.FullName).SendAsync(Valid with { To = [new("contact@mairie-évry.fr")] }, default);

            var message = await MimeKit.MimeMessage.LoadAsync(Directory.GetFiles(root.FullName).Single());
            Assert.That(message.Headers[MimeKit.HeaderId.To], Does.Contain("contact@xn--mairie-vry-h7a.fr"), "written as punycode");
            Assert.That(message.To.Mailboxes.Single().Address, Is.EqualTo("contact@xn--mairie-vry-h7a.fr").Or.EqualTo("contact@mairie-évry.fr"));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    private static Task<SentMail> Send(OutgoingMail mail) =>
        Transport(Path.Combine(Path.GetTempPath(), "campaigndesk-mail-never-written")).SendAsync(mail, default);

    private static EmlFolderTransport Transport(string folder) =>
        new(Options.Create(new MailOptions { EmlFolder = folder }), new TestHostEnvironment("/"), TestClock.Create(), Installation.Of(Guid.NewGuid()));
}
