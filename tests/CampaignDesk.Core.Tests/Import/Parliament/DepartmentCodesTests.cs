using CampaignDesk.Core.Import.Parliament;

namespace CampaignDesk.Core.Tests.Import.Parliament;

public sealed class DepartmentCodesTests
{
    [TestCase("Gironde", "33")]
    [TestCase("ISERE", "38")]
    [TestCase("Alpes de Haute-Provence", "04")]
    [TestCase("Côte-d'Or", "21")]
    [TestCase("Réunion", "974")]
    [TestCase("La Réunion", "974")]
    [TestCase("Polynésie Française", "987")]
    [TestCase("Iles Wallis et Futuna", "986")]
    [TestCase("Saint-Barthélemy et Saint-Martin", "977")]
    [TestCase("Saint-Martin", "978")]
    [TestCase("Français établis hors de France (Série 1)", "ZZ")]
    [TestCase("Corse-du-Sud", "2A")]
    [TestCase("Alger", null)]
    [TestCase("", null)]
    public void FromName_Label_Code(string name, string? expected) =>
        Assert.That(DepartmentCodes.FromName(name), Is.EqualTo(expected));

    [TestCase("1", "01")]
    [TestCase("01", "01")]
    [TestCase("2a", "2A")]
    [TestCase("099", "ZZ")]
    [TestCase("998", "ZZ")]
    [TestCase("ZX", "977")]
    [TestCase("971", "971")]
    [TestCase("96", null)]
    [TestCase("Gironde", null)]
    public void Normalize_SourceCode_InseeCode(string code, string? expected) =>
        Assert.That(DepartmentCodes.Normalize(code), Is.EqualTo(expected));
}
