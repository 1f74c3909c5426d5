using System.Text;
using System.Text.RegularExpressions;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Mail;
using CampaignDesk.TestSupport;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Utils;
using MimeMessage = MimeKit.MimeMessage;

namespace CampaignDesk.Core.Tests.Mail;

/// <summary>What the transport writes, read back by MimeKit: an independent parser, not the writer's own idea of MIME.</summary>
public partial class EmlFolderTransportTests
{
    private const string Subject = "Invitation : réunion publique « Madame la Députée » à l'Hôtel de Ville de Saint-Étienne-du-Rouvray, jeudi 14 mai";
    private const string Body = "Madame la Députée,\n\nNous avons l'honneur de vous inviter à la réunion publique qui se tiendra à la mairie, salle Œuvre-Élysée, le jeudi 14 mai à 18 h 30.   \r\nÉgalité = 100 % ; ça coûte 5 € — 🎉\r\n.\nFrom here on\n\tindentée\n";

    private static readonly Guid ThisInstallation = Guid.Parse("6d2f7a10-3b4c-4d5e-8f60-718293a4b5c6");

    private DirectoryInfo _root = null!;
    private EmlFolderTransport _transport = null!;

    [SetUp]
    public void CreateFolder()
    {
        _root = Directory.CreateTempSubdirectory("campaigndesk-mail-");
        _transport = Transport("outbox");
    }

    [TearDown]
    public void DeleteFolder() => _root.Delete(recursive: true);

    [Test]
    public async Task SendAsync_FrenchMail_DecodesBackToTheSameText()
    {
        var mail = Mail("k1") with
        {
            From = new MailAddress("equipe@campaigndesk.fr", "Équipe CampaignDesk — Île-de-France"),
            To = [new("helene@example.fr", "« Madame la Députée » Hélène Dupré-Lefèvre"), new("jean@example.fr", "Dupont, Jean \"JD\""), new("x@example.fr")],
        };

        await _transport.SendAsync(mail, default);

        var message = LoadSingleFile();
        Assert.That(message.Subject, Is.EqualTo(Subject));
        Assert.That(Mailboxes(message.From), Is.EqualTo(new[] { ("equipe@campaigndesk.fr", (string?)"Équipe CampaignDesk — Île-de-France") }));
        Assert.That(Mailboxes(message.To), Is.EqualTo(new[]
        {
            ("helene@example.fr", "« Madame la Députée » Hélène Dupré-Lefèvre"), ("jean@example.fr", "Dupont, Jean \"JD\""), ("x@example.fr", (string?)null),
        }));
        var text = (TextPart)message.Body!;
        Assert.That((text.ContentType.MimeType, text.ContentType.Charset), Is.EqualTo(("text/plain", "utf-8")));
        Assert.That(text.Text, Is.EqualTo(Lf(Body)), "MimeKit hands text back with LF line ends");
    }

    [TestCase("a", "é")]
    [TestCase("ab", "🎉")]
    [TestCase("", "€")]
    public async Task SendAsync_MultiByteCharacters_AreNeverSplitAcrossEncodedWords(string prefix, string character)
    {
        // Every offset of the character against the encoded-word size: the reader decodes each word strictly on its own.
        var name = prefix + string.Concat(Enumerable.Repeat(character, 40));

        await _transport.SendAsync(Mail("k1") with { Subject = name, To = [new("a@example.fr", name)] }, default);

        var message = LoadSingleFile();
        Assert.That(message.Subject, Is.EqualTo(name));
        Assert.That(message.To.Mailboxes.Single().Name, Is.EqualTo(name));
        // MimeKit forgives a character split across two encoded-words; decoded one by one, no word may hold half of one.
        Assert.That(EncodedWordsOf(message, HeaderId.Subject).Concat(EncodedWordsOf(message, HeaderId.To)), Is.Not.Empty.And.All.Not.Contain('\uFFFD'));
    }

    [Test]
    public async Task SendAsync_LongText_KeepsLinesShortCrlfOnlyAndAscii()
    {
        await _transport.SendAsync(Mail("k1") with { HtmlBody = "<p>" + string.Concat(Enumerable.Repeat("é ", 200)) + "</p>" }, default);

        var bytes = File.ReadAllBytes(Path.Combine(_transport.Folder, EmlFolderTransport.FileName("k1")));
        Assert.That(bytes, Is.All.LessThan(128), "RFC 5322 messages are ASCII");
        var text = Encoding.ASCII.GetString(bytes);
        Assert.That(text.Replace("\r\n", "", StringComparison.Ordinal), Does.Not.Contain("\r").And.Not.Contain("\n"), "CRLF only");
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.That(text[..split].Split("\r\n").Select(l => l.Length), Is.All.LessThanOrEqualTo(78), "header lines");
        Assert.That(text[..split].Split("\r\n").Count(l => l.StartsWith(' ')), Is.GreaterThan(1), "the long subject was folded");
        Assert.That(text[split..].Split("\r\n").Select(l => l.Length), Is.All.LessThanOrEqualTo(76), "body lines");
    }

