using System.Text;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Import;
using CampaignDesk.Core.Text;
using CampaignDesk.TestSupport;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace CampaignDesk.Core.Tests.Import;

/// <summary>Import runs on every engine: diffs, idempotence, history, duplicates, atomicity.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public class ImportServiceTests(DatabaseProvider provider)
{
    private const string Header =
        "Code du département;Libellé du département;Code de la collectivité à statut particulier;Libellé de la collectivité à statut particulier;" +
        "Code de la circonscription législative;Libellé de la circonscription législative;Nom de l'élu;Prénom de l'élu;Code sexe;Date de naissance;" +
        "Code de la catégorie socio-professionnelle;Libellé de la catégorie socio-professionnelle;Date de début du mandat";

    private const string Chatelain = "38;Isère;;;3802;2Ème Circonscription;CHATELAIN;Cyrielle;F;18/06/1987;34;Professeur;08/07/2024";
    private const string Breton = "01;Ain;;;0101;1Ère Circonscription;BRETON;Xavier;M;25/11/1962;33;Cadre;08/07/2024";
    private const string Lescure = "ZZ;Français Établis Hors De France;;;ZZ01;1Ère Circonscription;LESCURE;Roland;M;26/11/1966;33;Cadre;08/07/2024";

    private TestDatabase _db = null!;
    private ImportService _imports = null!;

    [OneTimeSetUp]
    public void RequireEngine() => TestDatabase.RequireConfigured(provider);

    [SetUp]
    public async Task CreateDatabase()
    {
        _db = await (await TestDatabase.CreateAsync(provider)).MigratedAsync();
        var time = new ManualTimeProvider();
        _imports = new ImportService(_db.Database, new ImportRunStore(_db.Database, time), new RneImporter(_db.Database, time, NullLogger<RneImporter>.Instance),
            new ParliamentImporter(_db.Database, time), time, NullLogger<ImportService>.Instance);
    }

    [TearDown]
    public async Task DropDatabase() => await _db.DisposeAsync();

    [Test]
    public async Task Import_RneDeputes_AddsOfficialsAndMandatesWithTheRelease()
    {
        var report = await ImportAsync("elus-deputes-dep-2025-10-07.csv", Header, Chatelain, Breton, Lescure);

        Assert.Multiple(async () =>
        {
            Assert.That((report.Status, report.Source, report.FileType), Is.EqualTo(("succeeded", "rne", "Deputes")));
            Assert.That(report.ReleaseDate, Is.EqualTo(new DateOnly(2025, 10, 7)));
            Assert.That((report.RowsRead, report.OfficialsAdded, report.MandatesAdded, report.MandatesEnded), Is.EqualTo((3, 3, 3, 0)));
            Assert.That(await ScalarAsync<string>("SELECT circonscription_code FROM mandates m JOIN officials o ON o.id = m.official_id WHERE o.last_name = 'LESCURE'"),
                Is.EqualTo("ZZ-01"));
        });
    }

    [Test]
    public async Task Import_SameFileTwice_ChangesNothingTheSecondTime()
    {
        await ImportAsync("deputes-2025-10-07.csv", Header, Chatelain, Breton);
        var before = await SnapshotAsync();

        var again = await ImportAsync("deputes-2025-10-07.csv", Header, Chatelain, Breton);

        Assert.That((again.OfficialsAdded, again.MandatesAdded, again.MandatesEnded, again.MandatesUnchanged), Is.EqualTo((0, 0, 0, 2)));
        Assert.That(await SnapshotAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Import_NewerReleaseWithoutAMandate_EndsItAndDeletesNothing()
    {
        await ImportAsync("deputes-2025-10-07.csv", Header, Chatelain, Breton);

        var newer = await _imports.ImportAsync(() => new MemoryStream(Encoding.UTF8.GetBytes($"{Header}\n{Chatelain}\n")), "deputes-2026-01-15.csv",
            new ImportOptions(ConfirmEnds: true), default);

        Assert.That(newer.MandatesEnded, Is.EqualTo(1));
        Assert.That(await ScalarAsync<string>("SELECT m.end_date FROM mandates m JOIN officials o ON o.id = m.official_id WHERE o.last_name = 'BRETON'"),
            Is.EqualTo("2026-01-15"));
        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM mandates"), Is.EqualTo(2));
    }

    [Test]
    public async Task Import_OlderReleaseAfterANewerOne_EndsNothingAndSaysSo()
    {
        await ImportAsync("deputes-2026-01-15.csv", Header, Chatelain, Breton);

        var older = await ImportAsync("deputes-2025-10-07.csv", Header, Chatelain);

        Assert.That(older.MandatesEnded, Is.Zero);
        Assert.That(older.Issues.Single().Kind, Is.EqualTo(ImportIssueKinds.OlderRelease));
    }

    [Test]
    public async Task Import_SeatListedTwice_KeepsTheLatestStartAndReportsTheStaleLine()
    {
        const string stale = "38;Isère;;;3802;2Ème Circonscription;ANCIEN;Titulaire;M;01/01/1960;34;Professeur;21/06/2017";

        var report = await ImportAsync("deputes-2025-10-07.csv", Header, stale, Chatelain);

        var issue = report.Issues.Single();
        Assert.That((issue.Kind, issue.Line), Is.EqualTo((ImportIssueKinds.DuplicateSeat, 2)));
        Assert.That(issue.Message, Does.Contain("ANCIEN").And.Contain("depute:38-02"));
        Assert.That(await ScalarAsync<string>("SELECT o.last_name FROM mandates m JOIN officials o ON o.id = m.official_id WHERE m.seat_key = 'depute:38-02'"),
            Is.EqualTo("CHATELAIN"));
    }

    [TestCase("D'ŒUVRE  DE LA  TOUR", "Marie-Hélène  Æ")]
    [TestCase("\"ŃGUYEN\"", "\"  Thị Lan \"")]
    public async Task Import_Names_SearchTextIsTheFoldedFullName(string lastName, string firstName)
    {
        var row = $"38;Isère;;;3802;2Ème Circonscription;{lastName};{firstName};F;18/06/1987;34;Professeur;08/07/2024";

        await ImportAsync("deputes-2025-10-07.csv", Header, row);

        await using var connection = await _db.Database.OpenAsync(default);
        var (last, first, search) = await connection.QuerySingleAsync<(string, string, string)>("SELECT last_name, first_name, search_text FROM officials");
        Assert.That(search, Is.EqualTo(SearchText.Fold($"{last} {first}")).And.Not.Empty);
    }

    [Test]
    public async Task Import_UnreadableRow_IsReportedWithItsLineAndTheOthersImported()
    {
        const string broken = "01;Ain;;;0102;2Ème Circonscription;DAUBIÉ;Romain;M;31/02/1980;31;Profession libérale;22/06/2022";

        var report = await ImportAsync("deputes-2025-10-07.csv", Header, Chatelain, broken, Breton);

        Assert.That(report.RowsUnreadable, Is.EqualTo(1));
        Assert.That(report.Issues.Single(i => i.Kind == ImportIssueKinds.Unreadable).Line, Is.EqualTo(3));
        Assert.That(report.MandatesAdded, Is.EqualTo(2));
    }

    [TestCase("")]
    [TestCase("nom,prenom,ville\nDupont,Jean,Lyon\n")]
    [TestCase("\u0000\u0001\u0002binary\u0003")]
    public async Task Import_NotAFileOfOfficials_IsRefusedWithAReasonAndWritesNothing(string content)
    {
        Assert.That(() => _imports.ImportAsync(() => new MemoryStream(Encoding.UTF8.GetBytes(content)), "x.csv", default),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("Rien n'a été importé"));
        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM import_runs"), Is.Zero);
    }

    [Test]
    public async Task Import_CancelledMidway_LeavesThePreviousStateWhole()
    {
        await ImportAsync("deputes-2025-10-07.csv", Header, Chatelain);
        var before = await SnapshotAsync();
        var rows = Enumerable.Range(1, 3000).Select(i => $"75;Paris;;;75{i % 18 + 1:D2};C;NOM{i};Prénom;F;01/01/1970;34;P;08/07/2024");
        var bytes = Encoding.UTF8.GetBytes(string.Join("\n", new[] { Header }.Concat(rows)));
        using var cancel = new CancellationTokenSource();

        Assert.That(() => _imports.ImportAsync(() => new CancellingStream(bytes, cancel), "deputes-2026-02-01.csv", cancel.Token),
            Throws.InstanceOf<OperationCanceledException>());

        Assert.That(await SnapshotAsync(), Is.EqualTo(before));
        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM import_runs"), Is.EqualTo(1));
    }

    [Test]
    public async Task Import_Assemblee_AttachesIdEmailAndGroup_AndAChangedEmailRetiresTheOld()
    {
        await ImportAsync("deputes-2025-10-07.csv", Header, Chatelain, Breton);

        var first = await ImportAsync("deputes.json", """
            [{"id": "PA794502", "nom": "Cyrielle Chatelain", "email": "cyrielle.chatelain@assemblee-nationale.fr", "circo": "2", "dept": "Isère",
              "groupe": "PO845401", "groupeSigle": "EcoS", "groupeLibelle": "Écologiste et Social"},
             {"id": "PA999999", "nom": "Inconnu Personne", "email": "x@assemblee-nationale.fr", "circo": "3", "dept": "Ain",
              "groupe": "PO1", "groupeSigle": "NI", "groupeLibelle": "Non inscrit"}]
            """);
        var second = await ImportAsync("deputes.json", """
            [{"id": "PA794502", "nom": "Cyrielle Chatelain", "email": "c.chatelain@assemblee-nationale.fr", "circo": "2", "dept": "Isère",
              "groupe": "PO845401", "groupeSigle": "EcoS", "groupeLibelle": "Écologiste et Social"}]
            """);

        Assert.Multiple(async () =>
        {
            Assert.That((first.ContactsAdded, first.Unmatched), Is.EqualTo((1, 1)));
            Assert.That(first.Issues.Single().Message, Does.Contain("PA999999"));
            Assert.That((second.ContactsAdded, second.ContactsChanged), Is.EqualTo((0, 1)));
            Assert.That(await ScalarAsync<string>("SELECT value FROM contact_points WHERE retired_utc IS NULL"), Is.EqualTo("c.chatelain@assemblee-nationale.fr"));
            Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM contact_points WHERE retired_utc IS NOT NULL"), Is.EqualTo(1));
            Assert.That(await ScalarAsync<string>("SELECT group_code FROM mandates WHERE seat_key = 'depute:38-02'"), Is.EqualTo("EcoS"));
            Assert.That(await ScalarAsync<string>("SELECT value FROM official_identifiers WHERE source = 'assemblee'"), Is.EqualTo("PA794502"));
        });
    }

    private Task<ImportReport> ImportAsync(string fileName, params string[] lines)
    {
        var bytes = Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");
        return _imports.ImportAsync(() => new MemoryStream(bytes), fileName, default);
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = await _db.Database.OpenAsync(default);
        return (await connection.ExecuteScalarAsync<T>(sql))!;
    }

    private async Task<string> SnapshotAsync()
    {
        await using var connection = await _db.Database.OpenAsync(default);
        var officials = await connection.QueryAsync<string>("SELECT last_name FROM officials ORDER BY last_name");
        var mandates = await connection.QueryAsync<string>("SELECT seat_key || '/' || COALESCE(end_date, '-') FROM mandates ORDER BY seat_key");
        return string.Join(",", officials) + "|" + string.Join(",", mandates);
    }

    /// <summary>Cancels the import's token once part of the file has been read, as a crash would interrupt it.</summary>
    private sealed class CancellingStream(byte[] bytes, CancellationTokenSource cancel) : MemoryStream(bytes)
    {
        private int _reads;

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (++_reads == 3)
            {
                cancel.Cancel();
            }

            return base.Read(buffer, offset, count);
        }

        public override int Read(Span<byte> buffer)
        {
            if (++_reads == 3)
            {
                cancel.Cancel();
            }

            return base.Read(buffer);
        }
    }
}
