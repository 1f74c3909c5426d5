using CampaignDesk.Core.Contacts;

namespace CampaignDesk.Core.Tests.Contacts;

public class FrenchPhoneTests
{
    [TestCase("04 76 12 34 56", null, "+33476123456")]
    [TestCase("01.40.63.74.66", null, "+33140637466")]
    [TestCase("0241257800", null, "+33241257800")]
    [TestCase("+33 1 56 81 75 05", null, "+33156817505")]
    [TestCase("+33 (0)1 56 81 75 05", null, "+33156817505")]
    [TestCase("0033 1 56 81 75 05", null, "+33156817505")]
    [TestCase("05 90 88 20 20", null, "+590590882020")]
    [TestCase("06 90 12 34 56", "971", "+590690123456")]
    [TestCase("05 96 12 34 56", null, "+596596123456")]
    [TestCase("05 94 12 34 56", null, "+594594123456")]
    [TestCase("02 62 12 34 56", null, "+262262123456")]
    [TestCase("06 92 12 34 56", null, "+262692123456")]
    [TestCase("02 69 61 10 10", "976", "+262269611010")]
    [TestCase("06 39 12 34 56", null, "+262639123456")]
    [TestCase("+687 44 19 73", null, "+687441973")]
    [TestCase("44 19 73", "988", "+687441973")]
    [TestCase("41 10 10", "975", "+508411010")]
    [TestCase("72 00 00", "986", "+681720000")]
    [TestCase("40 47 22 00", "987", "+68940472200")]
    [TestCase("+32 2 123 45 67", null, "+3221234567")]
    public void Normalize_AsTheOpenDataWritesThem_GiveE164(string raw, string? department, string expected) =>
        Assert.That(FrenchPhone.Normalize(raw, department), Is.EqualTo(expected));

    [TestCase("44 19 73", null)]
    [TestCase("44 19 73", "38")]
    [TestCase("0012345", null)]
    [TestCase("00 00 00 00 00", null)]
    [TestCase("04 76 12 34", null)]
    [TestCase("+33 4 76 12 34", null)]
    [TestCase("", null)]
    public void Normalize_NotANumber_IsNull(string raw, string? department) =>
        Assert.That(FrenchPhone.Normalize(raw, department), Is.Null);

    [TestCase("+33476123456", "04 76 12 34 56")]
    [TestCase("+33970033369", "09 70 03 33 69")]
    [TestCase("+590590882020", "05 90 88 20 20")]
    [TestCase("+262262123456", "02 62 12 34 56")]
    [TestCase("+262269611010", "02 69 61 10 10")]
    [TestCase("+262692123456", "06 92 12 34 56")]
    [TestCase("+596696123456", "06 96 12 34 56")]
    [TestCase("+687441973", "+687 44 19 73")]
    [TestCase("+68940472200", "+689 40 47 22 00")]
    [TestCase("+3221234567", "+3221234567")]
    public void Display_FrenchFormat_OverseasDepartmentsDialledAsAtHome(string e164, string expected) =>
        Assert.That(FrenchPhone.Display(e164), Is.EqualTo(expected));

    [Test]
    public void ParseAll_TwoNumbersInOneValue_GivesBoth()
    {
        var both = FrenchPhone.ParseAll("06.74.00.97.19 et 05.62.96.74.39", "32", out var rejected);
        var named = FrenchPhone.ParseAll("04.77.92.09.15 (Firminy) / 04.77.51.78.74 (Saint-Just-Saint-Rambert)", "42", out var none);

        Assert.Multiple(() =>
        {
            Assert.That(both, Is.EqualTo(new[] { "+33674009719", "+33562967439" }));
            Assert.That(named, Is.EqualTo(new[] { "+33477920915", "+33477517874" }));
            Assert.That(rejected.Concat(none), Is.Empty);
        });
    }

    [Test]
    public void ParseAll_TextWithoutANumber_RejectsWhatLooksLikeOne()
    {
        var found = FrenchPhone.ParseAll("standard : 12 34 56", "38", out var rejected);

        Assert.That(found, Is.Empty);
        Assert.That(rejected, Is.EqualTo(new[] { "12 34 56" }));
    }
}
