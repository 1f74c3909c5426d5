using CampaignDesk.Core.Import.Identity;

namespace CampaignDesk.Core.Tests.Import.Identity;

public sealed class PersonNamesTests
{
    [TestCase("Jérôme", "jerome")]
    [TestCase("BLATRIX CONTAT", "blatrix contat")]
    [TestCase("Blatrix-Contat", "blatrix contat")]
    [TestCase("  Blatrix  --  Contat ", "blatrix contat")]
    [TestCase("de La Gontrie", "de la gontrie")]
    [TestCase("DE LA GONTRIE", "de la gontrie")]
    [TestCase("Saint-Martin-d'Hères", "saint martin d heres")]
    [TestCase("Saint-Martin-d’Hères", "saint martin d heres")]
    [TestCase("Lœuillet", "loeuillet")]
    [TestCase("de Nicolaÿ", "de nicolay")]
    [TestCase("BEN CHEÏKH", "ben cheikh")]
    public void Fold_Variant_SameKey(string name, string expected) =>
        Assert.That(PersonNames.Fold(name), Is.EqualTo(expected));

    [Test]
    public void StrictKeys_HyphenOrSpaceInCompoundSurname_Shared()
    {
        var rne = PersonNames.StrictKeys("BLATRIX CONTAT", "FLORENCE");
        var senat = PersonNames.StrictKeys("Blatrix-Contat", "Florence");

        Assert.That(rne, Is.EqualTo(senat));
        Assert.That(rne[0], Is.EqualTo("blatrix contat|florence"));
    }

    [Test]
    public void StrictKeys_ApostropheWrittenOrDropped_Shared()
    {
        var withApostrophe = PersonNames.StrictKeys("d'Hères", "Jean-Paul");
        var without = PersonNames.StrictKeys("DHERES", "Jean Paul");

        Assert.That(withApostrophe.Intersect(without), Is.EqualTo(new[] { "dheres|jeanpaul" }));
    }

    [Test]
    public void StrictKeys_OnePartOfCompoundSurname_NotShared()
    {
        var full = PersonNames.StrictKeys("REID ABERLOT", "Mereana");
        var partial = PersonNames.StrictKeys("Reid", "Mereana");

        Assert.That(full.Intersect(partial), Is.Empty);
    }

    [Test]
    public void LooseKeys_CompoundSurnameWithTypo_ShareTheCommonPart()
    {
        var rne = PersonNames.Keys("REID ABERLOT", "Mereana");
        var assemblee = PersonNames.Keys("Reid Arbelot", "Mereana");

        Assert.That(rne.Intersect(assemblee), Is.EqualTo(new[] { "reid|mereana" }));
    }

    [Test]
    public void LooseKeys_ParticleDropped_Shared()
    {
        var keys = PersonNames.LooseKeys("de Nicolaÿ", "Louis-Jean");

        Assert.That(keys, Does.Contain("nicolay|louis jean").And.Contain("nicolay|louis"));
    }

    [Test]
    public void LooseKeys_ParticleAloneOrShortPart_NotAKey()
    {
        var keys = PersonNames.LooseKeys("de La Gontrie", "Marie-Pierre");

        Assert.That(keys, Has.None.StartsWith("de|").And.None.StartsWith("la|"));
    }

    [Test]
    public void Splits_FullName_LongestSurnameFirst()
    {
        var splits = PersonNames.Splits("Mereana  Reid Arbelot");

        Assert.That(splits, Is.EqualTo(new[] { ("Reid Arbelot", "Mereana"), ("Arbelot", "Mereana Reid") }));
    }

    [Test]
    public void SplitFullName_KnownCompoundSurname_Split()
    {
        var split = PersonNames.SplitFullName("Marie-Pierre de La Gontrie", ["DE LA GONTRIE", "GONTRIE"]);

        Assert.That(split, Is.EqualTo(("de La Gontrie", "Marie-Pierre")));
    }

    [Test]
    public void SplitFullName_NoKnownSurname_Null() =>
        Assert.That(PersonNames.SplitFullName("Alain David", ["DUPONT"]), Is.Null);
}
