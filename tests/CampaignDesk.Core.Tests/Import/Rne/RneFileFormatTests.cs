using CampaignDesk.Core.Import.Rne;

namespace CampaignDesk.Core.Tests.Import.Rne;

/// <summary>Hand-made fixtures, one per trap of the real releases.</summary>
public class RneFileFormatTests
{
    [TestCase("deputes-utf8-bom-crlf.csv", "semicolon-separated, UTF-8 with BOM, CRLF, French headers")]
    [TestCase("deputes-utf8-no-bom-lf.csv", "semicolon-separated, UTF-8, LF, French headers")]
    [TestCase("deputes-cp1252-tab.txt", "tab-separated, cp1252, CRLF, French headers")]
    public void Read_EncodingAndLineEnds_ReadsSameRecords(string name, string format)
    {
        using var file = RneTestFiles.Open(RneTestFiles.Fixture(name));
        var (records, problems) = RneTestFiles.ReadAll(file);

        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(file.FormatDescription, Is.EqualTo(format));
            Assert.That(records.Select(r => (r.Line, r.LastName, r.DepartmentCode, r.CirconscriptionNumber)), Is.EqualTo(new[]
            {
                (2, "BRETON", "01", (int?)1), (3, "LACOMBE", "2A", 1), (4, "TÉMARU", "987", 2),
            }));
            Assert.That(records[0].Function, Is.Null);
            Assert.That(records[2].FirstName, Is.EqualTo("Mereana"));
        });
    }

    [Test]
    public void Read_QuotedFieldsWithSeparatorsInside_KeepsThemWhole()
    {
        var (_, records, problems) = RneTestFiles.ReadAll(RneTestFiles.Fixture("deputes-quoted-comma.csv"));

        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(records, Has.Count.EqualTo(2));
            Assert.That((records[0].DepartmentCode, records[0].CirconscriptionNumber), Is.EqualTo(("01", (int?)1)));
            Assert.That(records[1].LastName, Is.EqualTo("DUPONT, dit \"Le Grand\""));
            Assert.That(records[1].FirstName, Is.EqualTo("Jean; Marie"));
            Assert.That((records[1].DepartmentCode, records[1].CirconscriptionNumber), Is.EqualTo(("75", (int?)5)));
        });
    }

    [Test]
    public void Read_UnpaddedCodesAndEveryDateFormat_Normalises()
    {
        var (_, records, problems) = RneTestFiles.ReadAll(RneTestFiles.Fixture("deputes-unpadded-dates.csv"));
        var born1962 = new DateOnly(1962, 11, 25);
        var elected = new DateOnly(2024, 7, 8);

        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(
                records.Select(r => (r.DepartmentCode, r.CollectivityCode, r.CirconscriptionNumber, r.BirthDate, r.MandateStart)),
                Is.EqualTo(new (string?, string?, int?, DateOnly?, DateOnly?)[]
                {
                    ("01", null, 1, born1962, elected),   // d/m/yyyy, "1" and "101"
                    ("09", null, 2, born1962, elected),                               // yyyy-mm-dd
                    ("ZZ", null, 3, born1962, elected),                               // ISO date-times
                    ("975", "975", 1, born1962, elected),                             // dd/mm/yy
                    ("977", "ZX", 1, new DateOnly(1975, 4, 3), elected),
                }));
        });
    }

    [Test]
    public void Open_TitleLineBeforeHeader_SkipsItAndCountsPhysicalLines()
    {
        using var file = RneTestFiles.Open(RneTestFiles.Fixture("deputes-2019-title-line.txt"));
        var (records, problems) = RneTestFiles.ReadAll(file);

        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(file.FormatDescription, Is.EqualTo("tab-separated, cp1252, CRLF, title line, French headers"));
            Assert.That(records.Select(r => (r.Line, r.DepartmentCode, r.CirconscriptionNumber)), Is.EqualTo(new[]
            {
                (3, "01", (int?)1), (4, "977", 1), (5, "974", 2),
            }));
            Assert.That(records[0].MandateStart, Is.EqualTo(new DateOnly(2017, 6, 18)));
            Assert.That(records[2].FirstName, Is.EqualTo("Huguette"));
            Assert.That(records[0].CollectivityCode, Is.Null);
        });
    }

    [Test]
    public void Read_SnakeCaseHeaders_ReadsNuanceAndIsoDates()
    {
        using var file = RneTestFiles.Open(RneTestFiles.Fixture("deputes-snake-case.tsv"));
        var (records, problems) = RneTestFiles.ReadAll(file);

        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(file.FormatDescription, Does.EndWith("snake_case headers"));
            Assert.That(records[0].BirthDate, Is.EqualTo(new DateOnly(1962, 11, 25)));
            Assert.That(records[0].MandateStart, Is.EqualTo(new DateOnly(2022, 6, 22)));
            Assert.That((records[0].NuanceCode, records[0].NuanceLabel), Is.EqualTo(("LR", "Les Républicains")));
            Assert.That((records[1].DepartmentCode, records[1].CirconscriptionNumber), Is.EqualTo(("972", (int?)1)));
        });
    }

    [Test]
    public void Read_ColumnsReorderedWithHeaderVariantsAndExtraColumn_ReadsByName()
    {
        using var file = RneTestFiles.Open(RneTestFiles.Fixture("deputes-reordered-extra-column.csv"));
        var (records, problems) = RneTestFiles.ReadAll(file);
        var breton = records.Single();

        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(file.Type, Is.EqualTo(RneFileType.Deputes));
            Assert.That((breton.LastName, breton.FirstName, breton.Sex), Is.EqualTo(("BRETON", "Xavier", (char?)'M')));
            Assert.That((breton.DepartmentCode, breton.CirconscriptionNumber), Is.EqualTo(("01", (int?)1)));
            Assert.That(breton.BirthDate, Is.EqualTo(new DateOnly(1962, 11, 25)));
            Assert.That(breton.MandateStart, Is.EqualTo(new DateOnly(2024, 7, 8)));
        });
    }

    [TestCase("deputes-utf8-no-bom-lf.csv", RneFileType.Deputes, "depute")]
    [TestCase("senateurs.csv", RneFileType.Senateurs, "senateur")]
    [TestCase("maires.csv", RneFileType.Maires, "maire")]
    [TestCase("conseillers-departementaux.csv", RneFileType.ConseillersDepartementaux, "conseiller_departemental")]
    [TestCase("conseillers-regionaux.csv", RneFileType.ConseillersRegionaux, "conseiller_regional")]
    [TestCase("conseillers-municipaux.csv", RneFileType.ConseillersMunicipaux, "conseiller_municipal")]
    [TestCase("conseillers-arrondissement.csv", RneFileType.ConseillersArrondissement, "conseiller_arrondissement")]
    [TestCase("deputes-europeens.csv", RneFileType.DeputesEuropeens, "depute_europeen")]
    public void Open_ColumnsOfEachFileType_DetectsType(string name, RneFileType type, string role)
    {
        var (detected, records, problems) = RneTestFiles.ReadAll(RneTestFiles.Fixture(name));

        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(detected, Is.EqualTo(type));
            Assert.That(records, Is.Not.Empty);
            Assert.That(records.Select(r => (r.Type, r.Role)), Is.All.EqualTo((type, role)));
        });
    }

    [Test]
    public void Read_Maires_PadsCommuneAndKeepsCorsicaAndCollectivity()
    {
        var (_, records, _) = RneTestFiles.ReadAll(RneTestFiles.Fixture("maires.csv"));

        Assert.Multiple(() =>
        {
            Assert.That(records.Select(r => (r.CommuneInsee, r.DepartmentCode)), Is.EqualTo(new[]
            {
                ("01001", "01"), ("2A004", "2A"), ("97209", "972"),
            }));
            Assert.That(records[0].FunctionStart, Is.EqualTo(new DateOnly(2026, 3, 23)));
            Assert.That(records[0].Function, Is.Null);
        });
    }

    [Test]
    public void Read_ConseillersMunicipaux_KeepsFunctionLabels()
    {
        var (_, records, _) = RneTestFiles.ReadAll(RneTestFiles.Fixture("conseillers-municipaux.csv"));

        Assert.Multiple(() =>
        {
            Assert.That(records.Select(r => r.Function), Is.EqualTo(new[] { "Maire", "Premier adjoint", null }));
            Assert.That(records.Select(r => r.FunctionStart), Is.EqualTo(new DateOnly?[]
            {
                new DateOnly(2026, 3, 23), new DateOnly(2026, 3, 23), null,
            }));
        });
    }

    [Test]
    public void Read_DepartementalAndRegionalCouncillors_PadsCantonAndRegion()
    {
        var (_, departmental, _) = RneTestFiles.ReadAll(RneTestFiles.Fixture("conseillers-departementaux.csv"));
        var (_, regional, _) = RneTestFiles.ReadAll(RneTestFiles.Fixture("conseillers-regionaux.csv"));

        Assert.Multiple(() =>
        {
            Assert.That(departmental.Select(r => (r.DepartmentCode, r.CantonCode)), Is.EqualTo(new[]
            {
                ("01", "0101"), ("971", "97107"),
            }));
            Assert.That(departmental[1].Function, Is.EqualTo("1er Vice-président du conseil départemental"));
            Assert.That(regional.Select(r => (r.RegionCode, r.SectionDepartmentCode, r.DepartmentCode)), Is.EqualTo(new[]
            {
                ("01", "971", (string?)null), ("84", "69M", null),
            }));
        });
    }
}
