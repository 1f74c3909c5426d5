using CampaignDesk.Core.Replies;

namespace CampaignDesk.Core.Tests.Replies;

public class MailNoiseTests
{
    private static InboundMail Mail(string from, string subject, params (string Name, string Value)[] headers) =>
        new("id", "<m@x>", null, from, subject, null, null, DateTimeOffset.UtcNow, [.. headers.Select(h => KeyValuePair.Create(h.Name, h.Value))]);

    [TestCase("MAILER-DAEMON@mx.example.fr", "Votre message")]
    [TestCase("postmaster@assemblee-nationale.fr", "Notification")]
    [TestCase("elu@mairie.fr", "Undeliverable: Relance")]
    [TestCase("elu@mairie.fr", "Non remis : Relance")]
    public void Classify_AReport_IsABounce(string from, string subject) =>
        Assert.That(MailNoise.Classify(Mail(from, subject, ("Auto-Submitted", "auto-replied"))), Is.EqualTo(MailNature.Bounce));

    [Test]
    public void Classify_AMultipartReport_IsABounce_WhateverItsSubject() =>
        Assert.That(MailNoise.Classify(Mail("robot@mx.fr", "Info", ("Content-Type", "multipart/report; report-type=delivery-status"))),
            Is.EqualTo(MailNature.Bounce));

    [TestCase("Réponse automatique : Relance")]
    [TestCase("Automatic reply: Relance")]
    [TestCase("Absence du bureau")]
    public void Classify_AnOutOfOfficeSubject_IsAnAutomaticReply(string subject) =>
        Assert.That(MailNoise.Classify(Mail("elu@mairie.fr", subject)), Is.EqualTo(MailNature.AutoReply));

    [TestCase("Auto-Submitted", "auto-generated", MailNature.AutoReply)]
    [TestCase("Auto-Submitted", "No", MailNature.Person)]
    [TestCase("X-Auto-Response-Suppress", "All", MailNature.AutoReply)]
    public void Classify_ByHeader(string name, string value, MailNature expected) =>
        Assert.That(MailNoise.Classify(Mail("elu@mairie.fr", "RE: Relance", (name, value))), Is.EqualTo(expected));

    [Test]
    public void ReferencedIds_ReadsInReplyToAndReferences_OnceEach() =>
        Assert.That(MailNoise.ReferencedIds(Mail("elu@mairie.fr", "RE: x", ("In-Reply-To", "<a@b>"), ("References", "<c@d>\r\n <a@b>"))),
            Is.EqualTo(new[] { "<a@b>", "<c@d>" }));
}
