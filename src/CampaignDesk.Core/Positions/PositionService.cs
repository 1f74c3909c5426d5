using System.Data.Common;
using CampaignDesk.Core.Audit;
using CampaignDesk.Core.Campaigns;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Users;
using Dapper;

namespace CampaignDesk.Core.Positions;

/// <summary>What an official said or did, with its stance, as a person of the coalition confirmed it.</summary>
public sealed record Position(long Id, long OfficialId, long? CampaignId, string Kind, DateOnly StatedOn, string Stance, string Summary, string? Source,
    long? OrganisationId, long? ConfirmedByUserId, string ConfirmedBy, IReadOnlyList<long> InteractionIds, DateTime CreatedUtc);

/// <param name="Source">Where it can be checked: a link, or a citation (« JO Débats AN, séance du 3 février 2026 ») when none exists.</param>
public sealed record PositionInput(long? OfficialId, long? CampaignId, string? Kind, DateOnly? StatedOn, string? Stance, string? Summary,
    string? Source, long? OrganisationId, long[]? InteractionIds);

public static class PositionLists
{
    public static readonly IReadOnlyList<string> Kinds =
        ["reply", "meeting", "public_statement", "written_question", "government_question", "amendment", "vote", "cosigned_letter"];

    /// <summary>Kinds that happened in public: their source (Journal officiel, video, press…) is required.</summary>
    public static readonly IReadOnlyList<string> Public =
        ["public_statement", "written_question", "government_question", "amendment", "vote", "cosigned_letter"];

    public static readonly IReadOnlyList<string> Stances = ["supports", "neutral", "opposes", "unknown"];
}

/// <summary>
/// Positions are shared with the whole coalition (they are the coalition's knowledge of an official), recorded by
/// anyone acting for an organisation. A position may cite the interactions that led to it, if the recorder sees them.
/// </summary>
public sealed class PositionService(Database database, AuditLog audit, TimeProvider time)
{
    private const string Columns = """
        p.id, p.official_id, p.campaign_id, p.kind, p.stated_on, p.stance, p.summary, p.source, p.organisation_id, p.confirmed_by_user_id,
        p.confirmed_by, p.created_utc
        """;

    public Task<Outcome<Position>> RecordAsync(Caller caller, PositionInput input, CancellationToken cancellationToken) =>
        Check(caller, input) is { } refused ? Task.FromResult(refused)
            : database.TransactAsync((connection, transaction) => InsertAsync(connection, transaction, caller, input, cancellationToken), cancellationToken);

    /// <summary>Checks and records in the caller's transaction (a reply read from a mailbox records its placeholder this way).</summary>
    internal async Task<Outcome<Position>> RecordAsync(DbConnection connection, DbTransaction transaction, Caller caller, PositionInput input,
        CancellationToken cancellationToken) =>
        Check(caller, input) ?? await InsertAsync(connection, transaction, caller, input, cancellationToken);

