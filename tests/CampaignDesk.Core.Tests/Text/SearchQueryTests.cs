using CampaignDesk.Core.Text;

namespace CampaignDesk.Core.Tests.Text;

public class SearchQueryTests
{
    [TestCase("chatelaine", "chatelain", 2, 1)]
    [TestCase("chtelain", "chatelain", 2, 1)]
    [TestCase("chatelian", "chatelain", 2, 1)]
    [TestCase("cyrile", "cyrielle", 1, 1)]
    [TestCase("hoareau", "hoarau", 1, 1)]
    [TestCase("martni", "martinez", 1, 1)]
    [TestCase("marin", "martin", 1, 1)]
    [TestCase("dupond", "durand", 1, int.MaxValue)]
    [TestCase("lamantin", "martin", 2, int.MaxValue)]
    public void ToPrefix_CountsDamerauLevenshteinEditsToTheWordsBeginning(string typed, string word, int max, int expected) =>
        Assert.That(Typos.ToPrefix(typed, word, max), Is.EqualTo(expected));

    [TestCase("Saint-Martin-d'Hères", new[] { "saint", "martin", "d", "heres" })]
    [TestCase("  LE   PEN  marine le", new[] { "le", "pen", "marine" })]
    [TestCase("%_'-", new string[0])]
    public void Parse_FoldsAndSplitsOnAnythingButLettersAndDigits(string text, string[] expected) =>
        Assert.That(SearchQuery.Parse(text).Tokens.Select(t => t.Text), Is.EqualTo(expected));

    [TestCase("abcd", 0)]
    [TestCase("abcde", 1)]
    [TestCase("abcdefg", 1)]
    [TestCase("abcdefgh", 2)]
    public void Tokens_ForgiveOneTypoFromFiveLettersAndTwoFromEight(string word, int expected) =>
        Assert.That(SearchQuery.Parse(word).Tokens.Single().MaxTypos, Is.EqualTo(expected));

    [TestCase("marine le pen", "le pen marine", "nom exact")]
    [TestCase("pen", "le pen marine", "mots exacts")]
    [TestCase("mar pe", "le pen marine", "préfixe")]
    [TestCase("chatelaine", "chatelain cyrielle", "1 faute")]
    [TestCase("martin", "dumartin luc", null)]
    public void Match_SaysWhy(string query, string text, string? reason) =>
        Assert.That(SearchQuery.Parse(query).Match(text, forgiving: true)?.Reason, Is.EqualTo(reason));
}
