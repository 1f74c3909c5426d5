using System.Data.Common;
using System.Runtime.CompilerServices;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Users;
using Dapper;

namespace CampaignDesk.Core.Interactions;

/// <summary>
/// The outreach log's reads and their SQL: one interaction, a page, an export, each under the caller's visibility
/// (<see cref="InteractionService"/> answers them and keeps the writes).
/// </summary>
internal sealed class InteractionQueries(Database database)
{
    private const string Columns = """
        i.id, i.organisation_id, i.official_id, i.campaign_id, i.channel, i.direction, i.occurred_utc, i.outcome, i.notes, i.confidential,
        i.logged_by_user_id, i.logged_by, i.created_utc
        """;

    public async Task<Outcome<Interaction>> GetAsync(Caller caller, long id, CancellationToken cancellationToken)
    {
        var interaction = await database.ReadAsync(session => GetAsync(session, id), cancellationToken);
        return interaction is not null && caller.MaySee(interaction.OrganisationId, interaction.Confidential)
            ? Outcome<Interaction>.Ok(interaction)
            : Outcome<Interaction>.NotFound();
    }

    /// <summary>Newest first, with the confidential interactions of other organisations left out.</summary>
    public async Task<Page<Interaction>> SearchAsync(Caller caller, InteractionQuery query, CancellationToken cancellationToken)
    {
        var (filter, parameters) = Filter(caller, query);
        await using var connection = await database.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(database.Command($"SELECT COUNT(*) FROM interactions i {filter}", parameters,
            cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<Row>(database.Command(
            $"SELECT {Columns} FROM interactions i {filter} ORDER BY i.occurred_utc DESC, i.id DESC {database.Dialect.Paging}", parameters,
            cancellationToken: cancellationToken));
        return new Page<Interaction>(rows.Select(r => r.ToInteraction()).ToList(), total);
    }

    /// <summary>
    /// The outreach log as rows to export, newest first, streamed from the database (never all in memory), under the
    /// same visibility as <see cref="SearchAsync"/>, in French (channels, directions, outcomes; times in Paris). Who logged
    /// each line stays out: the export is about officials.
    /// </summary>
    public Exports.ExportTable Export(Caller caller, InteractionQuery query)
    {
        var (filter, parameters) = Filter(caller, query);
        return new Exports.ExportTable("Journal des contacts",
            ["Date (heure de Paris)", "Organisation", "Élu·e", "Campagne", "Canal", "Sens", "Résultat", "Confidentiel", "Notes"], Rows());

        // One connection for the whole export, opened when the writer starts reading and closed when it stops: at the end,
        // or when the request is aborted (the writer's token cancels the query between rows).
        async IAsyncEnumerable<IReadOnlyList<object?>> Rows([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            var rows = connection.QueryUnbufferedAsync<ExportRow>($"""
                SELECT i.occurred_utc, g.name AS organisation_name, o.last_name, o.first_name, c.title AS campaign_title, i.channel, i.direction,
                       i.outcome, i.confidential, i.notes
                FROM interactions i
                JOIN organisations g ON g.id = i.organisation_id
                JOIN officials o ON o.id = i.official_id
                LEFT JOIN campaigns c ON c.id = i.campaign_id
                {filter}
                ORDER BY i.occurred_utc DESC, i.id DESC
                """, parameters, commandTimeout: Database.BulkCommandTimeoutSeconds);
            await foreach (var r in rows.WithCancellation(cancellationToken))
            {
                yield return [r.OccurredUtc, r.OrganisationName, $"{r.FirstName} {r.LastName}", r.CampaignTitle, Exports.FrenchLabels.Channel(r.Channel),
                    Exports.FrenchLabels.Direction(r.Direction), Exports.FrenchLabels.Outcome(r.Outcome), r.Confidential, r.Notes];
            }
        }
    }

    /// <summary>The query's filters, and for everyone but admins: shared interactions, or confidential ones of their organisations.</summary>
    private (string Filter, object Parameters) Filter(Caller caller, InteractionQuery query)
    {
        var where = new List<string>();
        if (query.OfficialId is not null)
        {
            where.Add("i.official_id = @OfficialId");
        }

        if (query.OrganisationId is not null)
        {
            where.Add("i.organisation_id = @OrganisationId");
        }

        if (query.CampaignId is not null)
        {
            where.Add("i.campaign_id = @CampaignId");
        }

        var visible = caller.IsAdmin ? [] : caller.OrganisationIds.Where(caller.ActsFor).ToArray();
        if (!caller.IsAdmin)
        {
            where.Add(visible.Length == 0
                ? "i.confidential = @Shared"
                : $"(i.confidential = @Shared OR {database.Dialect.InList("i.organisation_id", "Visible")})");
        }

        var filter = where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where);
        return (filter, new
        {
            query.OfficialId,
            query.OrganisationId,
            query.CampaignId,
            Shared = false,
            Visible = visible,
            query.Paging.Skip,
            query.Paging.Take,
        });
    }

    internal static async Task<Interaction?> GetAsync(DbSession session, long id) =>
        (await session.SingleOrDefaultAsync<Row>($"SELECT {Columns} FROM interactions i WHERE i.id = @id", new { id }))?.ToInteraction();

    private sealed class ExportRow
    {
        public DateTime OccurredUtc { get; init; }
        public string OrganisationName { get; init; } = "";
        public string LastName { get; init; } = "";
        public string FirstName { get; init; } = "";
        public string? CampaignTitle { get; init; }
        public string Channel { get; init; } = "";
        public string Direction { get; init; } = "";
        public string Outcome { get; init; } = "";
        public bool Confidential { get; init; }
        public string? Notes { get; init; }
    }

    private sealed class Row
    {
        public long Id { get; init; }
        public long OrganisationId { get; init; }
        public long OfficialId { get; init; }
        public long? CampaignId { get; init; }
        public string Channel { get; init; } = "";
        public string Direction { get; init; } = "";
        public DateTime OccurredUtc { get; init; }
        public string Outcome { get; init; } = "";
        public string? Notes { get; init; }
        public bool Confidential { get; init; }
        public long? LoggedByUserId { get; init; }
        public string LoggedBy { get; init; } = "";
        public DateTime CreatedUtc { get; init; }

        public Interaction ToInteraction() => new(Id, OrganisationId, OfficialId, CampaignId, Channel, Direction, OccurredUtc, Outcome, Notes,
            Confidential, LoggedByUserId, LoggedBy, CreatedUtc);
    }
}
