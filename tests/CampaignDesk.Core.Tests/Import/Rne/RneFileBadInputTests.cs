using CampaignDesk.Core.Import.Rne;

namespace CampaignDesk.Core.Tests.Import.Rne;

public class RneFileBadInputTests
{
    [TestCase("empty.csv", "vide")]
    [TestCase("binary.bin", "binaire")]
    [TestCase("binary-no-nul.bin", "binaire")]
    [TestCase("unrelated-columns.csv", "Nom de l'élu, Prénom de l'élu, Date de début du mandat")]
    public void Open_NotAnRneFile_ThrowsInvalidDataWithReason(string name, string reason)
    {
        using var stream = File.OpenRead(RneTestFiles.Fixture(name));

        var error = Assert.Throws<InvalidDataException>(() => RneFile.Open(stream));

        Assert.That(error.Message, Does.Contain(reason));
    }

    [Test]
    public void Open_BomAndBlankLinesOnly_ThrowsEmpty()
    {
        var error = Assert.Throws<InvalidDataException>(() => RneTestFiles.Open([0xEF, 0xBB, 0xBF, (byte)'\n', (byte)'\n']));

        Assert.That(error.Message, Does.Contain("vide"));
    }

    [Test]
    public void Open_HeaderWithoutMandateStart_ThrowsNamingTheMissingColumn()
    {
        var header = "Nom de l'élu;Prénom de l'élu;Code du département\nBRETON;Xavier;01\n"u8.ToArray();

        var error = Assert.Throws<InvalidDataException>(() => RneTestFiles.Open(header));

        Assert.That(error.Message, Does.Contain("Date de début du mandat").And.Not.Contain("Prénom"));
    }

    [Test]
    public void Read_OnlyAHeader_YieldsNothing()
    {
        using var file = RneTestFiles.Open(RneTestFiles.Fixture("header-only.csv"));

        Assert.Multiple(() =>
        {
            Assert.That(file.Type, Is.EqualTo(RneFileType.Deputes));
            Assert.That(file.Read(), Is.Empty);
        });
    }

    [Test]
    public void Read_TruncatedLastLine_ReportsItsLineAndReadsTheOthers()
    {
        var (_, records, problems) = RneTestFiles.ReadAll(RneTestFiles.Fixture("truncated-last-line.csv"));

        Assert.Multiple(() =>
        {
            Assert.That(records.Select(r => r.LastName), Is.EqualTo(new[] { "BRETON", "LACOMBE" }));
            Assert.That(problems, Is.EqualTo(new[] { new RneProblem(4, "7 champ(s) au lieu des 13 de l'en-tête") }));
        });
    }

    [Test]
    public void Read_ImpossibleDate_ReportsLineAndReasonAndGoesOn()
    {
        var (_, records, problems) = RneTestFiles.ReadAll(RneTestFiles.Fixture("impossible-date.csv"));

        Assert.Multiple(() =>
        {
            Assert.That(records.Select(r => r.Line), Is.EqualTo(new[] { 2, 4 }));
            Assert.That(problems, Is.EqualTo(new[] { new RneProblem(3, "« Date de naissance » illisible : « 31/02/1970 »") }));
        });
    }

    [Test]
    public void Read_MissingName_ReportsTheRow()
    {
        var (_, records, problems) = RneTestFiles.ReadAll(RneTestFiles.Fixture("missing-name.csv"));

        Assert.Multiple(() =>
        {
            Assert.That(records.Select(r => r.Line), Is.EqualTo(new[] { 3 }));
            Assert.That(problems, Is.EqualTo(new[] { new RneProblem(2, "« Nom de l'élu » manquant") }));
        });
    }

