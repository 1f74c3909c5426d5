using CampaignDesk.Core.Import.Parliament;
using static CampaignDesk.Core.Tests.Import.Parliament.ParliamentFiles;

namespace CampaignDesk.Core.Tests.Import.Parliament;

/// <summary>The real open-data files: every record reads, counts and spot checks hold.</summary>
public sealed class ParliamentReaderRealFilesTests
{
    [TestCase("assemblee/deputes.json", ParliamentSource.Assemblee)]
    [TestCase("datan/deputes-active-2026-03-09.csv", ParliamentSource.Datan)]
    [TestCase("senat/senateurs-api-2026-03-03.json", ParliamentSource.SenatList)]
    [TestCase("senat/ODSEN_GENERAL-2025-08-29.json", ParliamentSource.SenatGeneral)]
    [TestCase("senat/format-sample-2021-ODSEN_GENERAL.csv", ParliamentSource.SenatGeneral)]
    public void Detect_RealFile_RecognisesSourceAndRewinds(string file, ParliamentSource expected)
    {
        using var stream = File.OpenRead(Shared(file));

        var source = ParliamentReader.Detect(stream);

        Assert.Multiple(() =>
        {
            Assert.That(source, Is.EqualTo(expected));
            Assert.That(stream.Position, Is.Zero);
        });
    }

    [TestCase("assemblee/deputes.json", 577)]
    [TestCase("datan/deputes-active-2026-03-09.csv", 577)]
    [TestCase("senat/senateurs-api-2026-03-03.json", 348)]
    [TestCase("senat/ODSEN_GENERAL-2025-08-29.json", 1938)]
    public void Read_RealFile_EveryRecordWithoutProblem(string file, int expectedMembers)
    {
        var rows = ReadShared(file);

        Assert.Multiple(() =>
        {
            Assert.That(rows.Problems(), Is.Empty);
            Assert.That(rows.Members(), Has.Count.EqualTo(expectedMembers));
            Assert.That(rows.Members().Select(m => m.SourceId), Is.Unique);
        });
    }

    [TestCase("assemblee/deputes.json")]
    [TestCase("datan/deputes-active-2026-03-09.csv")]
    [TestCase("senat/senateurs-api-2026-03-03.json")]
    public void Read_SittingMembers_EveryOneHasADepartment(string file)
    {
        var members = ReadShared(file).Members();

        Assert.That(members.Where(m => m.DepartmentCode is null).Select(m => m.SourceId), Is.Empty);
    }

    [Test]
    public void Read_Assemblee_CyrielleChatelainInIsereSecond()
    {
        var chatelain = ReadShared("assemblee/deputes.json").Members().Single(m => m.LastName == "Cyrielle Chatelain");

        Assert.Multiple(() =>
        {
            Assert.That(chatelain.DepartmentCode, Is.EqualTo("38"));
            Assert.That(chatelain.CirconscriptionNumber, Is.EqualTo(2));
            Assert.That(chatelain.Email, Is.EqualTo("cyrielle.chatelain@assemblee-nationale.fr"));
            Assert.That(chatelain.GroupCode, Is.EqualTo("EcoS"));
            Assert.That(chatelain.FirstName, Is.Empty);
            Assert.That(chatelain.Chamber, Is.EqualTo(ParliamentMember.Depute));
        });
    }

    [Test]
    public void Read_Assemblee_SpecialTerritoriesCoded()
    {
        var members = ReadShared("assemblee/deputes.json").Members();

        Assert.Multiple(() =>
        {
            Assert.That(members.Count(m => m.DepartmentCode == "ZZ"), Is.EqualTo(11));
            Assert.That(members.Count(m => m.DepartmentCode == "2A"), Is.EqualTo(2));
            Assert.That(members.Count(m => m.DepartmentCode == "2B"), Is.EqualTo(2));
            Assert.That(members.Count(m => m.DepartmentCode == "987"), Is.EqualTo(3));
            Assert.That(members.Single(m => m.DepartmentCode == "977").LastName, Does.Contain("Gumbs"));
            Assert.That(members.Where(m => m.DepartmentCode is "975" or "986").Select(m => m.DepartmentCode), Is.EquivalentTo(new[] { "975", "986" }));
            Assert.That(members.Select(m => m.DepartmentCode), Is.All.Matches<string>(c => c.Length is 2 or 3));
        });
    }

