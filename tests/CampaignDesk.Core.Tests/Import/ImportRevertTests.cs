using System.Text;
using System.Text.Json.Nodes;
using CampaignDesk.Core.Audit;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Import;
using CampaignDesk.Core.Users;
using CampaignDesk.TestSupport;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace CampaignDesk.Core.Tests.Import;

/// <summary>
/// Reverting an import run (#15), on every engine, with the real députés files: the directory comes back as it was
/// before the run, row for row and column for column, whatever the run added, ended, reopened or changed.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public class ImportRevertTests(DatabaseProvider provider)
{
    private const string Newcomer = "38;Isère;;;3803;3Ème Circonscription;NOUVELLE;Élue;F;01/02/1980;34;Professeur;01/03/2026";
    private static readonly ImportOptions ConfirmEnds = new(ConfirmEnds: true);

    private TestDatabase _db = null!;
    private ManualTimeProvider _time = null!;
    private ImportService _imports = null!;
    private ImportReverter _reverter = null!;
    private string[] _deputes = null!;
    private string _assemblee = null!;

    [OneTimeSetUp]
    public void RequireEngineAndFiles()
    {
        TestDatabase.RequireConfigured(provider);
        var rne = DataFiles.Find("rne/2025-10-07/elus-deputes-dep.csv");
        var assemblee = DataFiles.Find("assemblee/deputes.json");
        if (rne is null || assemblee is null)
        {
            Assert.Ignore("The députés files of the RNE (2025-10-07) and of the Assemblée (2026-03-04) are not shipped in this checkout.");
        }

        (_deputes, _assemblee) = (File.ReadAllLines(rne!), File.ReadAllText(assemblee!));
    }

    [SetUp]
    public async Task CreateDatabase()
    {
        _db = await (await TestDatabase.CreateAsync(provider)).MigratedAsync();
        _time = new ManualTimeProvider();
        _imports = new ImportService(_db.Database, new ImportRunStore(_db.Database, _time), new RneImporter(_db.Database, _time, NullLogger<RneImporter>.Instance),
            new ParliamentImporter(_db.Database, _time), _time, NullLogger<ImportService>.Instance);
        _reverter = new ImportReverter(_db.Database, new AuditLog(_db.Database, _time), _time, NullLogger<ImportReverter>.Instance);
    }

    [TearDown]
    public async Task DropDatabase() => await _db.DisposeAsync();

    private string[] Extract => [_deputes[0], _deputes[100], _deputes[200]];

    [Test]
    public async Task Revert_RneRunThatAddedEndedAndReopened_PutsTheDirectoryBackRowForRow()
    {
        await ImportAsync("elus-deputes-dep-2025-10-07.csv", _deputes);
        var extract = await ImportAsync("extrait-2025-11-01.csv", Extract, ConfirmEnds);
        var before = await SnapshotAsync();
        string[] next = [.. _deputes.Where((_, i) => i != 100 && i != 200), Newcomer];
        var run = await ImportAsync("elus-deputes-dep-2026-03-01.csv", next);
        Assert.That((run.OfficialsAdded, run.MandatesAdded, run.MandatesEnded, run.MandatesReopened > 500), Is.EqualTo((1, 1, 2, true)),
            "the run adds, ends and reopens");

        var revert = await RevertAsync(run.Id);

        Assert.Multiple(async () =>
        {
            Assert.That(revert.AlreadyReverted, Is.False);
            Assert.That((revert.OfficialsDeleted, revert.MandatesDeleted, revert.MandatesReopened, revert.MandatesRestored),
                Is.EqualTo((1, 1, run.MandatesEnded, run.MandatesReopened)));
            Assert.That(revert.Outcome, Does.StartWith($"Import n° {run.Id} annulé"));
            Assert.That(await SnapshotAsync(), Is.EqualTo(before));
            Assert.That(extract.MandatesEnded, Is.Positive);
            Assert.That((await RunAsync(run.Id)).Status, Is.EqualTo("reverted"));
        });
    }

    [Test]
    public async Task Revert_Twice_TheSecondChangesNothingAndSaysSo()
    {
        await ImportAsync("elus-deputes-dep-2025-10-07.csv", Extract);
        var run = await ImportAsync("elus-deputes-dep-2026-03-01.csv", [.. Extract, Newcomer]);
        await RevertAsync(run.Id);
        var afterFirst = await SnapshotAsync();
        _time.Advance(TimeSpan.FromHours(2));

        var second = await RevertAsync(run.Id);

        Assert.Multiple(async () =>
        {
            Assert.That(second.AlreadyReverted, Is.True);
            Assert.That((second.OfficialsDeleted, second.MandatesDeleted, second.MandatesReopened), Is.EqualTo((0, 0, 0)));
            Assert.That(second.Outcome, Does.Contain("déjà été annulé").And.Contain("rien n'a été modifié"));
            Assert.That(await SnapshotAsync(), Is.EqualTo(afterFirst));
            Assert.That(await ScalarAsync("SELECT COUNT(*) FROM audit_entries WHERE action = 'import_revert'"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Revert_UnderALaterRunOfItsType_IsRefusedNamingIt_AndEachRunRevertsOnceTheLaterOnesAre()
    {
        var empty = await SnapshotAsync();
        var full = await ImportAsync("elus-deputes-dep-2025-10-07.csv", _deputes);
        var afterFull = await SnapshotAsync();
        var extract = await ImportAsync("extrait-2025-11-01.csv", Extract, ConfirmEnds);
        var repair = await ImportAsync("elus-deputes-dep-2026-03-01.csv", _deputes);
        var afterRepair = await SnapshotAsync();

        var refused = await _reverter.RevertAsync(extract.Id, Caller.System("test"), default);
        var refusedSnapshot = await SnapshotAsync();
        await RevertAsync(repair.Id);
        await RevertAsync(extract.Id);
        var afterTwo = await SnapshotAsync();
        await RevertAsync(full.Id);

        Assert.Multiple(async () =>
        {
            Assert.That(refused.Status, Is.EqualTo(OutcomeStatus.Conflict));
            Assert.That(refused.Detail?.Code, Is.EqualTo("import_revert_later_same_type"));
            Assert.That(refused.Detail?.In(Language.French), Does.Contain($"Annulez d'abord l'import n° {repair.Id}").And.Contain("même type de fichier"));
            Assert.That(refusedSnapshot, Is.EqualTo(afterRepair), "the refusal changed nothing");
            Assert.That(afterTwo, Is.EqualTo(afterFull));
            Assert.That(await SnapshotAsync(), Is.EqualTo(empty));
        });
    }

    [Test]
    public async Task Revert_ParliamentRunThatChangedEmailsAndGroups_PutsTheDirectoryBackRowForRow()
    {
        var rne = await ImportAsync("elus-deputes-dep-2025-10-07.csv", _deputes);
        var afterRne = await SnapshotAsync();
        _time.Advance(TimeSpan.FromDays(1));
        var first = await ImportAsync("assemblee-deputes-2026-03-04.json", _assemblee);
        var afterFirst = await SnapshotAsync();
        _time.Advance(TimeSpan.FromDays(1));
        var matched = (await QueryAsync<string>("SELECT value FROM official_identifiers")).ToHashSet();
        var changed = await ImportAsync("assemblee-deputes-2026-04-01.json", Changed(_assemblee, matched, emails: 20, groups: 10));

        Assert.That((first.ContactsAdded > 500, changed.ContactsChanged, changed.Issues.Count(i => i.Kind == ImportIssueKinds.GroupChanged)),
            Is.EqualTo((true, 20, 10)), "the second file changes 20 e-mails and 10 groups, and sees the other e-mails again");
        var refused = await _reverter.RevertAsync(rne.Id, Caller.System("test"), default);
        var revert = await RevertAsync(changed.Id);
        var afterRevert = await SnapshotAsync();
        await RevertAsync(first.Id);

        Assert.Multiple(async () =>
        {
            Assert.That(refused.Status, Is.EqualTo(OutcomeStatus.Conflict));
            Assert.That(refused.Detail?.Code, Is.EqualTo("import_revert_later_same_rows"));
            Assert.That(refused.Detail?.In(Language.French), Does.Contain($"Annulez d'abord l'import n° {changed.Id}"));
            Assert.That((revert.ContactsDeleted, revert.MandatesRestored), Is.EqualTo((20, 10)));
            Assert.That(revert.ContactsRestored, Is.GreaterThan(500), "retired e-mails current again, and every e-mail seen again as last seen before");
            Assert.That(afterRevert, Is.EqualTo(afterFirst));
            Assert.That(await SnapshotAsync(), Is.EqualTo(afterRne));
        });
    }

    [Test]
    public async Task Revert_AnOfficialThatAMessageNames_IsKeptWithoutTheRunsMandates()
    {
        var run = await ImportAsync("elus-deputes-dep-2025-10-07.csv", Extract);
        await using (var connection = await _db.Database.OpenAsync(default))
        {
            var official = await connection.ExecuteScalarAsync<long>("SELECT MIN(id) FROM officials");
            foreach (var (key, officialId) in new (string, long?)[] { ("named", official), ("anonymous", null) })
            {
                await connection.ExecuteAsync("""
                    INSERT INTO inbound_messages (mailbox, message_key, graph_id, official_id, kind, received_utc, processed_utc)
                    VALUES ('structure@example.org', @key, @key, @officialId, 'reply', @now, @now)
                    """, new { key, officialId, now = _time.GetUtcNow().UtcDateTime });
            }
        }

        var revert = await RevertAsync(run.Id);

        Assert.Multiple(async () =>
        {
            Assert.That((revert.OfficialsDeleted, revert.OfficialsKept, revert.MandatesDeleted), Is.EqualTo((1, 1, 2)));
            Assert.That(revert.Outcome, Does.Contain("1 élu(s) qu'il avait ajoutés sont conservés"));
            Assert.That((await ScalarAsync("SELECT COUNT(*) FROM officials"), await ScalarAsync("SELECT COUNT(*) FROM mandates")), Is.EqualTo((1, 0)));
        });
    }

    [Test]
    public async Task Revert_DryRunFailedOrUnknownRun_IsRefusedAndChangesNothing()
    {
        await ImportAsync("elus-deputes-dep-2025-10-07.csv", Extract);
        var dry = await ImportAsync("elus-deputes-dep-2026-03-01.csv", [.. Extract, Newcomer], new ImportOptions(DryRun: true));
        var failed = await ImportAsync("elus-deputes-dep-2026-03-02.csv", [Extract[0], Extract[1], "\"illisible", "\"illisible", "\"illisible"]);
        var before = await SnapshotAsync();

        var outcomes = new List<Outcome<RevertReport>>();
        foreach (var id in new[] { dry.Id, failed.Id, 424242 })
        {
            outcomes.Add(await _reverter.RevertAsync(id, Caller.System("test"), default));
        }

        Assert.Multiple(async () =>
        {
            Assert.That(failed.Status, Is.EqualTo("failed"));
            Assert.That(outcomes.Select(o => o.Status), Is.EqualTo(new[] { OutcomeStatus.Conflict, OutcomeStatus.Conflict, OutcomeStatus.NotFound }));
            Assert.That(outcomes.Take(2).Select(o => o.Detail?.Code), Is.EqualTo(new[] { "import_revert_dry_run", "import_revert_not_applied" }));
            Assert.That(outcomes[0].Detail?.In(Language.French), Does.Contain("simulation"));
            Assert.That(outcomes[1].Detail?.In(Language.French), Does.Contain("n'a pas été appliqué"));
            Assert.That(await SnapshotAsync(), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task OfficialReferences_NameEveryTableWithAForeignKeyToOfficials()
    {
        var sql = provider == DatabaseProvider.Sqlite
            ? "SELECT m.name FROM sqlite_master m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table' AND f.\"table\" = 'officials'"
            : """
              SELECT c.table_name FROM information_schema.referential_constraints r
              JOIN information_schema.table_constraints c ON c.constraint_name = r.constraint_name
              JOIN information_schema.table_constraints u ON u.constraint_name = r.unique_constraint_name
              WHERE u.table_name = 'officials'
              """;
        await using var connection = await _db.Database.OpenAsync(default);
        var referencing = (await connection.QueryAsync<string>(sql)).ToHashSet();

        Assert.That(referencing, Is.SubsetOf(ImportReverter.OfficialReferences.Concat(["mandates", "contact_points", "official_identifiers"])),
            "a revert would fail, or delete an official a new table names: add the table to ImportReverter.OfficialReferences");
    }

    // The Assemblée's file with the e-mails of its first matched members and the groups of the next ones changed.
    private static string Changed(string json, HashSet<string> matched, int emails, int groups)
    {
        var members = JsonNode.Parse(json)!.AsArray();
        var changing = members.Where(m => matched.Contains((string)m!["id"]!) && m["email"] is not null && m["groupeSigle"] is not null)
            .Take(emails + groups).ToList();
        for (var i = 0; i < changing.Count; i++)
        {
            var (field, value) = i < emails ? ("email", $"nouvelle.adresse.{i}@assemblee-nationale.fr") : ("groupeSigle", $"NOUV{i}");
            changing[i]![field] = value;
        }

        return members.ToJsonString();
    }

    private Task<ImportReport> ImportAsync(string fileName, string[] lines, ImportOptions? options = null) =>
        ImportAsync(fileName, string.Join("\n", lines) + "\n", options);

    private Task<ImportReport> ImportAsync(string fileName, string content, ImportOptions? options = null)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        return _imports.ImportAsync(() => new MemoryStream(bytes), fileName, options ?? ImportOptions.Apply, default);
    }

    private async Task<RevertReport> RevertAsync(long runId)
    {
        var outcome = await _reverter.RevertAsync(runId, Caller.System("test"), default);
        Assert.That(outcome.IsOk, outcome.Detail?.ToString());
        return outcome.Value!;
    }

    private async Task<ImportReport> RunAsync(long id) => (await new ImportRunStore(_db.Database, _time).GetAsync(id, 10, default))!;

    private Task<string> SnapshotAsync() => DirectorySnapshot.TakeAsync(_db.Database);

    private async Task<IEnumerable<T>> QueryAsync<T>(string sql)
    {
        await using var connection = await _db.Database.OpenAsync(default);
        return await connection.QueryAsync<T>(sql);
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await _db.Database.OpenAsync(default);
        return await connection.ExecuteScalarAsync<long>(sql);
    }
}
