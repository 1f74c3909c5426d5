using CampaignDesk.Core.Parliament;

namespace CampaignDesk.Core.Tests.Parliament;

public class KeywordMatcherTests
{
    [Test]
    public void Find_IgnoresAccentsAndCase_MatchesPhrasesAndWholeWords_WithOffsetsInTheOriginal()
    {
        const string text = "Les DÉSERTS  médicaux et les désertsmédicaux ; centres de santé, centre de santé, incentres de santé.";
        var matches = new KeywordMatcher(["deserts medicaux", "centre* de sante"]).Find(text);

        Assert.That(matches.Select(m => text.Substring(m.Start, m.Length)),
            Is.EqualTo(new[] { "DÉSERTS  médicaux", "centres de santé", "centre de santé" }));
    }

    [Test]
    public void ToHtml_EscapesTheText_AndMarksOnlyTheMatches()
    {
        const string text = "<script>alert(1)</script> & centres de santé";
        var matches = new KeywordMatcher(["centres de santé"]).Find(text);
        var (excerpt, highlights) = Excerpt.Around(text, matches);

        Assert.That(Excerpt.ToHtml(excerpt, highlights),
            Is.EqualTo("&lt;script&gt;alert(1)&lt;/script&gt; &amp; <mark>centres de santé</mark>"));
    }

    [Test]
    public void WrittenQuestion_FromTheDocumentedFormat_KeepsQuestionAnswerMinistriesAndLink()
    {
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(
            Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "parliament-watch", "QANR5L17QE9999.json")));
        var item = ParliamentImportService.Read(document.RootElement);

        Assert.Multiple(() =>
        {
            Assert.That(item.Kind, Is.EqualTo("written_question"));
            Assert.That(item.Url, Is.EqualTo("https://questions.assemblee-nationale.fr/q17/17-9999QE.htm"));
            Assert.That(item.Body, Does.Contain("centres de santé participatifs & de la médiation en santé au 30 avril 2026 <script>."));
            Assert.That(item.Answer, Is.EqualTo("Le Gouvernement étudie l'intégration des structures dans le droit commun."));
            Assert.That(item.Ministry, Is.EqualTo("Ministère de la santé et de l'accès aux soins"));
            Assert.That(item.AnsweringMinistry, Is.EqualTo("Ministère du travail, de la santé et des solidarités"));
            Assert.That(item.Analyses, Is.EqualTo("Centres de santé ; Financement des centres de santé participatifs ; Médiation en santé"));
            Assert.That((item.StatedOn, item.AnsweredOn), Is.EqualTo((new DateOnly(2026, 2, 10), (DateOnly?)new DateOnly(2026, 3, 3))));
            Assert.That(item.People, Is.EqualTo(new[] { new ParliamentPerson("PA841853", "author", "PO845470") }));
        });
    }
}
