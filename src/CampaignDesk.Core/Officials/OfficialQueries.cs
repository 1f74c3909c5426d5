using System.Data.Common;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Text;
using Dapper;

namespace CampaignDesk.Core.Officials;

public sealed class OfficialQueries(Database database)
{
    private const string MandateColumns = """
        m.id, m.role, m.department_code, m.circonscription_code, m.commune_insee, m.canton_code, m.region_code,
        m.group_code, m.group_label, m.function_label, m.start_date, m.end_date, m.source
        """;

    public async Task<Page<OfficialSummary>> SearchAsync(OfficialQuery query, CancellationToken cancellationToken)
    {
        // Mandate filters apply to one and the same mandate; "active" means that mandate is in progress.
        var mandate = new List<string> { "m.official_id = o.id" };
        if (query.Role is not null)
        {
            mandate.Add("m.role = @Role");
        }

        if (query.DepartmentCode is not null)
        {
            mandate.Add("m.department_code = @DepartmentCode");
        }

        if (query.CommuneInsee is not null)
        {
            mandate.Add("m.commune_insee = @CommuneInsee");
        }

        if (query.CirconscriptionCode is not null)
        {
            mandate.Add("m.circonscription_code = @CirconscriptionCode");
        }

        if (query.Group is not null)
        {
            mandate.Add("(m.group_code = @Group OR m.group_label = @Group)");
        }

        if (query.Active == true)
        {
            mandate.Add("m.end_date IS NULL");
        }

        var parameters = new DynamicParameters(new
        {
            query.Role,
            query.DepartmentCode,
            query.CommuneInsee,
            query.CirconscriptionCode,
            query.Group,
            query.Paging.Skip,
            query.Paging.Take,
        });
        var search = SearchQuery.Parse(query.Text);
        if (search.IsEmpty && !string.IsNullOrWhiteSpace(query.Text))
        {
            return new Page<OfficialSummary>([], 0); // punctuation only: no word to find
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        if (!search.IsEmpty)
        {
            var hits = await OfficialSearch.FindAsync(database, connection, search, string.Join(" AND ", mandate), query.Active == false, parameters,
                cancellationToken);
            var page = hits.Skip((int)Math.Min(query.Paging.Skip, int.MaxValue)).Take(query.Paging.Take).ToList();
            var ofPage = await NamesAsync(connection, page.Select(h => h.Id).ToArray(), cancellationToken);
            var mandatesOfPage = await MandatesOfAsync(connection, page.Select(h => h.Id).ToArray(), query.Active == true, cancellationToken);
            return new Page<OfficialSummary>(page.Select(h => ofPage[h.Id] with
            {
                Mandates = mandatesOfPage[h.Id].ToList(),
                MatchReason = h.Match.Reason,
            }).ToList(), hits.Count);
        }

        var where = new List<string> { $"EXISTS (SELECT 1 FROM mandates m WHERE {string.Join(" AND ", mandate)})" };
        if (query.Active == false)
        {
            where.Add("NOT EXISTS (SELECT 1 FROM mandates a WHERE a.official_id = o.id AND a.end_date IS NULL)");
        }

        var filter = "WHERE " + string.Join(" AND ", where);
        // One scan gives the page and the total; a page past the end has no row to carry it, so it is counted apart.
        var people = (await connection.QueryAsync<(long Id, string LastName, string FirstName, string? Sex, long Total)>(database.Command($"""
            SELECT o.id, o.last_name, o.first_name, o.sex, COUNT(*) OVER () AS total FROM officials o {filter}
            ORDER BY o.search_text, o.id
            {database.Dialect.Paging}
            """, parameters, cancellationToken: cancellationToken))).ToList();
        var total = people.Count > 0
            ? people[0].Total
            : await connection.ExecuteScalarAsync<long>(database.Command(
                $"SELECT COUNT(*) FROM officials o {filter}", parameters, cancellationToken: cancellationToken));
        var mandates = await MandatesOfAsync(connection, people.Select(p => p.Id).ToArray(), query.Active == true, cancellationToken);
        return new Page<OfficialSummary>(
            people.Select(p => new OfficialSummary(p.Id, p.LastName, p.FirstName, p.Sex, mandates[p.Id].ToList())).ToList(), total);
    }

    private async Task<Dictionary<long, OfficialSummary>> NamesAsync(DbConnection connection, long[] ids, CancellationToken cancellationToken) =>
        ids.Length == 0
            ? []
            : (await connection.QueryAsync<(long Id, string LastName, string FirstName, string? Sex)>(database.Command(
                $"SELECT id, last_name, first_name, sex FROM officials WHERE {database.Dialect.InList("id", "ids")}", new { ids },
                cancellationToken: cancellationToken))).ToDictionary(p => p.Id, p => new OfficialSummary(p.Id, p.LastName, p.FirstName, p.Sex, []));

    public async Task<Official?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var person = await connection.QuerySingleOrDefaultAsync<(long Id, string LastName, string FirstName, string? Sex, string? BirthDate, string? RneKey)>(
            database.Command("SELECT id, last_name, first_name, sex, birth_date, rne_key FROM officials WHERE id = @id", new { id },
                cancellationToken: cancellationToken));
        if (person.Id == 0)
        {
            return null;
        }

        var mandates = await MandatesOfAsync(connection, [id], activeOnly: false, cancellationToken);
        var contacts = await OfficialContacts.OfAsync(database, connection, [id], currentOnly: false, cancellationToken);
        var identifiers = (await connection.QueryAsync<OfficialIdentifier>(database.Command(
            "SELECT source, value FROM official_identifiers WHERE official_id = @id ORDER BY source", new { id },
            cancellationToken: cancellationToken))).ToList();
        if (person.RneKey is not null)
        {
            identifiers.Insert(0, new OfficialIdentifier("rne", person.RneKey));
        }

        return new Official(person.Id, person.LastName, person.FirstName, person.Sex,
            IsoDate.Parse(person.BirthDate),
            mandates[id].ToList(), contacts[id].ToList(), identifiers);
    }

    internal async Task<ILookup<long, Mandate>> MandatesOfAsync(DbConnection connection, long[] ids, bool activeOnly, CancellationToken cancellationToken)
    {
        if (ids.Length == 0)
        {
            return Array.Empty<(long, Mandate)>().ToLookup(x => x.Item1, x => x.Item2);
        }

        var rows = await connection.QueryAsync<MandateRow>(database.Command($"""
            SELECT m.official_id, o.sex, {MandateColumns}, {MandateRow.NameColumns}
            FROM mandates m JOIN officials o ON o.id = m.official_id {MandateRow.NameJoins}
            WHERE {database.Dialect.InList("m.official_id", "ids")} {(activeOnly ? "AND m.end_date IS NULL" : "")}
            ORDER BY m.end_date, m.start_date DESC, m.id
            """, new { ids }, cancellationToken: cancellationToken));
        return rows.ToLookup(r => r.OfficialId, r => r.ToMandate());
    }

}
