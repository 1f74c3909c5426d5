using System.Net;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Import;
using CampaignDesk.Core.Parliament;
using CampaignDesk.Core.Resources;
using CampaignDesk.TestSupport;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CampaignDesk.Core.Tests.Parliament;

/// <summary>
/// The parliament fetch against a real HTTP server on 127.0.0.1 serving the shipped zip of the Assemblée's votes as the
/// publisher names it: it fails first, then serves the file; the same file the next time is not imported again.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public class ParliamentFetcherTests(DatabaseProvider provider)
{
    private const string Served = "Scrutins.json.zip";
    private const string Shipped = "seed/parliament/assemblee-scrutins-l16-l17.zip";

    private TestDatabase _db = null!;
    private HttpListener _server = null!;
    private Uri _baseUrl = null!;
    private readonly List<string> _requests = [];
    private byte[] _zip = [];
    private int _failuresLeft;

    [SetUp]
    public async Task Start()
    {
        TestDatabase.RequireConfigured(provider);
        _requests.Clear();
        _failuresLeft = 0;
        await using (var shipped = EmbeddedFiles.Open(Shipped))
        using (var copy = new MemoryStream())
        {
            await shipped.CopyToAsync(copy);
            _zip = copy.ToArray();
        }

        _db = await (await TestDatabase.CreateAsync(provider)).MigratedAsync();
        _baseUrl = new Uri($"http://127.0.0.1:{BuiltPrograms.FreePort()}/assemblee/");
        _server = new HttpListener();
        _server.Prefixes.Add(_baseUrl.ToString());
        _server.Start();
        _ = ServeAsync();
    }

    [TearDown]
    public async Task Stop()
    {
        _server?.Close();
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }

    [Test]
    public async Task Fetch_ServerFailsOnceThenServes_RetriesImportsOnce_AndSkipsTheSameFileNextTime()
    {
        _failuresLeft = 1;

        var first = await Fetcher([Served]).FetchAsync(default);
        var second = await Fetcher([Served]).FetchAsync(default);

        await using var connection = await _db.Database.OpenAsync(default);
        var runs = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM import_runs WHERE file_type = 'ParliamentRecords'");
        var votes = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM parliament_items WHERE kind = 'vote'");
        Assert.Multiple(() =>
        {
            Assert.That(first.Single().Status, Is.EqualTo("succeeded"));
            Assert.That(first.Single().FileName, Is.EqualTo(Served));
            Assert.That(first.Single().Outcome, Does.Contain("43 élément(s) parlementaire(s) ajouté(s)"));
            Assert.That(_requests.Count(r => r.EndsWith(Served, StringComparison.Ordinal)), Is.EqualTo(3),
                "a 503, a 200, then the unchanged copy: " + string.Join(" ", _requests));
            Assert.That(second, Is.Empty, "same sha-256: not imported again");
            Assert.That(runs, Is.EqualTo(1));
            Assert.That(votes, Is.EqualTo(43));
        });
    }

    [Test]
    public async Task Fetch_MissingFile_IsSkippedAndTheOthersImported()
    {
        var reports = await Fetcher(["Questions_ecrites_XVII.json.zip", Served]).FetchAsync(default);

        Assert.That(reports.Select(r => r.FileName), Is.EqualTo(new[] { Served }));
    }

    private ParliamentFetcher Fetcher(List<string> files)
    {
        var time = new ManualTimeProvider();
        var imports = new ParliamentImportService(_db.Database, new ImportRunStore(_db.Database, time), new ProposalMatcher(time), time,
            NullLogger<ParliamentImportService>.Instance);
        return new ParliamentFetcher(new HttpClient(), imports, _db.Database,
            Options.Create(new ParliamentFetchOptions { Enabled = true, BaseUrl = _baseUrl, Files = files }), NullLogger<ParliamentFetcher>.Instance);
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

            if (!path.EndsWith(Served, StringComparison.Ordinal))
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
                context.Response.ContentType = "application/zip";
                context.Response.ContentLength64 = _zip.Length;
                await context.Response.OutputStream.WriteAsync(_zip);
            }

            context.Response.Close();
        }
    }
}
