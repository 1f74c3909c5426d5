using CampaignDesk.Core.Common;
using CampaignDesk.Core.Contacts;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Organisations;
using CampaignDesk.Core.Territories;
using CampaignDesk.Core.Users;
using Dapper;

namespace CampaignDesk.Core.Officials;

/// <summary>
/// The élus that matter to an organisation: the député(s) of its circonscription(s), the sénateurs of its
/// département, the maire of its commune, the conseillers départementaux of its canton and the conseillers
/// régionaux of its région — each with the reason. A commune split across circonscriptions yields every
/// candidate until the organisation's circonscription is set.
/// </summary>
public sealed class OrganisationOfficials(Database database, TerritoryQueries territories)
{
    public Task<IReadOnlyList<RelevantOfficial>> ForAsync(Organisation organisation, CancellationToken cancellationToken) =>
        ForAsync(organisation, campaignId: null, null, cancellationToken);

    /// <summary>For the application's own use (a batch's selection): as an insider of the organisation, without next actions.</summary>
    public Task<IReadOnlyList<RelevantOfficial>> ForAsync(Organisation organisation, long? campaignId, CancellationToken cancellationToken) =>
        ForAsync(organisation, campaignId, null, cancellationToken);

    /// <param name="campaignId">When given (an existing campaign), each élu comes with where that campaign stands with them, whether
    /// the campaign targets them (targets first), and, for <paramref name="caller"/> acting for the organisation, the next action.</param>
    /// <param name="caller">
    /// Who asks (null: the application itself): <c>contactedByOrganisation</c> counts the organisation's confidential contacts
    /// only for those who may read its confidential notes, so that nobody else learns from it that the organisation contacted
    /// an élu (see <see cref="OfficialOutreach"/>).
    /// </param>
    public async Task<IReadOnlyList<RelevantOfficial>> ForAsync(Organisation organisation, long? campaignId, Caller? caller,
        CancellationToken cancellationToken)
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
                   m.group_code, m.group_label, m.function_label, m.start_date, m.end_date, m.source, {MandateRow.NameColumns}
            FROM mandates m JOIN officials o ON o.id = m.official_id {MandateRow.NameJoins}
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
                                           AND c.official_id = p.official_id AND c.organisation_id = @organisation
                                           AND (c.last_shared_contact_utc IS NOT NULL OR @insider = 1)) THEN 1 ELSE 0 END AS own
                FROM campaign_progress p
                WHERE p.campaign_id = @campaign AND {database.Dialect.InList("p.official_id", "ids")}
                """, new { ids, campaign, organisation = organisation.Id, insider = caller is null || caller.MaySee(organisation.Id, confidential: true) ? 1 : 0 },
                cancellationToken: cancellationToken))).ToDictionary(r => r.OfficialId)
            : [];

        var targets = campaignId is { } c && ids.Length > 0 ? await OutreachFacts.TargetsAsync(database, connection, c, ids, cancellationToken) : null;
        var dealings = campaignId is { } d && ids.Length > 0 && caller?.ActsFor(organisation.Id) == true
            ? await OutreachFacts.DealingsAsync(database, connection, organisation.Id, d, ids, cancellationToken)
            : null;

        var partial = candidates.Count > 1;
        return rows
            .OrderBy(r => targets is null || targets.Contains(r.OfficialId) ? 0 : 1)
            .ThenBy(r => Array.IndexOf(RoleOrder, r.Role)).ThenBy(r => r.CirconscriptionCode).ThenBy(r => r.LastName).ThenBy(r => r.FirstName)
            .Select(r =>
            {
                var standing = campaignId is { } id ? Outreach(id, outreach.GetValueOrDefault(r.OfficialId)) : null;
                var points = contacts[r.OfficialId].ToList();
                return new RelevantOfficial(r.OfficialId, r.LastName, r.FirstName, r.Sex, r.ToMandate(),
                    Reason(r, organisation, commune, partial), Values(points, ContactKinds.Email), standing,
                    targets?.Contains(r.OfficialId), Values(points, ContactKinds.Phone),
                    standing is not null && dealings is not null ? NextActions.Of(standing, dealings[r.OfficialId]) : null, points);
            })
            .ToList();
    }

    internal static OfficialOutreach Outreach(long campaignId, OutreachRow? row) => row is null
        ? new OfficialOutreach(campaignId, false, false, false, false, "unknown")
        : new OfficialOutreach(campaignId, row.Contacted == 1, row.Own == 1, row.Reached == 1, row.Replied == 1 || row.Stance is not null, row.Stance ?? "unknown");

    internal sealed class OutreachRow
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

    /// <summary>
    /// Why this élu matters, in French, their title agreed with their sex: « Députée de la 2e circonscription de l'Isère
    /// (38-02), où se trouve Grenoble. »
    /// </summary>
    // The official's own values first, then their mairie's (OfficialContacts' order).
    private static List<string> Values(IEnumerable<ContactPoint> points, string kind) =>
        points.Where(c => c.Kind == kind).Select(c => c.Value).Distinct().ToList();

    private static string Reason(MandateRow row, Organisation organisation, Commune? commune, bool partial)
    {
        var department = DepartmentCatalog.Find(row.DepartmentCode);
        var number = row.CirconscriptionCode is { } code && code.LastIndexOf('-') is var dash and > 0
            && int.TryParse(code[(dash + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0
            ? n : (int?)null;
        var place = commune?.Name ?? organisation.CommuneName ?? organisation.CommuneInsee;
        var title = RoleTitles.Of(row.Role, row.Sex);
        var label = FollowUps.Salutations.MandateLabel(row.Role, row.Sex, number, department?.Name, department?.Tncc, commune?.Name) ?? title;
        return row.Role switch
        {
            Roles.Depute when partial =>
                $"{label} ({row.CirconscriptionCode}), l'une des circonscriptions de {place} : indiquez la circonscription de la structure pour ne garder que la sienne.",
            Roles.Depute => $"{label} ({row.CirconscriptionCode}), où se trouve {place}.",
            Roles.ConseillerDepartemental => $"{label}, canton {row.CantonCode}, qui comprend {place}.",
            Roles.ConseillerRegional => $"{title} de la région {row.RegionCode}.",
            _ => $"{label}.",
        };
    }
}