    [Test]
    public async Task SendAsync_HtmlBody_IsMultipartAlternativeTextThenHtml()
    {
        const string html = "<p>Madame la Députée,</p>\n<p>« Bienvenue » — 100 % =</p>";

        await _transport.SendAsync(Mail("k1") with { HtmlBody = html }, default);

        var message = LoadSingleFile();
        var alternative = message.Body as MultipartAlternative;
        Assert.That(alternative, Is.Not.Null, message.Body?.ContentType.MimeType);
        var parts = alternative!.Cast<TextPart>().ToList();
        Assert.That(parts.Select(p => (p.ContentType.MimeType, p.ContentType.Charset)), Is.EqualTo(new[] { ("text/plain", "utf-8"), ("text/html", "utf-8") }));
        Assert.That(parts.Select(p => p.Text), Is.EqualTo(new[] { Lf(Body), Lf(html) }));
    }

    [Test]
    public async Task SendAsync_Headers_CarryIdDateKeyAndExtras()
    {
        var sent = await _transport.SendAsync(Mail("relance:42/é") with
        {
            Headers = new Dictionary<string, string> { ["List-Unsubscribe"] = "<mailto:stop@campaigndesk.fr>", ["X-Campagne"] = "Législatives 2026" },
        }, default);

        var message = LoadSingleFile();
        Assert.That(sent, Is.EqualTo(new SentMail($"<{message.MessageId}>", AlreadySent: false)));
        Assert.That(sent.ProviderMessageId, Is.EqualTo($"<{message.MessageId}>"));
        Assert.That(message.MessageId, Does.Match($"^[0-9a-f]{{24}}@{ThisInstallation:N}$"), "MimeKit parses it as an addr-spec");
        Assert.That(message.Date, Is.EqualTo(TestClock.DefaultStart));
        Assert.That(message.Headers[HeaderId.Date], Is.EqualTo("Mon, 02 Mar 2026 09:30:00 +0000"));
        Assert.That(message.MimeVersion, Is.EqualTo(new Version(1, 0)));
        Assert.That(message.Headers["X-CampaignDesk-Key"], Is.EqualTo("relance:42/é"));
        Assert.That(message.Headers[HeaderId.ListUnsubscribe], Is.EqualTo("<mailto:stop@campaigndesk.fr>"));
        Assert.That(message.Headers["X-Campagne"], Is.EqualTo("Législatives 2026"));
    }

    [Test]
    public async Task SendAsync_SameKeyInAnotherInstallation_HasAnotherMessageId()
    {
        var here = await _transport.SendAsync(Mail("relance-1"), default);
        var elsewhere = await Transport("other-outbox", Guid.Parse("0b7c1e52-5d1a-4c3e-9f0e-2a6b8d4c1f00")).SendAsync(Mail("relance-1"), default);
        var again = await Transport("outbox").SendAsync(Mail("relance-1"), default);

        Assert.That(elsewhere.ProviderMessageId, Is.Not.EqualTo(here.ProviderMessageId), "two installations never send the same Message-ID");
        Assert.That(again.ProviderMessageId, Is.EqualTo(here.ProviderMessageId), "a retry here keeps its Message-ID");
    }

    [TestCase("Bonjour,\n\nÀ bientôt.")]
    [TestCase("Bonjour,\r\nÀ bientôt.\r\n")]
    [TestCase("Une ligne\rpuis une autre\n")]
    public async Task SendAsync_AnyBody_WritesCrlfThroughoutAndEndsWithCrlf(string body)
    {
        await _transport.SendAsync(Mail("crlf") with { TextBody = body }, default);

        var bytes = File.ReadAllBytes(Path.Combine(_transport.Folder, EmlFolderTransport.FileName("crlf")));
        var bare = Enumerable.Range(0, bytes.Length).Where(i => (bytes[i] == '\n' && (i == 0 || bytes[i - 1] != '\r'))
            || (bytes[i] == '\r' && (i + 1 == bytes.Length || bytes[i + 1] != '\n'))).ToList();
        Assert.That(bare, Is.Empty, "no bare CR or LF");
        Assert.That(bytes[^2..], Is.EqualTo("\r\n"u8.ToArray()), "the file ends with CRLF");
        var message = LoadSingleFile();
        Assert.That(((TextPart)message.Body!).Text.TrimEnd('\n'), Is.EqualTo(body.Replace("\r\n", "\n").Replace('\r', '\n').TrimEnd('\n')));
    }