    [TestCase("01;Ain;;;0101;1ère;BRETON;Xavier;X;25/11/1962;33;Cadre;08/07/2024", "« Code sexe » non reconnu : « X »")]
    [TestCase("01;Ain;;;01AB;1ère;BRETON;Xavier;M;25/11/1962;33;Cadre;08/07/2024", "« Code de la circonscription législative » non reconnu : « 01AB »")]
    [TestCase("01;Ain;;;0101;\"1ère;BRETON;Xavier;M;25/11/1962;33;Cadre;08/07/2024", "un champ entre guillemets n'est pas fermé sur sa ligne")]
    [TestCase("01;Ain;;;0101;1ère;BRETON;Xavier;M;25/11/1962;33;Cadre;2024-13-01", "« Date de début du mandat » illisible : « 2024-13-01 »")]
    [TestCase("01;Ain;;;0101;1ère;BRETON;Xavier;M;25/11/2062;33;Cadre;08/07/2024", "« Date de naissance » illisible : « 25/11/2062 »")]
    public void Read_UnreadableRow_ReportsReason(string row, string reason)
    {
        var content = System.Text.Encoding.UTF8.GetBytes(
            File.ReadLines(RneTestFiles.Fixture("header-only.csv")).First() + "\n" + row + "\n");
        using var file = RneTestFiles.Open(content);

        Assert.That(file.Read().Single().Problem, Is.EqualTo(new RneProblem(2, reason)));
    }

    [TestCase("01;Ain;;;0101;1ère;BRETON;Xavier;M;25/11/1962;33;Cadre;08/07/2024;;", null)]
    [TestCase("01;Ain;;;0101;1ère;BRETON;Xavier;M;25/11/1962;33;Cadre;08/07/2024;x", "14 champ(s) au lieu des 13 de l'en-tête")]
    public void Read_ExtraTrailingFields_AcceptsOnlyEmptyOnes(string row, string? reason)
    {
        var content = System.Text.Encoding.UTF8.GetBytes(
            File.ReadLines(RneTestFiles.Fixture("header-only.csv")).First() + "\n" + row + "\n");
        using var file = RneTestFiles.Open(content);

        Assert.That(file.Read().Single().Problem?.Reason, Is.EqualTo(reason));
    }

    [Test]
    public void Read_StrayCp1252ByteAfterTheUtf8Sample_DecodesItAsCp1252()
    {
        var header = File.ReadLines(RneTestFiles.Fixture("header-only.csv")).First();
        var rows = Enumerable.Range(1, 1000).Select(i => $"01;Ain;;;0101;1ère;NOM{i};Prénom;F;01/02/1980;33;Cadre;08/07/2024\n");
        var utf8 = System.Text.Encoding.UTF8.GetBytes(header + "\n" + string.Concat(rows));
        byte[] cp1252Row = [.. "01;Ain;;;0101;1"u8, 0xE8, .. "re;LAST;H"u8, 0xE9, .. "l"u8, 0xE8, .. "ne;F;01/02/1980;33;Cadre;08/07/2024\n"u8];
        using var file = RneTestFiles.Open([.. utf8, .. cp1252Row]);

        var results = file.Read().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(utf8, Has.Length.GreaterThan(64 * 1024));
            Assert.That(file.FormatDescription, Does.Contain("UTF-8"));
            Assert.That(results.Select(r => r.Problem), Is.All.Null);
            Assert.That(results[^1].Record!.FirstName, Is.EqualTo("Hélène"));
            Assert.That(results[0].Record!.FirstName, Is.EqualTo("Prénom"));
        });
    }

    [Test]
    public void Read_CalledTwice_Throws()
    {
        using var file = RneTestFiles.Open(RneTestFiles.Fixture("header-only.csv"));
        _ = file.Read();

        Assert.Throws<InvalidOperationException>(() => file.Read());
    }

    [Test]
    public void Read_NonSeekableStreamLargerThanTheSample_ReadsEveryRow()
    {
        var header = File.ReadLines(RneTestFiles.Fixture("header-only.csv")).First();
        var rows = Enumerable.Range(1, 2000).Select(i => $"01;Ain;;;0101;1ère;NOM{i};Prénom;F;01/02/1980;33;Cadre;08/07/2024");
        var bytes = System.Text.Encoding.UTF8.GetBytes(header + "\n" + string.Join("\n", rows) + "\n");
        using var file = RneFile.Open(new ForwardOnlyStream(bytes));

        var results = file.Read().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(bytes, Has.Length.GreaterThan(128 * 1024));
            Assert.That(results.Select(r => r.Problem), Is.All.Null);
            Assert.That(results.Select(r => r.Record!.LastName).Last(), Is.EqualTo("NOM2000"));
            Assert.That(results.Select(r => r.Record!.FirstName), Is.All.EqualTo("Prénom"));
        });
    }

    private sealed class ForwardOnlyStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;

        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();

        // Small reads so multi-byte characters straddle the buffers.
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 1000));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, 1000)]);
    }
}
