using CampaignDesk.Core.Campaigns;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.FollowUps;
using CampaignDesk.Core.Organisations;
using CampaignDesk.Core.Users;
using CampaignDesk.TestSupport;
using Dapper;
using Microsoft.Extensions.Time.Testing;

namespace CampaignDesk.Core.Tests.FollowUps;

/// <summary>
/// A campaign with two structures that have mailboxes, a députée of Isère's 5th circonscription with an address, a
/// maire of Strasbourg (Alsace-Moselle's calendar), and a template; the clock on a Paris working morning.
/// </summary>
internal sealed class FollowUpWorld : IAsyncDisposable
{
    public static readonly Caller Admin = Caller.System("test");

    private FollowUpWorld(TestDatabase db, FakeTimeProvider time) => (Db, Time, Services) = (db, time, new CoreServices(db.Database, time));

    public TestDatabase Db { get; }
    public FakeTimeProvider Time { get; }
    public CoreServices Services { get; }
    public long Grenoble { get; private set; }
    public long Strasbourg { get; private set; }
    public long Campaign { get; private set; }
    public long Deputee { get; private set; }
    public long Maire { get; private set; }
    public long Template { get; private set; }

    /// <summary>Tuesday 31 March 2026, 10:00 in Paris (08:00 UTC, summer time).</summary>
    public static readonly DateTimeOffset TuesdayMorning = new(2026, 3, 31, 8, 0, 0, TimeSpan.Zero);

    public static async Task<FollowUpWorld> CreateAsync(DatabaseProvider provider, DateTimeOffset? now = null)
    {
        TestDatabase.RequireConfigured(provider);
        var world = new FollowUpWorld(await (await TestDatabase.CreateAsync(provider)).MigratedAsync(), new FakeTimeProvider(now ?? TuesdayMorning));
        await world.BuildAsync();
        return world;
    }

    private async Task BuildAsync()
    {
        var organisations = Services.Organisations;
        Grenoble = (await organisations.InsertAsync(new OrganisationFields("structure", "msp", "Pôle santé Grenoble", "38421", "Saint-Martin-d'Hères", "38", "84",
            "pole-sante@example.org"), default))!.Value;
        Strasbourg = (await organisations.InsertAsync(new OrganisationFields("structure", "msp", "Maison de santé Neuhof", "67482", "Strasbourg", "67", "44",
            "neuhof@example.org"), default))!.Value;
        Campaign = (await Services.Campaigns.CreateAsync(Admin, new CampaignFields("SEC-Pa", null, new DateOnly(2026, 4, 30), "active", [Grenoble, Strasbourg]),
            default)).Value!.Id;
        Deputee = await Services.InsertOfficialAsync("CHATELAIN", "Cyrielle");
        Maire = await Services.InsertOfficialAsync("BARSEGHIAN", "Jeanne");
        await using (var connection = await Db.Database.OpenAsync(default))
        {
            var now = Time.GetUtcNow().UtcDateTime;
            await connection.ExecuteAsync("UPDATE officials SET sex = 'F' WHERE id IN (@Deputee, @Maire)", new { Deputee, Maire });
            await connection.ExecuteAsync("""
                INSERT INTO communes (insee, name, search_text, department_code) SELECT '67482', 'Strasbourg', 'strasbourg', '67'
                WHERE NOT EXISTS (SELECT 1 FROM communes WHERE insee = '67482')
                """);
            await connection.ExecuteAsync("""
                INSERT INTO mandates (official_id, role, seat_key, department_code, circonscription_code, commune_insee, start_date, source)
                VALUES (@Deputee, 'depute', 'depute:38-05', '38', '38-05', NULL, '2024-07-08', 'rne'),
                       (@Maire, 'maire', 'maire:67482', '67', NULL, '67482', '2020-07-03', 'rne')
                """, new { Deputee, Maire });
            await connection.ExecuteAsync("""
                INSERT INTO contact_points (official_id, kind, value, source, first_seen_utc, last_seen_utc)
                VALUES (@Deputee, 'email', 'cyrielle.chatelain@assemblee-nationale.fr', 'assemblee', @now, @now),
                       (@Maire, 'email', 'maire@strasbourg.eu', 'rne', @now, @now)
                """, new { Deputee, Maire, now });
        }

        Template = (await Services.Templates.CreateAsync(Admin, new TemplateFields(Campaign, "Relance",
            "{{campaign.title}} : notre demande", "{{salutation}},\n\nNous revenons vers vous, {{mandate}}, avant le {{campaign.deadline}}.\n\n{{organisation.name}}"),
            default)).Value!.Id;
    }

    public const string MairieAddress = "mairie@strasbourg.example";

    /// <summary>The maire's own address is retired and Strasbourg's mairie publishes one, as the directory's import gives it.</summary>
    public async Task OnlyTheMairieHasAnAddressAsync()
    {
        await using var connection = await Db.Database.OpenAsync(default);
        var now = Time.GetUtcNow().UtcDateTime;
        await connection.ExecuteAsync("UPDATE contact_points SET retired_utc = @now WHERE official_id = @Maire", new { now, Maire });
        await connection.ExecuteAsync("""
            INSERT INTO commune_contacts (commune_insee, kind, contact_use, value, source, source_date, first_seen_utc, last_seen_utc)
            VALUES ('67482', 'email', 'mairie', @MairieAddress, 'service_public', '2026-03-01', @now, @now)
            """, new { MairieAddress, now });
    }

    public Task<CampaignDesk.Core.Common.Outcome<FollowUp>> ScheduleAsync(long official, long organisation, DateTimeOffset? notBefore = null) =>
        Services.FollowUps.ScheduleAsync(Admin, new FollowUpInput(official, organisation, Campaign, Template, null, null, notBefore), default);

    public async Task<FollowUp> GetAsync(long id) => (await Services.FollowUps.GetAsync(Admin, id, default)).Value!;

    public async Task<long> CountAsync(string where = "1 = 1")
    {
        await using var connection = await Db.Database.OpenAsync(default);
        return await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM followups WHERE {where}");
    }

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}