    /// <summary>Null when the caller may record it and the input is valid on its face.</summary>
    private Outcome<Position>? Check(Caller caller, PositionInput input)
    {
        if (caller.Role == UserRoles.Observer)
        {
            return Outcome<Position>.Forbidden("Observers read positions; members of an organisation record them.");
        }

        if (input.OrganisationId is { } organisation && !caller.ActsFor(organisation))
        {
            return Outcome<Position>.Forbidden("A position is recorded for an organisation you act for.");
        }

        var errors = new Errors();
        var kind = errors.OneOf(input.Kind, "kind", PositionLists.Kinds);
        var stance = errors.OneOf(input.Stance ?? "unknown", "stance", PositionLists.Stances);
        if (input.OfficialId is null)
        {
            errors.Add("officialId", "The official whose position this is is required.");
        }

        var today = ParisTime.Today(time);
        if (input.StatedOn is not { } statedOn || statedOn > today || statedOn.Year < 1958)
        {
            errors.Add("statedOn", "The date it was said or done (yyyy-MM-dd), not in the future.");
        }

        var summary = input.Summary?.Trim();
        if (summary is not { Length: > 0 and <= 4000 })
        {
            errors.Add("summary", "A summary of 1 to 4,000 characters is required.");
        }

        var source = string.IsNullOrWhiteSpace(input.Source) ? null : input.Source.Trim();
        if (source is not null && (source.Length is < 10 or > 2000 || source.Any(char.IsControl)
            || (source.StartsWith("http", StringComparison.OrdinalIgnoreCase)
                && (!Uri.TryCreate(source, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")))))
        {
            errors.Add("source", "A link (http or https) or a citation of 10 to 2,000 characters on one line.");
        }
        else if (source is null && kind is not null && PositionLists.Public.Contains(kind))
        {
            errors.Add("source", $"A {kind} is public: give its source (a link, or a citation of the Journal officiel, video, article…).");
        }

        if (input.InteractionIds is { Length: > 50 })
        {
            errors.Add("interactionIds", "At most 50 interactions.");
        }

        return errors.Any ? Outcome<Position>.Invalid(errors) : null;
    }

    private async Task<Outcome<Position>> InsertAsync(DbConnection connection, DbTransaction transaction, Caller caller, PositionInput input,
        CancellationToken cancellationToken)
    {
        var errors = new Errors();
        var kind = input.Kind!.Trim().ToLowerInvariant();
        var stance = (input.Stance ?? "unknown").Trim().ToLowerInvariant();
        var summary = input.Summary!.Trim();
        var source = string.IsNullOrWhiteSpace(input.Source) ? null : input.Source.Trim();
        {
            await database.RequireRowAsync(connection, transaction, "officials", input.OfficialId, "officialId", errors, cancellationToken);
            await database.RequireRowAsync(connection, transaction, "campaigns", input.CampaignId, "campaignId", errors, cancellationToken);
            await database.RequireRowAsync(connection, transaction, "organisations", input.OrganisationId, "organisationId", errors, cancellationToken);
            var cited = input.InteractionIds?.Distinct().ToArray() ?? [];
            await CheckCitedAsync(connection, transaction, caller, input.OfficialId!.Value, cited, errors, cancellationToken);
            if (errors.Any)
            {
                return Outcome<Position>.Invalid(errors);
            }

            var id = await connection.ExecuteScalarAsync<long>(database.Command(database.Dialect.InsertReturningId("positions",
                "official_id, campaign_id, kind, stated_on, stance, summary, source, organisation_id, confirmed_by_user_id, confirmed_by, created_utc",
                "@OfficialId, @CampaignId, @kind, @StatedOn, @stance, @summary, @source, @OrganisationId, @UserId, @Name, @Now"), new
                {
                    input.OfficialId,
                    input.CampaignId,
                    kind,
                    StatedOn = IsoDate.Format(input.StatedOn),
                    stance,
                    summary,
                    source,
                    input.OrganisationId,
                    caller.UserId,
                    Name = caller.DisplayName,
                    Now = time.GetUtcNow().UtcDateTime,
                }, transaction, cancellationToken));
            if (cited.Length > 0)
            {
                await connection.ExecuteAsync(database.Command("INSERT INTO position_interactions (position_id, interaction_id) VALUES (@id, @interactionId)",
                    cited.Select(interactionId => new { id, interactionId }), transaction, cancellationToken));
            }

            await CampaignProgress.RefreshAsync(database, connection, transaction, input.CampaignId, input.OfficialId!.Value, cancellationToken);
            await FollowUps.FollowUpService.CancelPendingAsync(database, connection, transaction, input.CampaignId, input.OfficialId.Value, "position",
                time.GetUtcNow().UtcDateTime, cancellationToken);
            var position = (await ReadAsync(connection, transaction, caller, "p.id = @id", new { id }, cancellationToken))[0];
            await audit.RecordAsync(connection, transaction, caller, "create", "position", id, input.OrganisationId, null, position, cancellationToken);
            return Outcome<Position>.Ok(position);
        }
    }

    public async Task<Position?> GetAsync(Caller caller, long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await ReadAsync(connection, null, caller, "p.id = @id", new { id }, cancellationToken)).SingleOrDefault();
    }

    /// <summary>An official's positions, newest first (optionally on one campaign).</summary>
    public async Task<IReadOnlyList<Position>> ForOfficialAsync(Caller caller, long officialId, long? campaignId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadAsync(connection, null, caller, "p.official_id = @officialId AND (@campaignId IS NULL OR p.campaign_id = @campaignId)",
            new { officialId, campaignId }, cancellationToken);
    }

    private async Task CheckCitedAsync(DbConnection connection, DbTransaction transaction, Caller caller, long officialId, long[] cited, Errors errors,
        CancellationToken cancellationToken)
    {
        if (cited.Length == 0)
        {
            return;
        }

        var found = (await connection.QueryAsync<(long Id, long OfficialId, long OrganisationId, bool Confidential)>(database.Command(
            $"SELECT id, official_id, organisation_id, confidential FROM interactions WHERE {database.Dialect.InList("id", "cited")}", new { cited },
            transaction, cancellationToken))).ToDictionary(i => i.Id);
        foreach (var id in cited)
        {
            if (!found.TryGetValue(id, out var interaction) || !caller.MaySee(interaction.OrganisationId, interaction.Confidential))
            {
                errors.Add("interactionIds", $"There is no interaction {id}.");
            }
            else if (interaction.OfficialId != officialId)
            {
                errors.Add("interactionIds", $"Interaction {id} was with another official.");
            }
        }
    }

    /// <summary>The positions, each citing only the interactions the caller may see (a confidential one stays its organisation's).</summary>
    private async Task<IReadOnlyList<Position>> ReadAsync(DbConnection connection, DbTransaction? transaction, Caller caller, string where, object parameters,
        CancellationToken cancellationToken)
    {
        var rows = (await connection.QueryAsync<Row>(database.Command(
            $"SELECT {Columns} FROM positions p WHERE {where} ORDER BY p.stated_on DESC, p.id DESC", parameters, transaction, cancellationToken))).ToList();
        var ids = rows.Select(r => r.Id).ToArray();
        var links = (ids.Length == 0
            ? []
            : (await connection.QueryAsync<(long PositionId, long InteractionId, long OrganisationId, bool Confidential)>(database.Command($"""
                SELECT l.position_id, l.interaction_id, i.organisation_id, i.confidential
                FROM position_interactions l JOIN interactions i ON i.id = l.interaction_id
                WHERE {database.Dialect.InList("l.position_id", "ids")} ORDER BY l.interaction_id
                """, new { ids }, transaction, cancellationToken))).Where(l => caller.MaySee(l.OrganisationId, l.Confidential)).ToList())
            .ToLookup(l => l.PositionId, l => l.InteractionId);
        return rows.Select(r => new Position(r.Id, r.OfficialId, r.CampaignId, r.Kind, IsoDate.Parse(r.StatedOn)!.Value, r.Stance, r.Summary, r.Source,
            r.OrganisationId, r.ConfirmedByUserId, r.ConfirmedBy, links[r.Id].ToList(), r.CreatedUtc)).ToList();
    }


    private sealed class Row
    {
        public long Id { get; init; }
        public long OfficialId { get; init; }
        public long? CampaignId { get; init; }
        public string Kind { get; init; } = "";
        public string StatedOn { get; init; } = "";
        public string Stance { get; init; } = "";
        public string Summary { get; init; } = "";
        public string? Source { get; init; }
        public long? OrganisationId { get; init; }
        public long? ConfirmedByUserId { get; init; }
        public string ConfirmedBy { get; init; } = "";
        public DateTime CreatedUtc { get; init; }
    }
}
