using CampaignDesk.Core.Contacts;
using CampaignDesk.Core.FollowUps;
using CampaignDesk.Core.Officials;
using CampaignDesk.Core.Organisations;
using CampaignDesk.Core.Users;
using Dapper;

namespace CampaignDesk.Core.Tests.Import;

/// <summary>The contact details of the shipped snapshot: what the README's first command gives, on every engine.</summary>
public partial class SeededDirectoryTests
{
    // The share of current députés, sénateurs and maires with a current e-mail, phone, postal address and site of their own or
    // of their mairie, from the shipped files. The README's « Contact details » table states these numbers.
    // (Nine maires of April 2026 still sit as députés in the RNE of October 2025: their phones and addresses are the Assemblée's.)
    private static readonly string[] Coverage =
    [
        "depute: 571 officials, email 550, phone 209, postal 548, web 211",
        "senateur: 347 officials, email 331, phone 0, postal 0, web 338",
        "maire: 32475 officials, email 31671, phone 9, postal 26, web 108",
    ];

    [Test]
    public async Task Seed_ContactCoverage_IsWhatTheShippedFilesGive()
    {
        var holders = (await QueryAsync<(long Official, string Role)>(
            "SELECT DISTINCT official_id, role FROM mandates WHERE end_date IS NULL AND role IN ('depute', 'senateur', 'maire')")).ToList();
        var reached = (await QueryAsync<(long Official, string Kind)>("""
            SELECT DISTINCT official_id, kind FROM contact_points WHERE retired_utc IS NULL
            UNION
            SELECT DISTINCT m.official_id, k.kind FROM mandates m JOIN commune_contacts k ON k.commune_insee = m.commune_insee
            WHERE m.end_date IS NULL AND m.role IN ('maire', 'conseiller_municipal', 'conseiller_arrondissement') AND k.retired_utc IS NULL
            """)).ToHashSet();

        var lines = new[] { Roles.Depute, Roles.Senateur, Roles.Maire }.Select(role =>
        {
            var officials = holders.Where(h => h.Role == role).Select(h => h.Official).ToList();
            long With(string kind) => officials.Count(o => reached.Contains((o, kind)));
            return $"{role}: {officials.Count} officials, email {With(ContactKinds.Email)}, phone {With(ContactKinds.Phone)}, postal {With(ContactKinds.Postal)}, "
                + $"web {With(ContactKinds.Web)}";
        });

        Assert.That(lines, Is.EqualTo(Coverage), string.Join(" | ", lines));
    }

    [Test]
    public async Task Seed_MaireOfSaintMartinDHeres_HasTheMairiesEmail_AsTheStructuresMaire()
    {
        var psi = (await _organisations.SearchAsync(new OrganisationQuery("Saint-Martin-d'Hères", Type: OrganisationTypes.Structure), default)).Items.Single();

        var maire = (await _relevant.ForAsync(psi, default)).Single(o => o.Mandate.Role == Roles.Maire);

        Assert.That(maire.Emails, Is.EqualTo(new[] { "contact-mairie@saintmartindheres.fr" }));
        Assert.That(maire.Contacts!.Single().Commune?.Name, Is.EqualTo("Saint-Martin-d'Hères"));
    }

    [Test]
    public async Task Seed_DeputeWithAPermanence_HasItsPhoneAndAddresses()
    {
        var david = (await QueryAsync<long>("SELECT official_id FROM official_identifiers WHERE source = 'assemblee' AND value = 'PA1008'")).Single();

        var official = await new OfficialQueries(_db.Database).GetAsync(david, default);

        var current = official!.Contacts.Where(c => c.RetiredUtc is null).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(current.Where(c => c.Kind == ContactKinds.Phone).Select(c => (c.Value, c.Display, c.Href, c.Use)),
                Is.EqualTo(new[] { ("+33788440675", "07 88 44 06 75", "tel:+33788440675", ContactUses.Circonscription) }));
            Assert.That(current.Where(c => c.Kind == ContactKinds.Postal).Select(c => (c.Use, c.Postal!.City)),
                Is.EqualTo(new[] { (ContactUses.Circonscription, "Cenon"), (ContactUses.Office, "Paris 07 SP") }));
            Assert.That(current.Select(c => (c.Source, c.SourceDate)), Has.Some.EqualTo(("assemblee", (DateOnly?)new DateOnly(2025, 11, 18))));
        });
    }

    [Test]
    public async Task Preview_ToAMaireWithoutAnAddress_LeavesForTheMairie_ToHisAttention()
    {
        var maire = (await QueryAsync<long>("SELECT official_id FROM mandates WHERE role = 'maire' AND commune_insee = '38421' AND end_date IS NULL")).Single();
        var campaign = await _services.Campaigns.GetAsync(_campaign!.Value, default);
        var structure = campaign!.OrganisationIds[0];
        await using (var connection = await _db.Database.OpenAsync(default))
        {
            await connection.ExecuteAsync("UPDATE organisations SET mailbox = 'structure@example.org' WHERE id = @structure", new { structure });
        }

        var template = (await _services.Templates.ListAsync(_campaign, default)).Single();
        var preview = await _services.Templates.PreviewAsync(Caller.System("Équipe"), template.Id, new PreviewInput(maire, structure), default);

        Assert.That(preview.IsOk, Is.True, string.Join(", ", preview.Errors?.SelectMany(e => e.Value) ?? []));
        Assert.That((preview.Value!.ToAddress, preview.Value.ToName, preview.Value.AddressUse),
            Is.EqualTo(("contact-mairie@saintmartindheres.fr", "Mairie de Saint-Martin-d'Hères", ContactUses.Mairie)));
        Assert.That(preview.Value.Body, Does.StartWith("À l'attention de Monsieur le Maire\n\nMonsieur le Maire,\n"));
    }
}
