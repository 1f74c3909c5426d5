using CampaignDesk.Core.Import.Rne;

namespace CampaignDesk.Core.Tests.Import.Rne;

/// <summary>The real releases: the five format-era samples (copied as fixtures) and the shared full-size files.</summary>
public class RneFileRealDataTests
{
    // Row counts measured with awk (lines minus the header, minus the 2019 title line); no blank lines in any.
    [TestCase("2019-01-rne-deputes.txt", 577, "tab-separated, cp1252, CRLF, title line, French headers")]
    [TestCase("2022-12-16-rne-dep.csv", 574, "tab-separated, UTF-8, LF, French headers")]
    [TestCase("2023-06-06-elus-depute.csv", 575, "tab-separated, UTF-8, LF, snake_case headers")]
    [TestCase("2023-11-30-elus-deputes-dep.csv", 577, "comma-separated, UTF-8, CRLF, French headers")]
    [TestCase("2024-07-30-elus-deputes.csv", 577, "semicolon-separated, UTF-8, CRLF, French headers")]
    public void Read_FormatSample_ReadsEveryRowAsDeputes(string name, int rows, string format)
    {
        using var file = RneTestFiles.Open(RneTestFiles.Fixture(name));
        var (records, problems) = RneTestFiles.ReadAll(file);

        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(file.Type, Is.EqualTo(RneFileType.Deputes));
            Assert.That(file.FormatDescription, Is.EqualTo(format));
            Assert.That(records, Has.Count.EqualTo(rows));
            Assert.That(records.Select(r => r.Role), Is.All.EqualTo("depute"));
            Assert.That(records.Select(r => r.CirconscriptionNumber), Is.All.InRange(1, 21));
            Assert.That(records.Select(r => r.DepartmentCode), Is.All.Matches<string?>(IsInseeDepartment));
        });
    }

    [TestCase("2019-01-rne-deputes.txt")]
    [TestCase("2022-12-16-rne-dep.csv")]
    [TestCase("2023-06-06-elus-depute.csv")]
    [TestCase("2023-11-30-elus-deputes-dep.csv")]
    [TestCase("2024-07-30-elus-deputes.csv")]
    public void Read_FormatSample_NormalisesXavierBretonAlike(string name) =>
        AssertXavierBreton(RneTestFiles.ReadAll(RneTestFiles.Fixture(name)).Records);

    [Test]
    public void Read_Deputes2025_ReadsEveryRowWithOverseasCodes()
    {
        var (type, records, problems) = RneTestFiles.ReadAll(RneTestFiles.SharedRne("2025-10-07/elus-deputes-dep.csv"));

        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(type, Is.EqualTo(RneFileType.Deputes));
            Assert.That(records, Has.Count.EqualTo(574));
        });
        AssertXavierBreton(records);
        AssertDepute(records, "LACOMBE", "2A", "94", 1);
        AssertDepute(records, "CECCOLI", "2B", "94", 2);
        AssertDepute(records, "BEN CHEÏKH", "ZZ", null, 9);
        AssertDepute(records, "LENORMAND", "975", "975", 1);
        AssertDepute(records, "REID ABERLOT", "987", "987", 3);
        AssertDepute(records, "GUMBS", "977", "ZX", 1);
        AssertDepute(records, "BERGANTZ", "78", null, 2);
    }

    [Test]
    public void Read_Deputes2023Snake_ReadsBareTerritoryCodeAsFirstCirconscription()
    {
        var (_, records, _) = RneTestFiles.ReadAll(RneTestFiles.Fixture("2023-06-06-elus-depute.csv"));
        var zx = records.Single(r => r.CollectivityCode == "ZX");

        Assert.Multiple(() =>
        {
            Assert.That((zx.DepartmentCode, zx.CirconscriptionNumber), Is.EqualTo(("977", 1)));
            Assert.That(records.Count(r => r.DepartmentCode == "972"), Is.EqualTo(4));
            Assert.That(records.Where(r => r.DepartmentCode == "972").Select(r => r.CirconscriptionNumber), Is.Unique);
            Assert.That(records.First(r => r.LastName == "BRETON").NuanceCode, Is.EqualTo("LR"));
            Assert.That(records.First(r => r.LastName == "BRETON").NuanceLabel, Is.EqualTo("Les Républicains"));
        });
    }

    [Test]
    public void Read_Deputes2019_MapsLetterCodesToInsee()
    {
        var (_, records, _) = RneTestFiles.ReadAll(RneTestFiles.Fixture("2019-01-rne-deputes.txt"));

        Assert.Multiple(() =>
        {
            Assert.That(records.Count(r => r.DepartmentCode == "974"), Is.EqualTo(7));
            Assert.That(records.Count(r => r.DepartmentCode == "ZZ"), Is.EqualTo(11));
            Assert.That(records.Single(r => r.DepartmentCode == "977").LastName, Is.EqualTo("GUION-FIRMIN"));
            Assert.That(records.Single(r => r.LastName == "FERRARA").DepartmentCode, Is.EqualTo("2A"));
        });
    }

    [Test]
    public void Read_Senateurs2025_ReadsEveryRowWithCollectivities()
    {
        var (type, records, problems) = RneTestFiles.ReadAll(RneTestFiles.SharedRne("2025-10-07/elus-senateurs-sen.csv"));

        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(type, Is.EqualTo(RneFileType.Senateurs));
            Assert.That(records, Has.Count.EqualTo(347));
            Assert.That(records.Single(r => r.LastName == "KULIMOETOKE").DepartmentCode, Is.EqualTo("986"));
            Assert.That(records.Single(r => r.LastName == "JACQUES").DepartmentCode, Is.EqualTo("977"));
            Assert.That(records.Single(r => r.LastName == "PÉTRUS").DepartmentCode, Is.EqualTo("978"));
            var vidal = records.Single(r => r.LastName == "VIDAL" && r.FirstName == "Paul");
            Assert.That((vidal.DepartmentCode, vidal.CollectivityCode), Is.EqualTo(("69", "69M")));
        });
    }

    [Test]
    public void Read_Maires2026_ReadsEveryRowWithCommuneCodes()
    {
        var (type, records, problems) = RneTestFiles.ReadAll(RneTestFiles.SharedRne("2026-04-24/elus-maires-mai.csv"));

        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(type, Is.EqualTo(RneFileType.Maires));
            Assert.That(records, Has.Count.EqualTo(32475));
            Assert.That(records.Select(r => r.CommuneInsee).Distinct().Count(), Is.EqualTo(32475));
            var first = records[0];
            Assert.That((first.Line, first.CommuneInsee, first.LastName), Is.EqualTo((2, "01001", "EVALET TAPONAT")));
            Assert.That(first.FunctionStart, Is.EqualTo(new DateOnly(2026, 3, 23)));
            Assert.That(records.Single(r => r.CommuneInsee == "97502").DepartmentCode, Is.EqualTo("975"));
            Assert.That(records.Count(r => r.CommuneInsee!.StartsWith("2B", StringComparison.Ordinal)), Is.GreaterThan(200));
        });
    }

    [Test]
    public void Read_ConseillersDepartementaux2025_ReadsEveryRowWithCantons()
    {
        var (type, records, problems) =
            RneTestFiles.ReadAll(RneTestFiles.SharedRne("2025-10-07/elus-conseillers-departementaux-cd.csv"));

        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(type, Is.EqualTo(RneFileType.ConseillersDepartementaux));
            Assert.That(records, Has.Count.EqualTo(4047));
            Assert.That(records[0].CantonCode, Is.EqualTo("0101"));
            Assert.That(records.Count(r => r.Function == "Président du conseil départemental"), Is.EqualTo(95));
            Assert.That(records.Single(r => r.LastName == "COURTOIS" && r.FirstName == "Jean-Philippe").CantonCode, Is.EqualTo("97107"));
        });
    }

    [Test]
    public void Read_ConseillersRegionaux2025_ReadsEveryRowWithSections()
    {
        var (type, records, problems) =
            RneTestFiles.ReadAll(RneTestFiles.SharedRne("2025-10-07/elus-conseillers-regionaux-cr.csv"));

        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(type, Is.EqualTo(RneFileType.ConseillersRegionaux));
            Assert.That(records, Has.Count.EqualTo(1749));
            Assert.That((records[0].RegionCode, records[0].SectionDepartmentCode), Is.EqualTo(("01", "971")));
            Assert.That(records.First(r => r.LastName == "BLACHÈRE").SectionDepartmentCode, Is.EqualTo("69M"));
        });
    }

    private static bool IsInseeDepartment(string? code) =>
        code is not null && System.Text.RegularExpressions.Regex.IsMatch(code, "^([0-9]{2}|2[AB]|9[78][0-9]|ZZ)$");

    private static void AssertXavierBreton(List<RneRecord> records)
    {
        var breton = records.First(r => r.LastName == "BRETON" && r.FirstName == "Xavier");
        Assert.Multiple(() =>
        {
            Assert.That(breton.DepartmentCode, Is.EqualTo("01"));
            Assert.That(breton.CirconscriptionNumber, Is.EqualTo(1));
            Assert.That(breton.BirthDate, Is.EqualTo(new DateOnly(1962, 11, 25)));
            Assert.That(breton.Sex, Is.EqualTo('M'));
            Assert.That(breton.MandateStart, Is.Not.Null);
        });
    }

    private static void AssertDepute(List<RneRecord> records, string lastName, string department, string? collectivity, int circonscription)
    {
        var depute = records.Single(r => r.LastName == lastName);
        Assert.That(
            (depute.DepartmentCode, depute.CollectivityCode, depute.CirconscriptionNumber),
            Is.EqualTo((department, collectivity, (int?)circonscription)),
            lastName);
    }
}
