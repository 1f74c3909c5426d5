using System.Text;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Import;
using CampaignDesk.Core.Territories;
using CampaignDesk.TestSupport;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CampaignDesk.Core.Tests.Import;

/// <summary>Imports that cannot wreck the directory (#15), on every engine, with the real députés file of 2025-10-07.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public class ImportSafetyTests(DatabaseProvider provider)
{
    private const int MaxIssues = 50;

    private TestDatabase _db = null!;
    private ImportService _imports = null!;
    private string[] _full = null!;

    [OneTimeSetUp]
    public void RequireEngine()
    {
        TestDatabase.RequireConfigured(provider);
        var path = DataFiles.Find("rne/2025-10-07/elus-deputes-dep.csv");
        if (path is null)
        {
            Assert.Ignore("The députés file of 2025-10-07 is not shipped in this checkout.");
        }

        _full = File.ReadAllLines(path!);
    }

    [SetUp]
    public async Task CreateDatabase()
    {
        _db = await (await TestDatabase.CreateAsync(provider)).MigratedAsync();
        var time = new ManualTimeProvider();
        _imports = new ImportService(_db.Database, new ImportRunStore(_db.Database, time), new RneImporter(_db.Database, time, NullLogger<RneImporter>.Instance),
            new ParliamentImporter(_db.Database, time), time, NullLogger<ImportService>.Instance, null,
            Options.Create(new ImportSettings { MaxStoredIssues = MaxIssues }));
    }

    [TearDown]
    public async Task DropDatabase() => await _db.DisposeAsync();

    private string[] Extract => [_full[0], _full[100], _full[200]];

    [Test]
    public async Task Import_ExtractOfAFullFile_EndsNothingWithoutConfirmationAndSaysWhy()
    {
        await ImportAsync("elus-deputes-dep-2025-10-07.csv", _full);
        var open = await ScalarAsync("SELECT COUNT(*) FROM mandates WHERE end_date IS NULL");

        var extract = await ImportAsync("extrait.csv", Extract);

        Assert.Multiple(async () =>
        {
            Assert.That((extract.Status, extract.MandatesEnded, extract.MandatesHeldBack), Is.EqualTo(("succeeded", 0, (int)open - 2)));
            Assert.That(extract.ReleaseDateSource, Is.EqualTo(ImportFile.FromImportDay));
            var why = extract.Issues.Single(i => i.Kind == ImportIssueKinds.EndsHeldBack).Message;
            Assert.That(why, Does.StartWith("Aucun mandat n'a été clos").And.Contain("confirmEnds=true"));
            Assert.That(extract.Outcome, Does.Contain("restent en cours"));
            Assert.That(await ScalarAsync("SELECT COUNT(*) FROM mandates WHERE end_date IS NULL"), Is.EqualTo(open));
        });
    }

    [Test]
    public async Task Import_ExtractConfirmed_EndsTheMissing_AndTheFullFileAgainReopensThemWithOneHolderPerSeat()
    {
        await ImportAsync("elus-deputes-dep-2025-10-07.csv", _full);
        var open = await ScalarAsync("SELECT COUNT(*) FROM mandates WHERE end_date IS NULL");

        var confirmed = await ImportAsync("extrait.csv", Extract, new ImportOptions(ConfirmEnds: true));
        var repaired = await ImportAsync("elus-deputes-dep-2026-03-03.csv", _full);

        Assert.Multiple(async () =>
        {
            Assert.That((confirmed.MandatesEnded, confirmed.MandatesHeldBack), Is.EqualTo(((int)open - 2, 0)));
            Assert.That((repaired.Status, repaired.MandatesReopened, repaired.MandatesAdded, repaired.MandatesEnded),
                Is.EqualTo(("succeeded", (int)open - 2, 0, 0)), repaired.Error);
            Assert.That(await ScalarAsync("SELECT COUNT(*) FROM mandates WHERE end_date IS NULL"), Is.EqualTo(open));
            Assert.That(await ScalarAsync("SELECT COUNT(*) FROM mandates"), Is.EqualTo(open));
        });
    }

    [Test]
    public async Task DryRun_WritesNothing_AndPredictsExactlyWhatTheRealRunDoes()
    {
        await ImportAsync("elus-deputes-dep-2025-10-07.csv", _full);
        var before = await SnapshotAsync();
        const string newcomer = "38;Isère;;;3803;3Ème Circonscription;NOUVELLE;Élue;F;01/02/1980;34;Professeur;01/03/2026";
        string[] lines = [.. Extract, newcomer, "38;Isère;;;3804;4Ème;ILLISIBLE;Ligne;F;99/99/1980;34;P;01/03/2026"];
        var options = new ImportOptions(DryRun: true, ConfirmEnds: true);

        var dry = await ImportAsync("extrait-2026-03-01.csv", lines, options);
        var afterDry = await SnapshotAsync();
        var real = await ImportAsync("extrait-2026-03-01.csv", lines, options with { DryRun = false });

        Assert.Multiple(() =>
        {
            Assert.That(afterDry, Is.EqualTo(before), "a dry run changes no official, mandate or contact");
            Assert.That((dry.Status, dry.DryRun, real.Status), Is.EqualTo(("dry_run", true, "succeeded")));
            Assert.That(Counts(dry), Is.EqualTo(Counts(real)));
            Assert.That(dry.MandatesAdded, Is.EqualTo(1));
            Assert.That(dry.Diff!.Added.Select(c => c.What), Is.EqualTo(new[] { "depute:38-03" }));
            Assert.That(dry.Diff.Ended, Is.EqualTo(real.Diff!.Ended).And.Count.EqualTo(ImportDiff.SampleSize));
            Assert.That(dry.Issues.Select(i => (i.Line, i.Kind)), Is.EqualTo(real.Issues.Select(i => (i.Line, i.Kind))));
            Assert.That(dry.Outcome, Does.StartWith("Simulation, rien n'a été modifié"));
        });
    }

    [Test]
    public async Task Import_OlderReleaseAfterANewerOne_ResurrectsNobody()
    {
        const string former = "38;Isère;;;3802;2Ème Circonscription;ANCIEN;Titulaire;M;01/01/1960;34;Professeur;21/06/2017";
        const string current = "38;Isère;;;3802;2Ème Circonscription;CHATELAIN;Cyrielle;F;18/06/1987;34;Professeur;08/07/2024";
        const string gone = "01;Ain;;;0101;1Ère Circonscription;PARTI;Depuis;M;25/11/1962;33;Cadre;21/06/2017";
        await ImportAsync("deputes-2024-01-01.csv", [_full[0], former, gone]);
        await ImportAsync("deputes-2025-10-07.csv", [_full[0], current], new ImportOptions(ConfirmEnds: true));
        var before = await SnapshotAsync();

        var older = await ImportAsync("deputes-2024-01-01.csv", [_full[0], former, gone]);

        Assert.Multiple(async () =>
        {
            Assert.That((older.MandatesAdded, older.MandatesReopened, older.MandatesEnded), Is.EqualTo((0, 0, 0)));
            Assert.That(older.Issues.Single().Kind, Is.EqualTo(ImportIssueKinds.OlderRelease));
            Assert.That(await SnapshotAsync(), Is.EqualTo(before));
            Assert.That(await ScalarAsync("SELECT COUNT(*) FROM mandates WHERE end_date IS NULL"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Import_AMillionUnreadableLines_FailsChangesNothingAndStoresAtMostTheConfiguredIssues()
    {
        await ImportAsync("elus-deputes-dep-2025-10-07.csv", _full);
        var before = await SnapshotAsync();
        var path = Path.GetTempFileName();
        try
        {
            await using (var writer = new StreamWriter(path))
            {
                await writer.WriteLineAsync(_full[0]);
                await writer.WriteLineAsync(_full[1]);
                for (var i = 0; i < 1_000_000; i++)
                {
                    await writer.WriteLineAsync("\"ligne illisible");
                }
            }

            var report = await _imports.ImportAsync(() => File.OpenRead(path), "elus-deputes-dep-2026-03-01.csv", default);

            Assert.Multiple(async () =>
            {
                Assert.That((report.Status, report.RowsRead, report.RowsUnreadable), Is.EqualTo(("failed", 1_000_001, 1_000_000)));
                Assert.That(report.Issues, Has.Count.EqualTo(MaxIssues));
                Assert.That((report.OfficialsAdded, report.MandatesAdded, report.MandatesEnded), Is.EqualTo((0, 0, 0)), "a failed run reports no change");
                Assert.That(report.Outcome, Does.StartWith("Import refusé, rien n'a été modifié"));
                Assert.That(await ScalarAsync($"SELECT COUNT(*) FROM import_issues WHERE run_id = {report.Id}"), Is.EqualTo(MaxIssues));
                Assert.That(await SnapshotAsync(), Is.EqualTo(before));
            });
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public async Task Import_AMegabyteFieldAndUnknownTerritories_AreUnreadableWithTheirLines()
    {
        var huge = $"38;Isère;;;3803;3Ème;{new string('A', 3_000_000)};Prénom;F;01/02/1980;34;P;01/03/2024";
        const string nowhere = "99;Nulle part;;;9901;1Ère;INCONNU;Département;F;01/02/1980;34;P;01/03/2024";
        const string noSeat = "38;Isère;;;3888;88Ème;INCONNUE;Circonscription;F;01/02/1980;34;P;01/03/2024";

        var report = await ImportAsync("deputes-2025-10-07.csv", [_full[0], _full[1], huge, nowhere, noSeat, _full[2], _full[3], _full[4]]);

        var issues = report.Issues.Where(i => i.Kind == ImportIssueKinds.Unreadable).ToList();
        Assert.Multiple(async () =>
        {
            Assert.That(issues.Select(i => i.Line), Is.EqualTo(new int?[] { 3, 4, 5 }));
            Assert.That(issues[0].Message, Does.Contain("Nom de l'élu").And.Contain("au plus 100"));
            Assert.That(issues[1].Message, Does.Contain("« 99 » inconnu"));
            Assert.That(issues[2].Message, Does.Contain("n° 88 inexistante"));
            Assert.That((report.Status, report.RowsUnreadable), Is.EqualTo(("succeeded", 3)));
            Assert.That(await ScalarAsync("SELECT COUNT(*) FROM officials WHERE last_name LIKE 'AAAA%' OR last_name LIKE 'INCONNU%'"), Is.Zero);
            Assert.That(await ScalarAsync("SELECT COUNT(*) FROM officials"), Is.EqualTo(report.OfficialsAdded).And.Positive);
        });
    }

    [Test]
    public async Task Import_UnknownCantonOrCommune_IsUnreadableWithItsLine_AndAnOverseasCollectivitysCommuneIsRead()
    {
        var (cantons, communes) = (Shared("rne/2025-10-07/elus-conseillers-departementaux-cd.csv"), Shared("rne/2026-04-24/elus-maires-mai.csv"));
        await new TerritoryLoader(_db.Database, new ManualTimeProvider(), NullLogger<TerritoryLoader>.Instance).LoadAsync(default);
        var polynesie = communes.First(line => line.Contains(";98711;", StringComparison.Ordinal));

        var cd = await ImportAsync("elus-conseillers-departementaux-cd-2025-10-07.csv",
            [cantons[0], cantons[1], cantons[2].Replace(";0101;", ";0198;", StringComparison.Ordinal), cantons[3]]);
        var maires = await ImportAsync("elus-maires-mai-2026-04-24.csv",
            [communes[0], communes[1], communes[2].Replace(";01002;", ";01999;", StringComparison.Ordinal), polynesie]);

        Assert.Multiple(() =>
        {
            Assert.That(cd.Issues.Select(i => (i.Line, i.Kind, i.Message)),
                Is.EqualTo(new[] { ((int?)3, ImportIssueKinds.Unreadable, "canton « 0198 » inconnu de l'INSEE (INSEE COG 2026)") }));
            Assert.That(maires.Issues.Select(i => (i.Line, i.Kind, i.Message)),
                Is.EqualTo(new[] { ((int?)3, ImportIssueKinds.Unreadable, "commune « 01999 » inconnue de l'INSEE (INSEE COG 2026)") }));
            Assert.That((cd.MandatesAdded, maires.MandatesAdded), Is.EqualTo((2, 2)), "the other rows, Anaa (Polynésie) included, are read");
        });
    }

    [Test]
    public async Task Import_CommuneCodesWithoutTheTerritoriesLoaded_FailsSayingWhyAndChangesNothing()
    {
        var communes = Shared("rne/2026-04-24/elus-maires-mai.csv");

        var report = await ImportAsync("elus-maires-mai-2026-04-24.csv", communes[..4]);

        Assert.Multiple(async () =>
        {
            Assert.That(report.Status, Is.EqualTo("failed"));
            Assert.That(report.Outcome, Does.Contain("les territoires de l'INSEE (INSEE COG 2026) ne sont pas chargés"));
            Assert.That(await ScalarAsync("SELECT COUNT(*) FROM mandates"), Is.Zero);
        });
    }

    private static string[] Shared(string path)
    {
        var found = DataFiles.Find(path);
        if (found is null)
        {
            Assert.Ignore($"{path} is not shipped in this checkout.");
        }

        return File.ReadAllLines(found!);
    }

    private static object Counts(ImportReport r) => new
    {
        r.RowsRead,
        r.RowsUnreadable,
        r.OfficialsAdded,
        r.MandatesAdded,
        r.MandatesEnded,
        r.MandatesReopened,
        r.MandatesHeldBack,
        r.MandatesUnchanged,
        r.ContactsAdded,
        r.ContactsChanged,
        r.Duplicates,
        r.Unmatched,
    };

    private Task<ImportReport> ImportAsync(string fileName, string[] lines, ImportOptions? options = null)
    {
        var bytes = Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");
        return _imports.ImportAsync(() => new MemoryStream(bytes), fileName, options ?? ImportOptions.Apply, default);
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await _db.Database.OpenAsync(default);
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    private Task<string> SnapshotAsync() => DirectorySnapshot.TakeAsync(_db.Database);
}
