using System.Data.Common;
using System.Text;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Import;
using CampaignDesk.Core.Territories;
using CampaignDesk.TestSupport;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CampaignDesk.Core.Tests.Import;

/// <summary>
/// A large import drops the secondary indexes of officials and mandates and re-creates them in its transaction:
/// the indexes come back identical, a failed run leaves them in place, and the import's results do not change.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public class IndexRebuildTests(DatabaseProvider provider)
{
    private const string Header =
        "Code du département;Libellé du département;Code de la collectivité à statut particulier;Libellé de la collectivité à statut particulier;" +
        "Code de la commune;Libellé de la commune;Nom de l'élu;Prénom de l'élu;Code sexe;Date de naissance;" +
        "Code de la catégorie socio-professionnelle;Libellé de la catégorie socio-professionnelle;Date de début du mandat;Libellé de la fonction;Date de début de la fonction";

    private static readonly string[] Rows =
    [
        "38;Isère;;;38185;Grenoble;MARTIN;Léa;F;01/02/1980;34;Professeur;15/03/2026;Premier adjoint;20/03/2026",
        "38;Isère;;;38185;Grenoble;DUPONT;Jean;M;03/04/1970;33;Cadre;15/03/2026;;",
        "69;Rhône;;;69123;Lyon;MARTIN;Léa;F;01/02/1980;34;Professeur;15/03/2026;;",
    ];

    private TestDatabase _db = null!;
    private RecordingLogger _log = null!;
    private ImportService _imports = null!;

    [OneTimeSetUp]
    public void RequireEngine() => TestDatabase.RequireConfigured(provider);

    [SetUp]
    public async Task CreateDatabase()
    {
        _db = await (await TestDatabase.CreateAsync(provider)).MigratedAsync();
        var time = new ManualTimeProvider();
        _log = new RecordingLogger();
        _imports = new ImportService(_db.Database, new ImportRunStore(_db.Database, time),
            new RneImporter(_db.Database, time, _log) { IndexRebuildMinRows = 1 },
            new ParliamentImporter(_db.Database, time), time, NullLogger<ImportService>.Instance);
        // Its rows name communes, which an import checks against INSEE's.
        await new TerritoryLoader(_db.Database, time, NullLogger<TerritoryLoader>.Instance).LoadAsync(default);
    }

    [TearDown]
    public async Task DropDatabase() => await _db.DisposeAsync();

    [Test]
    public async Task Import_LargerThanTheTables_RebuildsTheIndexesAsTheyWere_AndAddsTheSame()
    {
        SkipWithoutTransactionalDdl();
        var indexes = await IndexesAsync();

        var first = await ImportAsync("elus-cm-2026-04-24.csv", Rows);

        // PostgreSQL has two more: the trigram and the word index of official search (migrations 0012 and 0025; SQLite's
        // FTS5 table is kept by triggers, not an index).
        var dropped = provider == DatabaseProvider.Postgres ? 8 : 6;
        Assert.Multiple(async () =>
        {
            Assert.That(_log.Messages, Has.Some.Contains($"{dropped} indexes dropped"));
            Assert.That(await IndexesAsync(), Is.EqualTo(indexes));
            Assert.That((first.OfficialsAdded, first.MandatesAdded, first.MandatesUnchanged), Is.EqualTo((2, 3, 0)));
            Assert.That(await ScalarAsync<string>("SELECT function_label FROM mandates WHERE commune_insee = '38185' AND function_label IS NOT NULL"),
                Is.EqualTo("Premier adjoint"));
        });
    }

    [Test]
    public async Task Import_NotLargerThanTheTables_KeepsTheIndexes_AndAReimportChangesNothing()
    {
        await ImportAsync("elus-cm-2026-04-24.csv", Rows);
        _log.Messages.Clear();

        var again = await ImportAsync("elus-cm-2026-04-24.csv", Rows);
        var newer = await ImportAsync("elus-cm-2026-05-01.csv", Rows[0], Rows[1]);

        Assert.That(_log.Messages, Has.Some.Contains("0 indexes dropped").And.None.Contains(" 6 indexes dropped"));
        Assert.That((again.OfficialsAdded, again.MandatesAdded, again.MandatesEnded, again.MandatesUnchanged), Is.EqualTo((0, 0, 0, 3)));
        Assert.That((newer.MandatesAdded, newer.MandatesEnded), Is.EqualTo((0, 1)));
        Assert.That(await ScalarAsync<string>("SELECT end_date FROM mandates WHERE commune_insee = '69123'"), Is.EqualTo("2026-05-01"));
    }

    [Test]
    public async Task DropSecondaryIndexes_ThenRollback_LeavesEveryIndex()
    {
        SkipWithoutTransactionalDdl();
        var indexes = await IndexesAsync();
        var dialect = _db.Database.Dialect;

        await using (var connection = await _db.Database.OpenAsync(default))
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            var dropped = await dialect.DropSecondaryIndexesAsync(connection, transaction, "mandates", ["ix_mandates_official_id"], default);
            Assert.That(dropped, Has.Count.EqualTo(5).And.None.Contains("ix_mandates_official_id ").And.None.Contains("UNIQUE"));
            Assert.That(await IndexNamesAsync(connection, transaction), Does.Contain("ix_mandates_official_id").And.Not.Contain("ix_mandates_commune_insee"));
            await transaction.RollbackAsync();
        }

        Assert.That(await IndexesAsync(), Is.EqualTo(indexes));
    }

    private void SkipWithoutTransactionalDdl()
    {
        if (provider == DatabaseProvider.SqlServer)
        {
            Assert.Ignore("The SQL Server dialect keeps its indexes during an import.");
        }
    }

    private async Task<ImportReport> ImportAsync(string fileName, params string[] rows)
    {
        var bytes = Encoding.UTF8.GetBytes(string.Join("\n", new[] { Header }.Concat(rows)) + "\n");
        // Three rows are no plausible whole release: ends are confirmed so that a newer one may end what it misses.
        var report = await _imports.ImportAsync(() => new MemoryStream(bytes), fileName, new ImportOptions(ConfirmEnds: true), default);
        Assert.That(report.Status, Is.EqualTo("succeeded"), report.Error);
        return report;
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = await _db.Database.OpenAsync(default);
        return (await connection.ExecuteScalarAsync<T>(sql))!;
    }

    // Every index of officials and mandates with its definition, as the engine keeps it.
    private async Task<List<string>> IndexesAsync()
    {
        await using var connection = await _db.Database.OpenAsync(default);
        var sql = provider == DatabaseProvider.Postgres
            ? "SELECT indexname || ': ' || indexdef FROM pg_indexes WHERE tablename IN ('officials', 'mandates') ORDER BY indexname"
            : "SELECT name || ': ' || COALESCE(sql, '') FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('officials', 'mandates') ORDER BY name";
        return (await connection.QueryAsync<string>(sql)).ToList();
    }

    private async Task<List<string>> IndexNamesAsync(DbConnection connection, DbTransaction transaction)
    {
        var sql = provider == DatabaseProvider.Postgres
            ? "SELECT indexname FROM pg_indexes WHERE tablename = 'mandates'"
            : "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'mandates'";
        return (await connection.QueryAsync<string>(sql, transaction: transaction)).ToList();
    }

    private sealed class RecordingLogger : ILogger<RneImporter>
    {
        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Add(formatter(state, exception));
    }
}
