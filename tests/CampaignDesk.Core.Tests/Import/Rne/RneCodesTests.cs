using CampaignDesk.Core.Import.Rne;

namespace CampaignDesk.Core.Tests.Import.Rne;

public class RneCodesTests
{
    [TestCase("1", "01")]
    [TestCase("01", "01")]
    [TestCase("2a", "2A")]
    [TestCase("971", "971")]
    [TestCase("ZD", "974")]
    [TestCase("ZX", "977")]
    [TestCase("ZZ", "ZZ")]
    [TestCase("69M", "69M")]
    [TestCase(null, null)]
    public void Department_Code_IsInseeForm(string? raw, string? expected) =>
        Assert.That(RneCodes.Department(raw), Is.EqualTo(expected));

    [TestCase("0101", "01", null, 1)]
    [TestCase("101", "1", null, 1)]
    [TestCase("1308", "13", null, 8)]
    [TestCase("ZZ01", "ZZ", null, 1)]
    [TestCase("2A02", "2A", "94", 2)]
    [TestCase("97501", null, "975", 1)]
    [TestCase("97701", null, "ZX", 1)]
    [TestCase("972", "972", "972", 1)]
    [TestCase("977", null, "ZX", 1)]
    [TestCase("01", "01", null, 1)]
    [TestCase("11", "ZZ", null, 11)]
    [TestCase("0102", "78", null, 2)]
    public void Circonscription_EveryEraCode_IsNumberWithinDepartment(string code, string? department, string? collectivity, int expected) =>
        Assert.That(RneCodes.Circonscription(code, department, collectivity), Is.EqualTo(expected));

    [TestCase("00", "01", null)]
    [TestCase("972", null, null)]
    [TestCase("01AB", "01", null)]
    public void Circonscription_Unreadable_IsNull(string code, string? department, string? collectivity) =>
        Assert.That(RneCodes.Circonscription(code, department, collectivity), Is.Null);

    [TestCase("1001", "01001")]
    [TestCase("75056", "75056")]
    [TestCase("2a004", "2A004")]
    [TestCase("123456", null)]
    [TestCase("2C004", null)]
    public void Commune_Code_IsPaddedInsee(string raw, string? expected) =>
        Assert.That(RneCodes.Commune(raw), Is.EqualTo(expected));
}
