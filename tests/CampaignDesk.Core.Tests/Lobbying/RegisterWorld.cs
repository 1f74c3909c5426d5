using CampaignDesk.Core.Data;
using CampaignDesk.Core.Text;
using Dapper;

namespace CampaignDesk.Core.Tests.Lobbying;

/// <summary>Rows written straight into a migrated database: organisations, officials with mandates, campaigns, the log.</summary>
internal sealed class RegisterWorld(Database database)
{
    private static readonly DateTime Now = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private async Task<long> InsertAsync(string table, string columns, string values, object parameters)
    {
        await using var connection = await database.OpenAsync(default);
        return await connection.ExecuteScalarAsync<long>(database.Command(database.Dialect.InsertReturningId(table, columns, values), parameters));
    }

    private async Task ExecuteAsync(string sql, object parameters)
    {
        await using var connection = await database.OpenAsync(default);
        await connection.ExecuteAsync(database.Command(sql, parameters));
    }

    public Task<long> OrganisationAsync(string name, string type = "structure") => InsertAsync("organisations",
        "type, kind, name, name_key, search_text, created_utc, updated_utc", "@type, 'msp', @name, @key, @key, @Now, @Now",
        new { type, name, key = SearchText.Fold(name), Now });

    public Task ParentAsync(long child, long parent) =>
        ExecuteAsync("INSERT INTO organisation_parents (organisation_id, parent_id) VALUES (@child, @parent)", new { child, parent });

    public Task<long> CampaignAsync(string title, string? goal = null) => InsertAsync("campaigns", "title, goal, status, created_utc, updated_utc",
        "@title, @goal, 'active', @Now, @Now", new { title, goal, Now });

    /// <summary>An official holding one mandate (start 2020-01-01, still in force unless <paramref name="end"/>).</summary>
    public async Task<long> OfficialAsync(string lastName, string role, string? function = null, string? commune = null, string? department = "38",
        string? group = null, string start = "2020-01-01", string? end = null)
    {
        var id = await InsertAsync("officials", "last_name, first_name, search_text, created_utc, updated_utc", "@lastName, 'Camille', @search, @Now, @Now",
            new { lastName, search = SearchText.Fold(lastName), Now });
        await MandateAsync(id, role, function, commune, department, group, start, end);
        return id;
    }

    public Task MandateAsync(long official, string role, string? function = null, string? commune = null, string? department = "38",
        string? group = null, string start = "2020-01-01", string? end = null) => ExecuteAsync("""
        INSERT INTO mandates (official_id, role, seat_key, department_code, commune_insee, group_label, function_label, start_date, end_date, source)
        VALUES (@official, @role, @seat, @department, @commune, @group, @function, @start, @end, 'test')
        """, new { official, role, seat = $"{role}:{official}", department, commune, group, function, start, end });

    public Task<long> InteractionAsync(long organisation, long official, long? campaign, string channel, string direction, string outcome, DateTime at) =>
        InsertAsync("interactions", "organisation_id, official_id, campaign_id, channel, direction, occurred_utc, outcome, confidential, logged_by, created_utc",
            "@organisation, @official, @campaign, @channel, @direction, @at, @outcome, @confidential, 'test', @at",
            new { organisation, official, campaign, channel, direction, outcome, at, confidential = false });

    /// <summary>A follow-up that left and logged <paramref name="interaction"/>.</summary>
    public Task<long> FollowUpAsync(long organisation, long official, long? campaign, long interaction, DateTime at) => InsertAsync("followups", """
        organisation_id, official_id, campaign_id, from_mailbox, to_address, to_name, subject, body, not_before_utc, due_utc, window_date, state,
        idempotency_key, source, created_by, created_utc, updated_utc, interaction_id
        """, """
        @organisation, @official, @campaign, 'msp@example.org', 'elu@example.org', 'Élu', 'Relance', 'Texte', @at, @at, '2026-01-01', 'sent',
        @key, 'manual', 'test', @at, @at, @interaction
        """, new { organisation, official, campaign, interaction, at, key = Guid.NewGuid().ToString("N") });

    /// <summary>An inbox message of <paramref name="kind"/> (auto_reply, bounce) about a follow-up.</summary>
    public Task<long> InboundAsync(long organisation, long official, long? campaign, long? followUp, string kind, DateTime at) => InsertAsync("inbound_messages", """
        mailbox, message_key, graph_id, organisation_id, official_id, campaign_id, followup_id, kind, received_utc, processed_utc
        """, "'msp@example.org', @key, @key, @organisation, @official, @campaign, @followUp, @kind, @at, @at",
        new { organisation, official, campaign, followUp, kind, at, key = Guid.NewGuid().ToString("N") });

    public async Task<long> CoordinatorAsync(long organisation, string email)
    {
        var id = await InsertAsync("users", "email, email_key, display_name, role, created_utc, updated_utc", "@email, @email, @email, 'coordinator', @Now, @Now",
            new { email, Now });
        await ExecuteAsync("INSERT INTO user_organisations (user_id, organisation_id) VALUES (@id, @organisation)", new { id, organisation });
        return id;
    }

    /// <summary>Noon in Paris (11:00 UTC in winter, 10:00 in summer: the same day either way) of a day.</summary>
    public static DateTime Day(int year, int month, int day) => new(year, month, day, 10, 0, 0, DateTimeKind.Utc);
}
