using CampaignDesk.Core.Exports;

namespace CampaignDesk.Core.Tests.Exports;

public class FormulaGuardTests
{
    [TestCase("=1+2")]
    [TestCase("+33 6 12 34 56 78")]
    [TestCase("-2+3")]
    [TestCase("@SUM(A1)")]
    [TestCase("\t=1")]
    [TestCase("\r=1")]
    [TestCase("   =1+2")]
    [TestCase(" @x")]
    public void Neutralise_FormulaTrigger_PrefixesAnApostrophe(string text) =>
        Assert.That(FormulaGuard.Neutralise(text), Is.EqualTo("'" + text));

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("Jean-Pierre")]
    [TestCase("Député·e")]
    [TestCase("1+2")]
    [TestCase("a=b")]
    [TestCase("'=1")]
    public void Neutralise_OrdinaryText_Unchanged(string text) =>
        Assert.That(FormulaGuard.Neutralise(text), Is.SameAs(text));
}
