using System.IO.Compression;
using CampaignDesk.Core.Contacts;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Import;
using CampaignDesk.Core.Officials;
using CampaignDesk.TestSupport;

namespace CampaignDesk.Core.Tests.Import.Contacts;

/// <summary>Contact files that change what an earlier one said, one person or one commune at a time, on every engine.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public class ContactChangeTests(DatabaseProvider provider)
{
    private ContactWorld _world = null!;

    [OneTimeSetUp]
    public async Task CreateWorld()
    {
        TestDatabase.RequireConfigured(provider);
        _world = await ContactWorld.CreateAsync(provider, maires: false);
    }

    [OneTimeTearDown]
    public async Task Drop()
    {
        if (_world is not null)
        {
            await _world.DisposeAsync();
        }
    }

    [Test]
    public async Task ChangedPhone_RetiresTheOldOne_AndAnOlderFileDoesNotBringItBack()
    {
        var original = Acteur("PA1008");
        var changed = original.Replace("07 88 44 06 75", "05 56 00 00 00", StringComparison.Ordinal);
        var first = await _world.ImportTextAsync(original, "PA1008-2025-11-18.json");
        var david = await _world.ScalarAsync<long>("SELECT official_id FROM official_identifiers WHERE source = 'assemblee' AND value = 'PA1008'");
        var others = await OtherContactsAsync(david);

        var newer = await _world.ImportTextAsync(changed, "PA1008-2026-01-10.json");
        var older = await _world.ImportTextAsync(original, "PA1008-2025-11-18.json");

        var phones = await _world.QueryAsync<(string Value, string? Retired, long? FirstRun, long? RetiredRun)>(
            "SELECT value, CAST(retired_utc AS VARCHAR(40)), first_run_id, retired_run_id FROM contact_points WHERE official_id = @david AND kind = 'phone' ORDER BY id",
            new { david });
        Assert.Multiple(async () =>
        {
            Assert.That((first.Status, first.ContactsAdded, first.Unmatched), Is.EqualTo(("succeeded", 5, 0)), "two addresses, a phone, a site, an e-mail");
            Assert.That((newer.ContactsAdded, newer.ContactsChanged), Is.EqualTo((0, 1)));
            Assert.That(phones.Select(p => (p.Value, p.Retired is null, p.FirstRun, p.RetiredRun)), Is.EqualTo(new[]
            {
                ("+33788440675", false, (long?)first.Id, (long?)newer.Id),
                ("+33556000000", true, (long?)newer.Id, (long?)null),
            }));
            Assert.That((older.Status, older.ContactsAdded, older.ContactsChanged), Is.EqualTo(("succeeded", 0, 0)));
            Assert.That(older.Issues.Select(i => i.Kind), Does.Contain(ImportIssueKinds.OlderRelease));
            Assert.That(await OtherContactsAsync(david), Is.EqualTo(others), "the addresses, site and e-mail stay as they were");
        });
    }

    [Test]
    public async Task UnknownPerson_IsReportedUnmatched_AndAddsNothing()
    {
        var stranger = Acteur("PA794008").Replace("PA794008", "PA999999", StringComparison.Ordinal)
            .Replace("\"Chatelain\"", "\"Personne\"", StringComparison.Ordinal).Replace("\"Cyrielle\"", "\"Inconnue\"", StringComparison.Ordinal);

        var report = await _world.ImportTextAsync(stranger, "PA999999.json");

        Assert.That((report.Status, report.RowsRead, report.Unmatched, report.ContactsAdded), Is.EqualTo(("succeeded", 1, 1, 0)));
        Assert.That(report.Issues.Single(i => i.Kind == ImportIssueKinds.Unmatched).Message, Does.Contain("Inconnue Personne (PA999999)"));
    }

    [Test]
    public async Task DryRun_ReportsTheContacts_AndChangesNothing()
    {
        var before = await _world.SnapshotAsync();

        var report = await _world.ImportTextAsync(Acteur("PA794008"), "PA794008.json", new ImportOptions(DryRun: true));

        Assert.That((report.Status, report.FileType), Is.EqualTo(("dry_run", "AssembleeActeurs")));
        Assert.That(report.ContactsAdded + report.Unmatched, Is.Positive);
        Assert.That(await _world.SnapshotAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task DirectoryJson_GivesTheCommunesPhoneAddressAndSite()
    {
        var noumea = await _world.ScalarAsync<long>("SELECT official_id FROM mandates WHERE commune_insee = '98818' AND end_date IS NULL") is var id and > 0
            ? id : await _world.NewMaireAsync("98818", "988");
        var report = await _world.ImportFileAsync(MairieDirectoryTests.Fixture("annuaire-mairies-api-2026-05-01.json"));

        var smh = await _world.QueryAsync<(string Kind, string Value, string Use, string? PostalCode, double? Latitude)>(
            "SELECT kind, value, contact_use, postal_code, latitude FROM commune_contacts WHERE commune_insee = '38421' AND retired_utc IS NULL ORDER BY kind");
        Assert.Multiple(async () =>
        {
            Assert.That((report.Status, report.Source, report.FileType, report.RowsRead), Is.EqualTo(("succeeded", "service_public", "Mairies", 6)),
                "the CPAM is not a mairie");
            Assert.That(smh.Select(c => (c.Kind, c.Use)), Is.EqualTo(new[]
            {
                ("email", "mairie"), ("phone", "mairie"), ("postal", "mairie"), ("web", "mairie"),
            }));
            Assert.That(smh.Single(c => c.Kind == "postal") is { PostalCode: "38400", Latitude: 45.1671 });
            Assert.That((await new OfficialQueries(_world.Database).GetAsync(noumea, default))!.Contacts.Select(c => (c.Value, c.Display, c.Href)),
                Is.EqualTo(new[] { ("+687273115", "+687 27 31 15", "tel:+687273115") }), "Nouméa, a commune INSEE's list leaves out, known by its maire");
            Assert.That(report.Issues.Select(i => (i.Kind, i.Line)), Is.SupersetOf(new[]
            {
                (ImportIssueKinds.Unmatched, (int?)7), (ImportIssueKinds.InvalidContact, (int?)4), (ImportIssueKinds.Skipped, (int?)null),
            }));
        });
    }

    [Test]
    public async Task DirectoryCsv_OlderThanTheJson_ChangesNothingTheJsonSaid()
    {
        await _world.ImportFileAsync(MairieDirectoryTests.Fixture("annuaire-mairies-api-2026-05-01.json"));
        var before = await _world.SnapshotAsync();

        var older = await _world.ImportTextAsync("département,commune,email\n38,Mairie - Saint-Martin-d'Hères,ancienne@example.org\n", "mairies-2021-03-02.csv");

        Assert.That((older.Status, older.ContactsAdded, older.ContactsChanged), Is.EqualTo(("succeeded", 0, 0)));
        Assert.That(older.Issues.Select(i => i.Kind), Does.Contain(ImportIssueKinds.OlderRelease));
        Assert.That(await _world.SnapshotAsync(), Is.EqualTo(before));
    }

    [Test]
    public void Describe_ContactFiles_AreRecognisedFromTheirContent()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Describe(File.ReadAllBytes(DataFiles.ShippedFile(ActeurReaderTests.Zip)), "any.zip"), Is.EqualTo(("assemblee", "AssembleeActeurs")));
            Assert.That(Describe(System.Text.Encoding.UTF8.GetBytes(Acteur("PA1008")), "x.json"), Is.EqualTo(("assemblee", "AssembleeActeurs")));
            Assert.That(Describe(File.ReadAllBytes(DataFiles.ShippedFile(MairieDirectoryTests.Csv)), "x.csv"), Is.EqualTo(("service_public", "Mairies")));
            Assert.That(Describe(File.ReadAllBytes(MairieDirectoryTests.Fixture("mairies-paris-opendatasoft-2014.json")), "x.json"),
                Is.EqualTo(("service_public", "Mairies")));
            Assert.That(() => Describe(Zipped("notes.txt", "bonjour"), "other.zip"), Throws.InstanceOf<InvalidDataException>());
        });
    }

    private (string, string) Describe(byte[] bytes, string name) =>
        _world.Imports.Describe(() => new MemoryStream(bytes), name) is var file ? (file.Source, file.FileType) : default;

    private static byte[] Zipped(string name, string text)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        using (var writer = new StreamWriter(zip.CreateEntry(name).Open()))
        {
            writer.Write(text);
        }

        return memory.ToArray();
    }

    private async Task<string> OtherContactsAsync(long official) => string.Join('\n', await _world.QueryAsync<(long, string, string, string?)>(
        "SELECT id, kind, value, CAST(retired_utc AS VARCHAR(40)) FROM contact_points WHERE official_id = @official AND kind <> 'phone' ORDER BY id",
        new { official }));

    // One person's file as the Assemblée publishes it, from the shipped zip.
    private static string Acteur(string uid)
    {
        using var zip = ZipFile.OpenRead(DataFiles.ShippedFile(ActeurReaderTests.Zip));
        using var reader = new StreamReader(zip.GetEntry($"json/acteur/{uid}.json")!.Open());
        return reader.ReadToEnd();
    }
}
