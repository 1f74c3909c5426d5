using System.IO.Compression;
using System.Text.Json;
using CampaignDesk.Core.Contacts;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Import;
using CampaignDesk.Core.Officials;
using CampaignDesk.TestSupport;

namespace CampaignDesk.Core.Tests.Import.Contacts;

/// <summary>
/// The shipped contact files imported into the RNE's députés and maires, on every engine: the acteur files give each
/// matched député the addresses and phones of her file, the directory gives each commune its mairie, shown on its maire.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public class ContactImportTests(DatabaseProvider provider)
{
    private ContactWorld _world = null!;
    private ImportReport _acteurs = null!;
    private ImportReport _mairies = null!;

    [OneTimeSetUp]
    public async Task ImportOnce()
    {
        TestDatabase.RequireConfigured(provider);
        _world = await ContactWorld.CreateAsync(provider, maires: true);
        _acteurs = await _world.ImportFileAsync(DataFiles.ShippedFile(ActeurReaderTests.Zip));
        _mairies = await _world.ImportFileAsync(DataFiles.ShippedFile(MairieDirectoryTests.Csv));
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
    public async Task Acteurs_EveryMatchedDepute_GetsTheAddressesAndPhonesOfHerFile()
    {
        var matched = (await _world.QueryAsync<(string Value, long OfficialId)>("SELECT value, official_id FROM official_identifiers WHERE source = 'assemblee'"))
            .ToDictionary(i => i.Value, i => i.OfficialId);
        var stored = (await _world.QueryAsync<(long OfficialId, string Kind, string Value)>(
            "SELECT official_id, kind, value FROM contact_points WHERE source = 'assemblee' AND retired_utc IS NULL")).ToLookup(c => (c.OfficialId, c.Kind), c => c.Value);

        // Read from the zip with JsonDocument alone: the addresses each sitting député's file publishes.
        var checkedDeputes = 0;
        using var zip = ZipFile.OpenRead(DataFiles.ShippedFile(ActeurReaderTests.Zip));
        foreach (var entry in zip.Entries)
        {
            using var document = JsonDocument.Parse(entry.Open());
            var acteur = document.RootElement.GetProperty("acteur");
            var uid = acteur.GetProperty("uid").GetProperty("#text").GetString()!;
            if (!matched.TryGetValue(uid, out var official))
            {
                continue;
            }

            var addresses = acteur.GetProperty("adresses").GetProperty("adresse");
            var items = addresses.ValueKind == JsonValueKind.Array ? addresses.EnumerateArray().ToList() : [addresses];
            // An address with neither street nor town (some files publish an empty one) is none.
            var postal = items.Where(a => a.GetProperty("@xsi:type").GetString() == "AdressePostale_Type")
                .Where(a => new[] { "numeroRue", "nomRue", "complementAdresse", "ville" }.Any(f => a.GetProperty(f).ValueKind == JsonValueKind.String))
                .Select(a => string.Join('|', new[] { "intitule", "numeroRue", "nomRue", "codePostal", "ville" }.Select(f => a.GetProperty(f).ToString())))
                .Distinct().Count();
            var phones = items.Where(a => a.GetProperty("typeLibelle").GetString() == "Téléphone")
                .SelectMany(a => a.GetProperty("valElec").GetString()!.Split([" et ", "/"], StringSplitOptions.None))
                .Select(p => new string(p.Where(char.IsAsciiDigit).ToArray())[^6..]).ToList();

            Assert.That(stored[(official, ContactKinds.Postal)].Count(), Is.EqualTo(postal), uid);
            Assert.That(phones, Is.All.Matches<string>(end => stored[(official, ContactKinds.Phone)].Any(p => p.EndsWith(end, StringComparison.Ordinal))), uid);
            Assert.That(stored[(official, ContactKinds.Phone)].Count(), Is.EqualTo(phones.Distinct().Count()), uid);
            checkedDeputes++;
        }

        Assert.That(checkedDeputes, Is.EqualTo(575 - _acteurs.Unmatched), "every sitting député the RNE of 2025-10-07 holds");
        Assert.That(checkedDeputes, Is.GreaterThan(540));
    }

    [Test]
    public async Task Acteurs_Report_FormerMembersAndUnmatchedAreNamed()
    {
        var issues = _acteurs.Issues;

        Assert.Multiple(() =>
        {
            Assert.That((_acteurs.Status, _acteurs.Source, _acteurs.FileType), Is.EqualTo(("succeeded", "assemblee", "AssembleeActeurs")));
            Assert.That((_acteurs.RowsRead, _acteurs.RowsUnreadable), Is.EqualTo((603, 0)));
            Assert.That(_acteurs.ReleaseDate, Is.EqualTo(new DateOnly(2025, 11, 18)));
            Assert.That(issues.Single(i => i.Kind == ImportIssueKinds.NotSitting).Message, Does.StartWith("28 fiche(s)"));
            Assert.That(issues.Count(i => i.Kind is ImportIssueKinds.Unmatched or ImportIssueKinds.Ambiguous), Is.EqualTo(_acteurs.Unmatched).And.Positive);
            Assert.That(issues.Where(i => i.Kind == ImportIssueKinds.Unmatched).Select(i => i.Line), Is.All.Not.Null, "the file's place in the zip");
            Assert.That(issues.Where(i => i.Kind == ImportIssueKinds.Unmatched).Select(i => i.Message), Is.All.Match(@"\(PA\d+\)"));
            Assert.That(_acteurs.ContactsAdded, Is.GreaterThan(2000));
            Assert.That(_acteurs.Diff!.ContactsChanged, Has.Count.EqualTo(ImportDiff.SampleSize));
        });
        Assert.That(await _world.ScalarAsync<long>("SELECT COUNT(*) FROM contact_points WHERE first_run_id = @Id", new { _acteurs.Id }),
            Is.EqualTo(_acteurs.ContactsAdded));
    }

    [Test]
    public async Task Acteurs_ImportedAgain_ChangeNothing()
    {
        var before = await _world.SnapshotAsync();

        var again = await _world.ImportFileAsync(DataFiles.ShippedFile(ActeurReaderTests.Zip));

        Assert.That((again.Status, again.ContactsAdded, again.ContactsChanged), Is.EqualTo(("succeeded", 0, 0)));
        Assert.That(again.Issues.Where(i => i.Kind == ImportIssueKinds.OlderRelease), Is.Empty);
        Assert.That(await _world.SnapshotAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Mairies_ContactsOfTheCommune_AppearOnItsMaire()
    {
        var maire = await _world.ScalarAsync<long>("SELECT official_id FROM mandates WHERE role = 'maire' AND commune_insee = '45210' AND end_date IS NULL");

        var official = await new OfficialQueries(_world.Database).GetAsync(maire, default);

        var mail = official!.Contacts.Single(c => c.Kind == ContactKinds.Email);
        Assert.Multiple(() =>
        {
            Assert.That((mail.Value, mail.Use, mail.Source, mail.SourceDate), Is.EqualTo(("montbouy@orange.fr", "mairie", "service_public", (DateOnly?)new DateOnly(2021, 3, 2))));
            Assert.That(mail.Commune, Is.EqualTo(new ContactCommune("45210", "Montbouy")));
            Assert.That(mail.Href, Is.EqualTo("mailto:montbouy@orange.fr"));
        });
    }

    [Test]
    public async Task Mairies_Report_MatchedByNameAmbiguousAndUnmatched()
    {
        var communes = await _world.ScalarAsync<long>("SELECT COUNT(DISTINCT commune_insee) FROM commune_contacts");

        Assert.Multiple(() =>
        {
            Assert.That((_mairies.Status, _mairies.Source, _mairies.FileType, _mairies.RowsRead), Is.EqualTo(("succeeded", "service_public", "Mairies", 36_010)));
            Assert.That(communes, Is.GreaterThan(34_000), "of 34,875 communes");
            Assert.That(_mairies.Unmatched, Is.EqualTo(522), "rows of communes merged or renamed since 2021, and homonyms overseas");
            Assert.That(_mairies.Issues.Count(i => i.Kind == ImportIssueKinds.Ambiguous), Is.EqualTo(8));
            Assert.That(_mairies.Issues.Where(i => i.Kind == ImportIssueKinds.Ambiguous).Select(i => i.Message),
                Has.Some.StartsWith("Mairie - Sainte-Anne (97) : 2 communes de ce nom (97128, 97226)"));
            Assert.That(_mairies.Issues.Where(i => i.Kind == ImportIssueKinds.Unmatched).Select(i => i.Message),
                Has.Some.StartsWith("Mairie - Courcelles (45) : aucune commune de ce nom"));
            Assert.That(_mairies.Issues.Single(i => i.Kind == ImportIssueKinds.Skipped).Message, Does.StartWith("908 mairie(s) déléguée(s) ou annexe(s)"));
            Assert.That(_mairies.Issues.Where(i => i.Kind == ImportIssueKinds.InvalidContact).Select(i => i.Line), Is.All.Not.Null);
        });
    }

    [Test]
    public async Task Mairies_ImportedAgain_ChangeNothing()
    {
        var before = await _world.SnapshotAsync();

        var again = await _world.ImportFileAsync(DataFiles.ShippedFile(MairieDirectoryTests.Csv), new ImportOptions(DryRun: true));
        var applied = await _world.ImportFileAsync(DataFiles.ShippedFile(MairieDirectoryTests.Csv));

        Assert.That((again.Status, again.ContactsAdded, again.ContactsChanged), Is.EqualTo(("dry_run", 0, 0)));
        Assert.That((applied.ContactsAdded, applied.ContactsChanged), Is.EqualTo((0, 0)));
        Assert.That(await _world.SnapshotAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Mairies_ANewMaire_HasTheMairiesContactsWithoutAnImport()
    {
        var former = await _world.ScalarAsync<long>("SELECT official_id FROM mandates WHERE role = 'maire' AND commune_insee = '38421' AND end_date IS NULL");
        var store = new OfficialQueries(_world.Database);
        var elected = await _world.NewMaireAsync("38421", "38");

        var now = await store.GetAsync(elected, default);
        var before = await store.GetAsync(former, default);

        Assert.That(now!.Contacts.Select(c => (c.Value, c.Use)), Does.Contain(("contact-mairie@saintmartindheres.fr", "mairie")));
        Assert.That(before!.Contacts.Where(c => c.Use == ContactUses.Mairie), Is.Empty, "the former maire keeps only their own");
    }
}
