using CampaignDesk.Core.Text;

namespace CampaignDesk.Core.Tests.Text;

public class SearchTextTests
{
    [TestCase("Pôle de Santé Interprofessionnel", "pole de sante interprofessionnel")]
    [TestCase("  ÉCHIROLLES  ", "echirolles")]
    [TestCase("Stétho’Scop", "stetho'scop")]
    [TestCase("Cœur   de\tVille", "coeur de ville")]
    [TestCase("Saint-Martin-d'Hères", "saint-martin-d'heres")]
    [TestCase(null, "")]
    public void Fold_RemovesAccentsCaseAndExtraSpaces(string? input, string expected) =>
        Assert.That(SearchText.Fold(input), Is.EqualTo(expected));

    [TestCase("santé", "%sante%")]
    [TestCase("100%", "%100\\%%")]
    [TestCase("a_b", "%a\\_b%")]
    public void ContainsPattern_EscapesLikeWildcards(string input, string expected) =>
        Assert.That(SearchText.ContainsPattern(input), Is.EqualTo(expected));

    [TestCase("Cyrielle  Chatelain", new[] { "chatelain", "cyrielle" })]
    [TestCase("jean JEANNE", new[] { "jeanne" })]
    [TestCase("  ", new string[0])]
    public void Words_AreFolded_Distinct_LongestFirst(string query, string[] expected) =>
        Assert.That(SearchText.Words(query, 6), Is.EqualTo(expected));
}
