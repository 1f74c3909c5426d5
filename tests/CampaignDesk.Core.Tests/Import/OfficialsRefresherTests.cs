using System.Net;
using System.Text;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Import;
using CampaignDesk.Core.Import.Refresh;
using CampaignDesk.TestSupport;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CampaignDesk.Core.Tests.Import;

/// <summary>The refresher against a real HTTP server on 127.0.0.1 that fails first, then serves the file.</summary>
public class OfficialsRefresherTests
{
    private const string Deputes = """
        Code du département;Libellé du département;Code de la collectivité à statut particulier;Libellé de la collectivité à statut particulier;Code de la circonscription législative;Libellé de la circonscription législative;Nom de l'élu;Prénom de l'élu;Code sexe;Date de naissance;Code de la catégorie socio-professionnelle;Libellé de la catégorie socio-professionnelle;Date de début du mandat
        38;Isère;;;3802;2Ème Circonscription;CHATELAIN;Cyrielle;F;18/06/1987;34;Professeur;08/07/2024
        """;

    private TestDatabase _db = null!;
    private HttpListener _server = null!;
    private Uri _baseUrl = null!;
    private readonly List<string> _requests = [];
    private int _failuresLeft;

    [SetUp]
    public async Task Start()
    {
        _requests.Clear();
        _failuresLeft = 0;
        _db = await (await TestDatabase.CreateAsync(DatabaseProvider.Sqlite)).MigratedAsync();
        var port = BuiltPrograms.FreePort();
        _baseUrl = new Uri($"http://127.0.0.1:{port}/rne/");
        _server = new HttpListener();
        _server.Prefixes.Add(_baseUrl.ToString());
        _server.Start();
        _ = ServeAsync();
    }

    [TearDown]
    public async Task Stop()
    {
        _server.Close();
        await _db.DisposeAsync();
    }

    [Test]
    public async Task Refresh_ServerFailsOnceThenServes_RetriesImportsAndSkipsTheSameFileNextTime()
    {
        _failuresLeft = 1;

        var first = await Refresher(["elus-deputes-dep.csv"]).RefreshAsync(default);
        var second = await Refresher(["elus-deputes-dep.csv"]).RefreshAsync(default);

        Assert.Multiple(async () =>
        {
            Assert.That(first.Single().MandatesAdded, Is.EqualTo(1));
            Assert.That(_requests.Count(r => r.EndsWith("elus-deputes-dep.csv", StringComparison.Ordinal)), Is.EqualTo(3), "a 503, a 200, then the unchanged copy: " + string.Join(" ", _requests));
            Assert.That(second, Is.Empty);
            await using var connection = await _db.Database.OpenAsync(default);
            Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM import_runs"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Refresh_MissingFile_IsSkippedAndTheOthersImported()
    {
        var reports = await Refresher(["nope.csv", "elus-deputes-dep.csv"]).RefreshAsync(default);

        Assert.That(reports.Single().FileName, Is.EqualTo("elus-deputes-dep.csv"));
    }

    private OfficialsRefresher Refresher(List<string> files)
    {
        var time = new ManualTimeProvider();
        var imports = new ImportService(_db.Database, new ImportRunStore(_db.Database, time),
            new RneImporter(_db.Database, time, NullLogger<RneImporter>.Instance), new ParliamentImporter(_db.Database, time), time,
            NullLogger<ImportService>.Instance);
        return new OfficialsRefresher(new HttpClient(), imports, _db.Database,
            Options.Create(new RefreshOptions { Enabled = true, BaseUrl = _baseUrl, Files = files }), NullLogger<OfficialsRefresher>.Instance);
    }

    private async Task ServeAsync()
    {
        while (_server.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _server.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            var path = context.Request.Url!.AbsolutePath;
            lock (_requests)
            {
                _requests.Add(path);
            }

            if (!path.EndsWith("elus-deputes-dep.csv", StringComparison.Ordinal))
            {
                context.Response.StatusCode = 404;
            }
            else if (Interlocked.Decrement(ref _failuresLeft) >= 0)
            {
                context.Response.StatusCode = 503;
                context.Response.Headers["Retry-After"] = "0";
            }
            else
            {
                var body = Encoding.UTF8.GetBytes(Deputes);
                context.Response.ContentLength64 = body.Length;
                await context.Response.OutputStream.WriteAsync(body);
            }

            context.Response.Close();
        }
    }
}
