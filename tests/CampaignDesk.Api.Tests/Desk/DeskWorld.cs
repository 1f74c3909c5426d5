using System.Net.Http.Json;
using System.Text.Json;
using CampaignDesk.Api.Tests.Access;
using CampaignDesk.Core.Text;
using Dapper;

namespace CampaignDesk.Api.Tests.Desk;

/// <summary>
/// A structure in Saint-Martin-d'Hères (Isère, 2nd circonscription) running its own campaign, on top of an
/// <see cref="AccessWorld"/>: its coordinator and two volunteers, a template, and its élus — the députée Cyrielle
/// Chatelain (imported), a sénatrice of Isère with a phone number, the maire, a conseillère départementale of its canton
/// (targets, but for the conseillère) and a conseiller régional (not a target).
/// </summary>
public sealed class DeskWorld
{
    public long Organisation { get; private set; }
    public long Campaign { get; private set; }
    public long Template { get; private set; }
    public long Deputee { get; private set; }
    public long Senatrice { get; private set; }
    public long Maire { get; private set; }
    public long Departementale { get; private set; }
    public long Regional { get; private set; }
    public Person Coordinator { get; private set; } = null!;
    public Person Volunteer { get; private set; } = null!;
    public Person OtherVolunteer { get; private set; } = null!;

    public static async Task<DeskWorld> CreateAsync(AccessWorld world, CampaignDeskApiFactory factory)
    {
        var desk = new DeskWorld { Deputee = world.OfficialId };
        desk.Organisation = (await world.PostAsync<JsonElement>("/api/organisations", new
        {
            type = "structure",
            kind = "msp",
            name = $"Maison de santé {Guid.NewGuid():N}",
            communeInsee = "38421",
        })).GetProperty("id").GetInt64();
        (await world.Admin.PatchAsJsonAsync($"/api/organisations/{desk.Organisation}", new { mailbox = "msp-smh@example.org" })).EnsureSuccessStatusCode();
        desk.Campaign = (await world.PostAsync<JsonElement>("/api/campaigns", new
        {
            title = "Moratoire SEC-Pa",
            organisationIds = new[] { desk.Organisation },
            deadline = "2030-12-31",
        })).GetProperty("id").GetInt64();
        desk.Template = (await world.PostAsync<JsonElement>("/api/templates", new
        {
            campaignId = desk.Campaign,
            name = "Première relance",
            subject = "{{campaign.title}}",
            body = "{{salutation}},\n\n{{organisation.name}}",
        })).GetProperty("id").GetInt64();
        desk.Coordinator = await world.CreatePersonAsync("coordinatrice", "coordinator", desk.Organisation);
        desk.Volunteer = await world.CreatePersonAsync("benevole", "volunteer", desk.Organisation);
        desk.OtherVolunteer = await world.CreatePersonAsync("autre-benevole", "volunteer", desk.Organisation);

        await using var connection = await factory.Database.Database.OpenAsync(default);
        var canton = await connection.ExecuteScalarAsync<string>("SELECT canton_code FROM communes WHERE insee = '38421'");
        desk.Senatrice = await InsertAsync(factory, "DUPONT", "Marie", "F", "senateur", "senateur:38", "38", null, null, "84", "0476123456");
        desk.Maire = await InsertAsync(factory, "MARTIN", "Paul", "M", "maire", "maire:38421", "38", "38421", null, "84", null);
        desk.Departementale = await InsertAsync(factory, "ROUSSEAU", "Anne", "F", "conseiller_departemental", $"conseiller_departemental:{canton}", "38",
            null, canton, "84", null);
        desk.Regional = await InsertAsync(factory, "BERNARD", "Luc", "M", "conseiller_regional", "conseiller_regional:84", null, null, null, "84", null);
        return desk;
    }

    private static async Task<long> InsertAsync(CampaignDeskApiFactory factory, string last, string first, string sex, string role, string seat,
        string? department, string? commune, string? canton, string? region, string? phone)
    {
        var database = factory.Database.Database;
        await using var connection = await database.OpenAsync(default);
        var now = DateTime.UtcNow;
        var id = await connection.ExecuteScalarAsync<long>(database.Dialect.InsertReturningId("officials",
            "last_name, first_name, sex, search_text, created_utc, updated_utc", "@last, @first, @sex, @search, @now, @now"),
            new { last, first, sex, search = SearchText.Fold($"{last} {first}"), now });
        await connection.ExecuteAsync("""
            INSERT INTO mandates (official_id, role, seat_key, department_code, commune_insee, canton_code, region_code, start_date, source)
            VALUES (@id, @role, @seat, @department, @commune, @canton, @region, '2021-07-01', 'rne')
            """, new { id, role, seat, department, commune, canton, region });
        await connection.ExecuteAsync("""
            INSERT INTO contact_points (official_id, kind, value, source, first_seen_utc, last_seen_utc)
            VALUES (@id, 'email', @email, 'test', @now, @now)
            """, new { id, email = $"{first}.{last}@example.org".ToLowerInvariant(), now });
        if (phone is not null)
        {
            await connection.ExecuteAsync("""
                INSERT INTO contact_points (official_id, kind, value, source, first_seen_utc, last_seen_utc)
                VALUES (@id, 'phone', @phone, 'test', @now, @now)
                """, new { id, phone, now });
        }

        return id;
    }

    /// <summary>The organisation's élus on its campaign, as <paramref name="client"/> reads them, by official id.</summary>
    public async Task<Dictionary<long, JsonElement>> OfficialsAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/organisations/{Organisation}/officials?campaign={Campaign}"))
        .EnumerateArray().ToDictionary(o => o.GetProperty("officialId").GetInt64());
}
