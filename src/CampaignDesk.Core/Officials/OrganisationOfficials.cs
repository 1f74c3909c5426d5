using CampaignDesk.Core.Common;
using CampaignDesk.Core.Contacts;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Organisations;
using CampaignDesk.Core.Territories;
using Dapper;

namespace CampaignDesk.Core.Officials;

/// <summary>
/// The élus that matter to an organisation: the député(s) of its circonscription(s), the sénateurs of its
/// département, the maire of its commune, the conseillers départementaux of its canton and the conseillers
/// régionaux of its région — each with the reason. A commune split across circonscriptions yields every
/// candidate until the organisation's circonscription is set.
/// </summary>
public sealed class OrganisationOfficials(Database database, TerritoryStore territories)
{
    public Task<IReadOnlyList<RelevantOfficial>> ForAsync(Organisation organisation, CancellationToken cancellationToken) =>
        ForAsync(organisation, campaignId: null, cancellationToken);

    /// <param name="campaignId">When given (an existing campaign), each élu comes with where that campaign stands with them.</param>
    public async Task<IReadOnlyList<RelevantOfficial>> ForAsync(Organisation organisation, long? campaignId, CancellationToken cancellationToken)
    {
        var commune = organisation.CommuneInsee is null ? null : await territories.GetCommuneAsync(organisation.CommuneInsee, cancellationToken);
        var candidates = organisation.CirconscriptionCode is { } chosen
            ? [new CirconscriptionCandidate(chosen, Partial: false)]
            : organisation.CommuneInsee is null ? [] : await territories.GetCirconscriptionsAsync(organisation.CommuneInsee, cancellationToken);
        var circonscriptions = candidates.Select(c => c.Code).ToArray();

        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<MandateRow>(database.Command($"""
            SELECT o.id AS official_id, o.last_name, o.first_name, o.sex,
                   m.id, m.role, m.department_code, m.circonscription_code, m.commune_insee, m.canton_code, m.region_code,
                   m.group_code, m.group_label, m.function_label, m.start_date, m.end_date, m.source
            FROM mandates m JOIN officials o ON o.id = m.official_id
            WHERE m.end_date IS NULL AND (
                   (m.role = 'depute' AND {database.Dialect.InList("m.circonscription_code", "circonscriptions")})
                OR (m.role = 'senateur' AND m.department_code = @Department)
                OR (m.role = 'maire' AND m.commune_insee = @Commune)
                OR (m.role = 'conseiller_departemental' AND m.canton_code = @Canton)
                OR (m.role = 'conseiller_regional' AND m.region_code = @Region))
            """, new
        {
            circonscriptions,
            Department = organisation.DepartmentCode,
            Commune = organisation.CommuneInsee,
            Canton = commune?.CantonCode,
            Region = organisation.RegionCode,
        }, cancellationToken: cancellationToken))).ToList();

        var ids = rows.Select(r => r.OfficialId).Distinct().ToArray();
        var contacts = await OfficialContacts.OfAsync(database, connection, ids, currentOnly: true, cancellationToken);

        var outreach = campaignId is { } campaign && ids.Length > 0
            ? (await connection.QueryAsync<OutreachRow>(database.Command($"""
                SELECT p.official_id, p.reached, p.replied, p.stance,
                       CASE WHEN p.last_contact_utc IS NULL THEN 0 ELSE 1 END AS contacted,
                       CASE WHEN EXISTS (SELECT 1 FROM campaign_contacts c WHERE c.campaign_id = p.campaign_id
                                           AND c.official_id = p.official_id AND c.organisation_id = @organisation) THEN 1 ELSE 0 END AS own
                FROM campaign_progress p
                WHERE p.campaign_id = @campaign AND {database.Dialect.InList("p.official_id", "ids")}
                """, new { ids, campaign, organisation = organisation.Id }, cancellationToken: cancellationToken))).ToDictionary(r => r.OfficialId)
            : [];

        var partial = candidates.Count > 1;
        return rows
            .OrderBy(r => Array.IndexOf(RoleOrder, r.Role)).ThenBy(r => r.CirconscriptionCode).ThenBy(r => r.LastName).ThenBy(r => r.FirstName)
            .Select(r => new RelevantOfficial(r.OfficialId, r.LastName, r.FirstName, r.Sex, r.ToMandate(),
                Reason(r, organisation, commune, partial),
                contacts[r.OfficialId].Where(c => c.Kind == ContactKinds.Email).Select(c => c.Value).Distinct().ToList(),
                campaignId is { } id ? Outreach(id, outreach.GetValueOrDefault(r.OfficialId)) : null, contacts[r.OfficialId].ToList()))
            .ToList();
    }

    private static OfficialOutreach Outreach(long campaignId, OutreachRow? row) => row is null
        ? new OfficialOutreach(campaignId, false, false, false, false, "unknown")
        : new OfficialOutreach(campaignId, row.Contacted == 1, row.Own == 1, row.Reached == 1, row.Replied == 1 || row.Stance is not null, row.Stance ?? "unknown");

    private sealed class OutreachRow
    {
        public long OfficialId { get; init; }
        public long Reached { get; init; }
        public long Replied { get; init; }
        public string? Stance { get; init; }
        public long Contacted { get; init; }
        public long Own { get; init; }
    }

    private static readonly string[] RoleOrder =
        [Roles.Depute, Roles.Senateur, Roles.Maire, Roles.ConseillerDepartemental, Roles.ConseillerRegional];

    private static string Reason(MandateRow row, Organisation organisation, Commune? commune, bool partial) => row.Role switch
    {
        Roles.Depute when partial =>
            $"Député of circonscription {row.CirconscriptionCode}, one of the circonscriptions of {commune?.Name ?? organisation.CommuneInsee}: set the organisation's circonscription to keep only its own.",
        Roles.Depute => $"Député of circonscription {row.CirconscriptionCode}, where {commune?.Name ?? organisation.CommuneInsee} lies.",
        Roles.Senateur => $"Sénateur of département {row.DepartmentCode}.",
        Roles.Maire => $"Maire of {commune?.Name ?? row.CommuneInsee}.",
        Roles.ConseillerDepartemental => $"Conseiller départemental of canton {row.CantonCode}, which includes {commune?.Name ?? organisation.CommuneInsee}.",
        _ => $"Conseiller régional of région {row.RegionCode}.",
    };

}