    [Test]
    public async Task SendAsync_SameKeyAgain_WritesNothingAndReportsAlreadySent()
    {
        var first = await _transport.SendAsync(Mail("k1"), default);
        var written = ReadSingleFile();

        var second = await Transport("outbox").SendAsync(Mail("k1") with { Subject = "Autre sujet" }, default);

        Assert.That(second, Is.EqualTo(first with { AlreadySent = true }));
        Assert.That(ReadSingleFile(), Is.EqualTo(written));
    }

    [Test]
    public async Task SendAsync_SameKeyConcurrently_WritesExactlyOneFile()
    {
        var sends = Enumerable.Range(0, 16).Select(i => Task.Run(() => Transport("outbox").SendAsync(Mail("k1") with { Subject = $"Essai {i}" }, default)));

        var results = await Task.WhenAll(sends);

        Assert.That(results.Count(r => !r.AlreadySent), Is.EqualTo(1));
        Assert.That(results.Select(r => r.ProviderMessageId).Distinct().Count(), Is.EqualTo(1));
        Assert.That(Directory.GetFiles(_transport.Folder), Has.Length.EqualTo(1), "one message and no temp file left");
    }

    [Test]
    public async Task SendAsync_KeysThatLookAlikeOnceSanitised_GetTheirOwnFilesAndIds()
    {
        var a = await _transport.SendAsync(Mail("relance/42"), default);
        var b = await _transport.SendAsync(Mail("relance:42"), default);

        Assert.That((a.AlreadySent, b.AlreadySent), Is.EqualTo((false, false)));
        Assert.That(a.ProviderMessageId, Is.Not.EqualTo(b.ProviderMessageId));
        Assert.That(Directory.GetFiles(_transport.Folder).Select(Path.GetFileName), Is.EquivalentTo(new[]
        {
            EmlFolderTransport.FileName("relance/42"), EmlFolderTransport.FileName("relance:42"),
        }).And.All.Match("^relance_42-[0-9a-f]{16}\\.eml$"));
    }

    [Test]
    public async Task SendAsync_TempFileLeftByACrash_IsNotCountedAsSent()
    {
        Directory.CreateDirectory(_transport.Folder);
        var leftover = Path.Combine(_transport.Folder, $".{EmlFolderTransport.FileName("k1")}.0123456789abcdef.tmp");
        await File.WriteAllTextAsync(leftover, "Message-ID: <half");

        var sent = await _transport.SendAsync(Mail("k1"), default);

        Assert.That(sent.AlreadySent, Is.False);
        Assert.That(LoadSingleFile().TextBody, Is.EqualTo(Lf(Body)));
    }

    [Test]
    public async Task SendAsync_RelativeFolder_IsCreatedUnderTheContentRoot()
    {
        await Transport("data/mail").SendAsync(Mail("k1"), default);

        Assert.That(File.Exists(Path.Combine(_root.FullName, "data", "mail", EmlFolderTransport.FileName("k1"))), Is.True);
    }

    private EmlFolderTransport Transport(string folder, Guid? installation = null) =>
        new(Options.Create(new MailOptions { EmlFolder = folder }), new TestHostEnvironment(_root.FullName), TestClock.Create(),
            Installation.Of(installation ?? ThisInstallation));

    private string ReadSingleFile() => File.ReadAllText(Directory.GetFiles(_transport.Folder, "*.eml").Single());

    private MimeMessage LoadSingleFile() => MimeMessage.Load(Directory.GetFiles(_transport.Folder, "*.eml").Single());

    internal static List<(string Address, string? DisplayName)> Mailboxes(InternetAddressList list) =>
        [.. list.Mailboxes.Select(m => (m.Address, string.IsNullOrEmpty(m.Name) ? null : m.Name))];

    // Each RFC 2047 encoded-word of the header's raw bytes, decoded alone by MimeKit.
    private static IEnumerable<string> EncodedWordsOf(MimeMessage message, HeaderId id) =>
        EncodedWord().Matches(Encoding.ASCII.GetString(message.Headers.First(h => h.Id == id).RawValue))
            .Select(word => Rfc2047.DecodeText(Encoding.ASCII.GetBytes(word.Value)));

    [GeneratedRegex(@"=\?[^?]+\?[BbQq]\?[^?]*\?=")]
    private static partial Regex EncodedWord();

    internal static OutgoingMail Mail(string key) =>
        new(key, new MailAddress("campaigndesk@localhost", "CampaignDesk"), [new MailAddress("depute@example.fr", "Madame la Députée")], Subject, Body);

    private static string Lf(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
