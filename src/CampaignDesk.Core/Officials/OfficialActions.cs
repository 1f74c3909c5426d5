using CampaignDesk.Core.Campaigns;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Users;
using Dapper;

namespace CampaignDesk.Core.Officials;

/// <summary>
/// What the caller may do about an official, for one organisation and one running campaign, so that the official's page
/// shows only the forms the API will accept: the organisations the caller acts for (admins: the participants of running
/// campaigns), that organisation's running campaigns, what the caller may do there (log a contact, record a position,
/// schedule a follow-up, assign a task), to whom a task may go, the campaign's templates, where the campaign stands with
/// the official and the next action.
/// </summary>
public sealed class OfficialActions(Database database, TimeProvider time)
{
    private const int MaxChoices = 200;

    /// <param name="officialId">Null for what the caller may do for the organisation's élus in general (the structure page).</param>
    public async Task<Outcome<OfficialActionsView>> ForAsync(Caller caller, long? officialId, long? organisationId, long? campaignId,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var today = IsoDate.Format(ParisTime.Today(time));
        if (officialId is not null && await connection.ExecuteScalarAsync<long>(database.Command("SELECT COUNT(*) FROM officials WHERE id = @officialId", new { officialId },
                cancellationToken: cancellationToken)) == 0)
        {
            return Outcome<OfficialActionsView>.NotFound();
        }

        if (organisationId is { } asked && !caller.ActsFor(asked))
        {
            return Outcome<OfficialActionsView>.Forbidden(Messages.NotYourOrganisation);
        }

        var mine = caller.OrganisationIds.Where(caller.ActsFor).ToArray();
        var choices = (await connection.QueryAsync<Choice>(database.Command(caller.IsAdmin
            ? $"""
                SELECT DISTINCT g.id, g.name FROM organisations g JOIN campaign_organisations co ON co.organisation_id = g.id
                JOIN campaigns c ON c.id = co.campaign_id WHERE {CampaignStatuses.Sql("c")} = 'active' OR g.id = @asked
                ORDER BY g.name {database.Dialect.Paging}
                """
            : $"SELECT g.id, g.name FROM organisations g WHERE {database.Dialect.InList("g.id", "mine")} ORDER BY g.name",
            new { today, mine, asked = organisationId ?? 0, Skip = 0, Take = MaxChoices }, cancellationToken: cancellationToken))).ToList();
        var organisation = organisationId ?? choices.FirstOrDefault()?.Id;
        if (organisation is not { } org || !choices.Any(c => c.Id == org))
        {
            return Outcome<OfficialActionsView>.Ok(new(officialId, choices, null, [], null, Rights.None, [], [], null, null));
        }

        var campaigns = (await connection.QueryAsync<CampaignChoice>(database.Command($"""
            SELECT c.id, c.title, c.deadline FROM campaigns c JOIN campaign_organisations co ON co.campaign_id = c.id
            WHERE co.organisation_id = @org AND {CampaignStatuses.Sql("c")} = 'active' ORDER BY c.id DESC
            """, new { org, today }, cancellationToken: cancellationToken))).ToList();
        if (campaignId is { } wanted && !campaigns.Any(c => c.Id == wanted))
        {
            return Outcome<OfficialActionsView>.Invalid("campaign", Messages.CampaignNotRunningWith, wanted);
        }

        var campaign = campaignId ?? campaigns.FirstOrDefault()?.Id;
        var coordinates = caller.Coordinates(org);
        var rights = new Rights(LogContact: true, RecordPosition: campaign is not null, ScheduleFollowUp: coordinates && campaign is not null,
            AssignTask: coordinates);
        var assignees = coordinates
            ? (await connection.QueryAsync<Assignee>(database.Command("""
                SELECT u.id, u.display_name, u.role FROM users u JOIN user_organisations m ON m.user_id = u.id
                WHERE m.organisation_id = @org AND u.disabled_utc IS NULL AND u.role IN ('volunteer', 'coordinator')
                ORDER BY u.display_name, u.id
                """, new { org }, cancellationToken: cancellationToken))).ToList()
            : [];
        var templates = campaign is { } t && rights.ScheduleFollowUp
            ? (await connection.QueryAsync<TemplateChoice>(database.Command(
                "SELECT id, name FROM templates WHERE campaign_id = @t ORDER BY name, id", new { t }, cancellationToken: cancellationToken))).ToList()
            : [];

        OfficialOutreach? standing = null;
        NextAction? next = null;
        if (campaign is { } c && officialId is { } official)
        {
            var row = await connection.QuerySingleOrDefaultAsync<OrganisationOfficials.OutreachRow>(database.Command("""
                SELECT p.official_id, p.reached, p.replied, p.stance,
                       CASE WHEN p.last_contact_utc IS NULL THEN 0 ELSE 1 END AS contacted,
                       CASE WHEN EXISTS (SELECT 1 FROM campaign_contacts k WHERE k.campaign_id = p.campaign_id
                                           AND k.official_id = p.official_id AND k.organisation_id = @org) THEN 1 ELSE 0 END AS own
                FROM campaign_progress p WHERE p.campaign_id = @c AND p.official_id = @official
                """, new { c, official, org }, cancellationToken: cancellationToken));
            standing = OrganisationOfficials.Outreach(c, row);
            var dealings = await OutreachFacts.DealingsAsync(database, connection, org, c, [official], cancellationToken);
            next = NextActions.Of(standing, dealings[official]);
        }

        return Outcome<OfficialActionsView>.Ok(new(officialId, choices, org, campaigns, campaign, rights, assignees, templates, standing, next));
    }

    public sealed record Choice(long Id, string Name);

    public sealed record CampaignChoice(long Id, string Title, string? Deadline);

    public sealed record Assignee(long Id, string DisplayName, string Role);

    public sealed record TemplateChoice(long Id, string Name);

    /// <summary>What the caller may do here; the API refuses the rest whatever a page shows.</summary>
    public sealed record Rights(bool LogContact, bool RecordPosition, bool ScheduleFollowUp, bool AssignTask)
    {
        public static Rights None { get; } = new(false, false, false, false);
    }
}

/// <param name="Organisations">The organisations the caller may act for here; <paramref name="OrganisationId"/> is the one chosen.</param>
public sealed record OfficialActionsView(long? OfficialId, IReadOnlyList<OfficialActions.Choice> Organisations, long? OrganisationId,
    IReadOnlyList<OfficialActions.CampaignChoice> Campaigns, long? CampaignId, OfficialActions.Rights May,
    IReadOnlyList<OfficialActions.Assignee> Assignees, IReadOnlyList<OfficialActions.TemplateChoice> Templates, OfficialOutreach? Outreach,
    NextAction? NextAction);
