using System.Data.Common;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Contacts;
using CampaignDesk.Core.Data;
using Dapper;

namespace CampaignDesk.Core.Officials;

/// <summary>
/// The contact points of officials: their own, and the mairie's of every commune where they hold a current communal
/// mandate (maire, conseiller municipal or d'arrondissement). The mairie's are joined at each read, so a new maire
/// has them the day the RNE says so, and the former one keeps only their own.
/// </summary>
internal static class OfficialContacts
{
    /// <summary>The roles reached at their commune's mairie.</summary>
    public const string MairieRoles = "('maire', 'conseiller_municipal', 'conseiller_arrondissement')";

    private static readonly string[] KindOrder = [ContactKinds.Phone, ContactKinds.Email, ContactKinds.Postal, ContactKinds.Web];
    private static readonly string[] UseOrder = [ContactUses.Circonscription, ContactUses.Office, ContactUses.Mairie, ContactUses.Personal];

    /// <param name="currentOnly">Leave out retired points (an official's page shows them as history).</param>
    public static async Task<ILookup<long, ContactPoint>> OfAsync(Database database, DbConnection connection, long[] ids, bool currentOnly,
        CancellationToken cancellationToken)
    {
        if (ids.Length == 0)
        {
            return Array.Empty<ContactPoint>().ToLookup(_ => 0L);
        }

        const string Columns = """
            kind, contact_use, value, source, label, street, postal_code, city, latitude, longitude, source_date, first_seen_utc, last_seen_utc, retired_utc
            """;
        var rows = await connection.QueryAsync<Row>(database.Command($"""
            SELECT c.official_id AS owner_id, NULL AS commune_insee, NULL AS commune_name, {Columns}
            FROM contact_points c
            WHERE {database.Dialect.InList("c.official_id", "ids")} {(currentOnly ? "AND c.retired_utc IS NULL" : "")}
            UNION ALL
            SELECT m.official_id AS owner_id, k.commune_insee, n.name AS commune_name,
                   k.kind, k.contact_use, k.value, k.source, k.label, k.street, k.postal_code, k.city, k.latitude, k.longitude, k.source_date,
                   k.first_seen_utc, k.last_seen_utc, k.retired_utc
            FROM mandates m
            JOIN commune_contacts k ON k.commune_insee = m.commune_insee AND k.retired_utc IS NULL
            LEFT JOIN communes n ON n.insee = k.commune_insee
            WHERE {database.Dialect.InList("m.official_id", "ids")} AND m.end_date IS NULL AND m.role IN {MairieRoles}
            """, new { ids }, cancellationToken: cancellationToken));
        return rows
            .DistinctBy(r => (r.OwnerId, r.CommuneInsee, r.Kind, r.Source, r.Value))
            .OrderBy(r => r.RetiredUtc is null ? 0 : 1)
            .ThenBy(r => Rank(KindOrder, r.Kind)).ThenBy(r => Rank(UseOrder, r.ContactUse))
            .ThenByDescending(r => r.SourceDate).ThenBy(r => r.Source, StringComparer.Ordinal).ThenBy(r => r.Value, StringComparer.Ordinal)
            .ToLookup(r => r.OwnerId, r => r.ToContactPoint());
    }

    private static int Rank(string[] order, string value) => Array.IndexOf(order, value) is var i and >= 0 ? i : order.Length;

    private sealed class Row : ContactRow
    {
        public long OwnerId { get; init; }
        public string? CommuneInsee { get; init; }
        public string? CommuneName { get; init; }
        public string Source { get; init; } = "";
        public DateTime FirstSeenUtc { get; init; }
        public DateTime LastSeenUtc { get; init; }

        public ContactPoint ToContactPoint() => new(Kind, ContactUse, Value, ContactLinks.Display(Kind, Value),
            ContactLinks.Href(Kind, Value, Street, PostalCode, City, Latitude, Longitude), Source, IsoDate.Parse(SourceDate), FirstSeenUtc,
            LastSeenUtc, RetiredUtc,
            Kind == ContactKinds.Postal ? new PostalParts(Label, Street, PostalCode, City, Latitude, Longitude) : null,
            CommuneInsee is null ? null : new ContactCommune(CommuneInsee, CommuneName ?? CommuneInsee));
    }
}
