using System.Data.Common;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Text;
using Dapper;

namespace CampaignDesk.Core.Officials;

public sealed class OfficialQueries(Database database)
{
    /// <summary>Words of a query matched at most: more narrow nothing a person types, and each is a LIKE.</summary>
    private const int MaxWords = 6;

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

        // The text test first: it is a cheap string match that discards most officials before the mandate probes.
        // Each word anywhere, in any order: « Cyrielle Chatelain » finds « chatelain cyrielle » (search_text is last name first).
        var where = new List<string>();
        var words = SearchText.Words(query.Text, MaxWords);
        for (var i = 0; i < words.Count; i++)
        {
            where.Add($@"o.search_text LIKE @Pattern{i} ESCAPE '\'");
        }

        if (query.Active == true)
        {
            mandate.Add("m.end_date IS NULL");
        }

        where.Add($"EXISTS (SELECT 1 FROM mandates m WHERE {string.Join(" AND ", mandate)})");
        if (query.Active == false)
        {
            where.Add("NOT EXISTS (SELECT 1 FROM mandates a WHERE a.official_id = o.id AND a.end_date IS NULL)");
        }

        var filter = "WHERE " + string.Join(" AND ", where);
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
        for (var i = 0; i < words.Count; i++)
        {
            parameters.Add($"Pattern{i}", SearchText.ContainsPattern(words[i]));
        }

        await using var connection = await database.OpenAsync(cancellationToken);
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
