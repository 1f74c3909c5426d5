using System.Data.Common;
using CampaignDesk.Core.Audit;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Users;
using Dapper;

namespace CampaignDesk.Core.Campaigns;

/// <summary>Campaigns as the coalition's lead creates them; every signed-in user reads them (they are shared data).</summary>
public sealed class CampaignService(Database database, AuditLog audit, TimeProvider time)
{
    public async Task<Page<Campaign>> SearchAsync(string? status, PageRequest paging, CancellationToken cancellationToken)
    {
        var filter = status is null ? "" : "WHERE c.status = @status";
        await using var connection = await database.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(database.Command($"SELECT COUNT(*) FROM campaigns c {filter}", new { status },
            cancellationToken: cancellationToken));
        var rows = (await connection.QueryAsync<Row>(database.Command($"""
            SELECT c.id, c.title, c.goal, c.deadline, c.status, c.version, c.created_utc, c.updated_utc
            FROM campaigns c {filter} ORDER BY c.id DESC {database.Dialect.Paging}
            """, new { status, paging.Skip, paging.Take }, cancellationToken: cancellationToken))).ToList();
        return new Page<Campaign>(await WithOrganisationsAsync(connection, null, rows, cancellationToken), total);
    }

    public async Task<Campaign?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await GetAsync(connection, null, id, cancellationToken);
    }

    public async Task<Outcome<Campaign>> CreateAsync(Caller caller, CampaignFields input, CancellationToken cancellationToken)
    {
        if (!caller.IsAdmin)
        {
            return Outcome<Campaign>.Forbidden("Campaigns are created by the coalition's admins.");
        }

        var errors = new Errors();
        var title = input.Title?.Trim();
        if (title is not { Length: > 0 and <= 200 } || title.Any(char.IsControl))
        {
            errors.Add("title", "A title of 1 to 200 characters is required.");
        }

        if (input.Goal is { Length: > 4000 })
        {
            errors.Add("goal", "The goal has at most 4,000 characters.");
        }

        var status = input.Status?.Trim().ToLowerInvariant() ?? CampaignStatuses.Active;
        if (!CampaignStatuses.All.Contains(status))
        {
            errors.Add("status", $"The status is one of {string.Join(", ", CampaignStatuses.All)}.");
        }

        var organisations = input.OrganisationIds?.Distinct().ToArray() ?? [];
        if (errors.Any)
        {
            return Outcome<Campaign>.Invalid(errors);
        }

        return await database.TransactAsync(async (connection, transaction) =>
        {
            var existing = organisations.Length == 0
                ? []
                : (await connection.QueryAsync<long>(database.Command($"SELECT id FROM organisations WHERE {database.Dialect.InList("id", "organisations")}",
                    new { organisations }, transaction, cancellationToken))).ToHashSet();
            foreach (var missing in organisations.Where(o => !existing.Contains(o)))
            {
                errors.Add("organisationIds", $"There is no organisation {missing}.");
            }

            if (errors.Any)
            {
                return Outcome<Campaign>.Invalid(errors);
            }

            var now = time.GetUtcNow().UtcDateTime;
            var id = await connection.ExecuteScalarAsync<long>(database.Command(database.Dialect.InsertReturningId("campaigns",
                "title, goal, deadline, status, version, created_utc, updated_utc", "@title, @Goal, @Deadline, @status, 1, @now, @now"),
                new { title, input.Goal, Deadline = IsoDate.Format(input.Deadline), status, now }, transaction, cancellationToken));
            if (organisations.Length > 0)
            {
                await connection.ExecuteAsync(database.Command(
                    "INSERT INTO campaign_organisations (campaign_id, organisation_id) VALUES (@id, @organisationId)",
                    organisations.Select(organisationId => new { id, organisationId }), transaction, cancellationToken));
            }

            var campaign = (await GetAsync(connection, transaction, id, cancellationToken))!;
            await audit.RecordAsync(connection, transaction, caller, "create", "campaign", id, null, null, campaign, cancellationToken);
            return Outcome<Campaign>.Ok(campaign);
        }, cancellationToken);
    }

    internal async Task<bool> ExistsAsync(DbConnection connection, DbTransaction transaction, long id, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<long?>(database.Command("SELECT id FROM campaigns WHERE id = @id", new { id }, transaction,
            cancellationToken)) is not null;

    private async Task<Campaign?> GetAsync(DbConnection connection, DbTransaction? transaction, long id, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<Row>(database.Command("""
            SELECT c.id, c.title, c.goal, c.deadline, c.status, c.version, c.created_utc, c.updated_utc FROM campaigns c WHERE c.id = @id
            """, new { id }, transaction, cancellationToken));
        return row is null ? null : (await WithOrganisationsAsync(connection, transaction, [row], cancellationToken))[0];
    }

    private async Task<IReadOnlyList<Campaign>> WithOrganisationsAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<Row> rows,
        CancellationToken cancellationToken)
    {
        var ids = rows.Select(r => r.Id).ToArray();
        var links = ids.Length == 0
            ? []
            : (await connection.QueryAsync<(long CampaignId, long OrganisationId)>(database.Command(
                $"SELECT campaign_id, organisation_id FROM campaign_organisations WHERE {database.Dialect.InList("campaign_id", "ids")} ORDER BY organisation_id",
                new { ids }, transaction, cancellationToken))).ToList();
        var organisations = links.ToLookup(l => l.CampaignId, l => l.OrganisationId);
        return rows.Select(r => new Campaign(r.Id, r.Title, r.Goal, IsoDate.Parse(r.Deadline), r.Status, organisations[r.Id].ToList(), r.Version,
            r.CreatedUtc, r.UpdatedUtc)).ToList();
    }

    private sealed class Row
    {
        public long Id { get; init; }
        public string Title { get; init; } = "";
        public string? Goal { get; init; }
        public string? Deadline { get; init; }
        public string Status { get; init; } = "";
        public int Version { get; init; }
        public DateTime CreatedUtc { get; init; }
        public DateTime UpdatedUtc { get; init; }
    }
}