    [Test]
    public void Read_Datan_CodesNormalisedAndFieldsFilled()
    {
        var members = ReadShared("datan/deputes-active-2026-03-09.csv").Members();
        var david = members.Single(m => m.SourceId == "PA1008");

        Assert.Multiple(() =>
        {
            Assert.That(members.Count(m => m.DepartmentCode == "ZZ"), Is.EqualTo(11), "099 is abroad");
            Assert.That(members.Count(m => m.DepartmentCode is "2A" or "2B"), Is.EqualTo(4), "2a/2b upper-cased");
            Assert.That(members.Count(m => m.Sex == 'F'), Is.EqualTo(210));
            Assert.That((david.LastName, david.FirstName, david.BirthDate), Is.EqualTo(("David", "Alain", new DateOnly(1949, 6, 2))));
            Assert.That((david.DepartmentCode, david.CirconscriptionNumber, david.GroupCode), Is.EqualTo(("33", 4, "SOC")));
            Assert.That(david.Line, Is.EqualTo(2));
        });
    }

    [Test]
    public void Read_SenatList_CodesAndGroups()
    {
        var members = ReadShared("senat/senateurs-api-2026-03-03.json").Members();
        var patriat = members.Single(m => m.SourceId == "08061X");

        Assert.Multiple(() =>
        {
            Assert.That((patriat.LastName, patriat.FirstName, patriat.Sex), Is.EqualTo(("Patriat", "François", (char?)'M')));
            Assert.That((patriat.DepartmentCode, patriat.GroupCode), Is.EqualTo(("21", "LREM")));
            Assert.That(members.Count(m => m.DepartmentCode == "ZZ"), Is.EqualTo(12), "997/998: the two series abroad");
            Assert.That(members.Single(m => m.LastName == "de La Gontrie").DepartmentCode, Is.EqualTo("75"));
            Assert.That(members.Select(m => m.Email), Is.All.Null, "the list has no e-mail");
        });
    }

    [Test]
    public void Read_OdsenJson_ActiveSenatorsAndHiddenEmails()
    {
        var members = ReadShared("senat/ODSEN_GENERAL-2025-08-29.json").Members();
        var gerbaud = members.Single(m => m.SourceId == "14355X");

        Assert.Multiple(() =>
        {
            Assert.That(members.Count(m => m.Active == true), Is.EqualTo(347));
            Assert.That(members.Count(m => m.Active == false), Is.EqualTo(1591));
            Assert.That(members.Select(m => m.Email), Has.None.EqualTo("Non public"));
            Assert.That(members.Count(m => m.Email is not null), Is.EqualTo(1033 - 139));
            Assert.That(members.Where(m => m.Active == true && m.DepartmentCode is null), Is.Empty);
            Assert.That((gerbaud.Email, gerbaud.BirthDate, gerbaud.DepartmentCode, gerbaud.Sex),
                Is.EqualTo(("f.gerbaud@senat.fr", (DateOnly?)new DateOnly(1959, 7, 3), "36", (char?)'F')));
        });
    }

    [Test]
    public void Read_Odsen2021CsvSample_AccentsFromCp1252AndPhysicalLines()
    {
        var rows = ReadAll(Fixture("format-sample-2021-ODSEN_GENERAL.csv"));
        var members = rows.Members();
        var abadie = members[0];

        Assert.Multiple(() =>
        {
            Assert.That(rows.Problems(), Is.Empty);
            Assert.That(members, Has.Count.EqualTo(1845), "the '%' lines announce 1845 result lines");
            Assert.That((abadie.SourceId, abadie.LastName, abadie.FirstName), Is.EqualTo(("83008P", "Abadie", "François")));
            Assert.That((abadie.DepartmentCode, abadie.Active, abadie.Email), Is.EqualTo(("65", (bool?)false, (string?)null)));
            Assert.That(abadie.BirthDate, Is.EqualTo(new DateOnly(1930, 6, 19)));
            Assert.That(abadie.Line, Is.EqualTo(20), "18 '%' lines and the header come first");
            Assert.That(members.Single(m => m.SourceId == "14263U").Email, Is.EqualTo("p.abate@senat.fr"));
            Assert.That(members.Select(m => m.LastName + m.FirstName), Has.None.Contains("\uFFFD").And.Some.Contains("é"));
        });
    }
}
