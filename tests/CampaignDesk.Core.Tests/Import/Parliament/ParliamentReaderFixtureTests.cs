using System.Text;
using CampaignDesk.Core.Import.Parliament;
using static CampaignDesk.Core.Tests.Import.Parliament.ParliamentFiles;

namespace CampaignDesk.Core.Tests.Import.Parliament;

/// <summary>Hand-made files with the awkward records the real ones may one day contain.</summary>
public sealed class ParliamentReaderFixtureTests
{
    [Test]
    public void Read_AssembleeFixture_NormalisesAndReportsBadRecords()
    {
        var rows = ReadAll(Fixture("assemblee-small.json"));
        var members = rows.Members();

        Assert.Multiple(() =>
        {
            Assert.That(members.Select(m => m.DepartmentCode), Is.EqualTo(new[] { "38", "987", "ZZ", null }));
            Assert.That(members[0].Email, Is.EqualTo("cyrielle.chatelain@assemblee-nationale.fr"));
            Assert.That(members[1].Email, Is.Null, "empty");
            Assert.That(members[2].Email, Is.Null, "Non public");
            Assert.That(members[2].CirconscriptionNumber, Is.EqualTo(1), "a number, not a string");
            Assert.That(rows[3], Is.EqualTo(((ParliamentMember?)null, (ParliamentProblem?)new ParliamentProblem(4, "pas d'id"))));
            Assert.That(rows[4].Member?.SourceId, Is.EqualTo("PA000003"), "kept despite its problems");
            Assert.That(rows[4].Problem?.Reason, Does.Contain("pas-une-adresse").And.Contain("Atlantide"));
        });
    }

    [Test]
    public void Read_DatanFixture_QuotedFieldsShortLineAndCodes()
    {
        var rows = ReadAll(Fixture("datan-small.csv"));
        var members = rows.Members();

        Assert.Multiple(() =>
        {
            Assert.That(members.Select(m => m.DepartmentCode), Is.EqualTo(new[] { "33", "2A", "ZZ" }));
            Assert.That(members.Select(m => m.Line), Is.EqualTo(new[] { 2, 3, 4 }));
            Assert.That(members[0].Email, Is.EqualTo("Alain.David@assemblee-nationale.fr"), "local part kept, domain lower-cased");
            Assert.That(members[1].GroupLabel, Is.EqualTo("Libertés, Indépendants"));
            Assert.That(members[1].Sex, Is.EqualTo('F'));
            Assert.That(rows.Problems().Single().Line, Is.EqualTo(5));
            Assert.That(rows.Problems().Single().Reason, Does.Contain("champ(s) au lieu des"));
        });
    }

    [Test]
    public void Read_SenatListFixture_SeriesAbroadAndLabelOnly()
    {
        var members = ReadAll(Fixture("senat-list-small.json")).Members();

        Assert.Multiple(() =>
        {
            Assert.That(members.Select(m => m.DepartmentCode), Is.EqualTo(new[] { "21", "01", "ZZ", "987" }));
            Assert.That(members.Select(m => m.Chamber), Is.All.EqualTo(ParliamentMember.Senateur));
            Assert.That(members[1].LastName, Is.EqualTo("Blatrix Contat"));
        });
    }

    [Test]
    public void Read_OdsenFixture_FormerTerritoryQuietUnknownForSittingReported()
    {
        var rows = ReadAll(Fixture("odsen-small.json"));

        Assert.Multiple(() =>
        {
            Assert.That(rows[0].Member?.Email, Is.EqualTo("f.gerbaud@senat.fr"));
            Assert.That(rows[1], Is.EqualTo((rows[1].Member, (ParliamentProblem?)null)), "Alger is history, not a problem");
            Assert.That(rows[1].Member?.DepartmentCode, Is.Null);
            Assert.That(rows[2].Member?.Sex, Is.EqualTo('F'), "Mlle");
            Assert.That(rows[2].Problem?.Reason, Does.Contain("pas une date").And.Contain("Atlantide"));
            Assert.That(rows[3].Member, Is.Null);
            Assert.That(rows[3].Problem, Is.EqualTo(new ParliamentProblem(4, "pas de Matricule")));
        });
    }

    [Test]
    public void Read_TruncatedJsonFixture_ThrowsBeforeAnyRecord()
    {
        using var stream = Fixture("truncated.json");

        var error = Assert.Throws<InvalidDataException>(() => ParliamentReader.Read(stream));

        Assert.That(error.Message, Does.Contain("pas du JSON valide").And.Contain("tronqué"));
    }

    [Test]
    public void Read_UnrelatedCsvFixture_ThrowsNamingTheHeader()
    {
        using var stream = Fixture("unrelated.csv");

        var error = Assert.Throws<InvalidDataException>(() => ParliamentReader.Read(stream));

        Assert.That(error.Message, Does.Contain("code;libelle;population").And.Contain("Datan"));
    }

    [TestCase("", "vide")]
    [TestCase("  \r\n\t ", "vide")]
    [TestCase("{\"results\": [{\"id\": 1}]}", "Matricule")]
    [TestCase("[]", "aucun enregistrement")]
    [TestCase("[{\"name\": \"x\"}]", "ni une liste")]
    [TestCase("{\"a\": 1", "pas du JSON valide")]
    [TestCase("hello world", "Contenu non reconnu")]
    public void Detect_BadContent_ThrowsClearMessage(string content, string expected)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(content));

        var error = Assert.Throws<InvalidDataException>(() => ParliamentReader.Detect(stream));

        Assert.That(error.Message, Does.Contain(expected));
    }

    [Test]
    public void Detect_BinaryContent_ThrowsBinary()
    {
        var bytes = new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0xFF, 0xD8 };
        using var stream = new MemoryStream(bytes);

        var error = Assert.Throws<InvalidDataException>(() => ParliamentReader.Detect(stream));

        Assert.That(error.Message, Does.Contain("binaire"));
    }

    [Test]
    public void Read_NonSeekableStreamWithBom_Reads()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("[{\"id\":\"PA1\",\"nom\":\"Jean Dupont\",\"dept\":\"Ain\",\"circo\":\"1\"}]")).ToArray();
        using var stream = new ForwardOnlyStream(bytes);

        var member = ParliamentReader.Read(stream).Single().Member;

        Assert.That((member?.SourceId, member?.DepartmentCode), Is.EqualTo(("PA1", "01")));
    }

    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
