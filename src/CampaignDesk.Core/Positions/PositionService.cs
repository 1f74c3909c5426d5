using System.Data.Common;
using CampaignDesk.Core.Audit;
using CampaignDesk.Core.Campaigns;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Outreach;
using CampaignDesk.Core.Users;
using Dapper;

namespace CampaignDesk.Core.Positions;

/// <summary>
/// Positions are shared with the whole coalition (they are the coalition's knowledge of an official). One is recorded for an
/// organisation the recorder acts for — on a campaign, one taking part in it, as an interaction is logged — or by an admin;
/// it may cite the interactions that led to it, if the recorder sees them. Its author (while they act for its organisation),
/// the organisation's coordinators and admins correct or withdraw it (<c>PositionService.Changes.cs</c>).
/// </summary>
public sealed partial class PositionService(Database database, AuditLog audit, CampaignRules rules, OutreachEffects effects, TimeProvider time)
{
    private const string Columns = """
        p.id, p.official_id, p.campaign_id, p.kind, p.stated_on, p.stance, p.summary, p.source, p.organisation_id, p.confirmed_by_user_id,
        p.confirmed_by, p.created_utc, p.version, p.updated_utc, p.withdrawn_utc, p.withdrawn_by
        """;

    public Task<Outcome<Position>> RecordAsync(Caller caller, PositionInput input, CancellationToken cancellationToken) =>
        Check(caller, input) is { } refused ? Task.FromResult(refused)
            : database.WriteAsync(session => InsertAsync(session, caller, input), cancellationToken);

    /// <summary>Checks and records in the caller's transaction (a reply read from a mailbox records its placeholder this way).</summary>
    internal async Task<Outcome<Position>> RecordAsync(DbSession session, Caller caller, PositionInput input) =>
        Check(caller, input) ?? await InsertAsync(session, caller, input);

    /// <summary>Null when the caller may record it and the input is valid on its face.</summary>
    private Outcome<Position>? Check(Caller caller, PositionInput input)
    {
        if (caller.Role == UserRoles.Observer)
        {
            return Outcome<Position>.Forbidden(Messages.PositionParticipantsOnly);
        }

        if (input.OrganisationId is null && !caller.IsAdmin)
        {
            return Outcome<Position>.Invalid("organisationId", Messages.PositionOrganisationRequired);
        }

        if (input.OrganisationId is { } organisation && !caller.ActsFor(organisation))
        {
            return Outcome<Position>.Forbidden(Messages.PositionForOwnOrganisation);
        }

        var errors = new Errors();
        Validate(input, errors);
        return errors.Any ? Outcome<Position>.Invalid(errors) : null;
    }

    /// <summary>The rules every position keeps, when recorded and when corrected.</summary>
    private void Validate(PositionInput input, Errors errors)
    {
        var kind = errors.OneOf(input.Kind, "kind", PositionLists.Kinds);
        errors.OneOf(input.Stance ?? "unknown", "stance", PositionLists.Stances);
        if (input.OfficialId is null)
        {
            errors.Add("officialId", Messages.PositionOfficialRequired);
        }

        var today = ParisTime.Today(time);
        if (input.StatedOn is not { } statedOn || statedOn > today || statedOn.Year < 1958)
        {
            errors.Add("statedOn", Messages.StatedOnInvalid);
        }

        var summary = input.Summary?.Trim();
        if (summary is not { Length: > 0 and <= 4000 })
        {
            errors.Add("summary", Messages.SummaryInvalid);
        }

        var source = string.IsNullOrWhiteSpace(input.Source) ? null : input.Source.Trim();
        if (source is not null && (source.Length is < 10 or > 2000 || source.Any(char.IsControl)
            || (source.StartsWith("http", StringComparison.OrdinalIgnoreCase)
                && (!Uri.TryCreate(source, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")))))
        {
            errors.Add("source", Messages.SourceInvalid);
        }
        else if (source is null && kind is not null && PositionLists.Public.Contains(kind))
        {
            errors.Add("source", Messages.SourceRequired, kind);
        }

        if (input.InteractionIds is { Length: > 50 })
        {
            errors.Add("interactionIds", Messages.CitedTooMany);
        }
    }

    private async Task<Outcome<Position>> InsertAsync(DbSession session, Caller caller, PositionInput input)
    {
        var errors = new Errors();
        var kind = input.Kind!.Trim().ToLowerInvariant();
        var stance = (input.Stance ?? "unknown").Trim().ToLowerInvariant();
        var summary = input.Summary!.Trim();
        var source = string.IsNullOrWhiteSpace(input.Source) ? null : input.Source.Trim();
        {
            await session.RequireRowAsync("officials", input.OfficialId, "officialId", errors);
            await session.RequireRowAsync("campaigns", input.CampaignId, "campaignId", errors);
            await session.RequireRowAsync("organisations", input.OrganisationId, "organisationId", errors);
            if (!errors.Any)
            {
                await rules.RequireParticipantAsync(session, input.CampaignId, input.OrganisationId, errors);
            }

            var cited = input.InteractionIds?.Distinct().ToArray() ?? [];
            await CheckCitedAsync(session, caller, input.OfficialId!.Value, cited, errors);
            if (errors.Any)
            {
                return Outcome<Position>.Invalid(errors);
            }

            var id = await session.ScalarAsync<long>(database.Dialect.InsertReturningId("positions",
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
                });
            if (cited.Length > 0)
            {
                await session.ExecuteAsync("INSERT INTO position_interactions (position_id, interaction_id) VALUES (@id, @interactionId)",
                    cited.Select(interactionId => new { id, interactionId }));
            }

            await effects.PositionRecordedAsync(session, input.CampaignId, input.OfficialId!.Value);
            var position = (await ReadAsync(session, caller, "p.id = @id", new { id }))[0];
            await audit.RecordAsync(session, caller, "create", "position", id, input.OrganisationId, null, position);
            return Outcome<Position>.Ok(position);
        }
    }

    public async Task<Position?> GetAsync(Caller caller, long id, CancellationToken cancellationToken)
    {
        return (await database.ReadAsync(session => ReadAsync(session, caller, "p.id = @id", new { id }), cancellationToken)).SingleOrDefault();
    }

    /// <summary>An official's positions that stand (withdrawn ones left out), newest first, optionally on one campaign.</summary>
    public async Task<IReadOnlyList<Position>> ForOfficialAsync(Caller caller, long officialId, long? campaignId, CancellationToken cancellationToken)
    {
        return await database.ReadAsync(session => ReadAsync(session, caller,
            "p.official_id = @officialId AND (@campaignId IS NULL OR p.campaign_id = @campaignId) AND p.withdrawn_utc IS NULL",
            new { officialId, campaignId }), cancellationToken);
    }

    private static async Task CheckCitedAsync(DbSession session, Caller caller, long officialId, long[] cited, Errors errors)
    {
        if (cited.Length == 0)
        {
            return;
        }

        var found = (await session.QueryAsync<(long Id, long OfficialId, long OrganisationId, bool Confidential)>(
            $"SELECT id, official_id, organisation_id, confidential FROM interactions WHERE {session.Dialect.InList("id", "cited")}", new { cited }))
            .ToDictionary(i => i.Id);
        foreach (var id in cited)
        {
            if (!found.TryGetValue(id, out var interaction) || !caller.MaySee(interaction.OrganisationId, interaction.Confidential))
            {
                errors.Add("interactionIds", Messages.NoInteraction, id);
            }
            else if (interaction.OfficialId != officialId)
            {
                errors.Add("interactionIds", Messages.CitedOtherOfficial, id);
            }
        }
    }

    /// <summary>The positions, each citing only the interactions the caller may see (a confidential one stays its organisation's).</summary>
    private static async Task<IReadOnlyList<Position>> ReadAsync(DbSession session, Caller caller, string where, object parameters)
    {
        var rows = (await session.QueryAsync<Row>(
            $"SELECT {Columns} FROM positions p WHERE {where} ORDER BY p.stated_on DESC, p.id DESC", parameters)).ToList();
        var ids = rows.Select(r => r.Id).ToArray();
        var links = (ids.Length == 0
            ? []
            : (await session.QueryAsync<(long PositionId, long InteractionId, long OrganisationId, bool Confidential)>($"""
                SELECT l.position_id, l.interaction_id, i.organisation_id, i.confidential
                FROM position_interactions l JOIN interactions i ON i.id = l.interaction_id
                WHERE {session.Dialect.InList("l.position_id", "ids")} ORDER BY l.interaction_id
                """, new { ids })).Where(l => caller.MaySee(l.OrganisationId, l.Confidential)).ToList())
            .ToLookup(l => l.PositionId, l => l.InteractionId);
        return rows.Select(r => new Position(r.Id, r.OfficialId, r.CampaignId, r.Kind, IsoDate.Parse(r.StatedOn)!.Value, r.Stance, r.Summary, r.Source,
            r.OrganisationId, r.ConfirmedByUserId, r.ConfirmedBy, links[r.Id].ToList(), r.CreatedUtc, r.Version, r.UpdatedUtc, r.WithdrawnUtc,
            r.WithdrawnBy)).ToList();
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
        public int Version { get; init; }
        public DateTime? UpdatedUtc { get; init; }
        public DateTime? WithdrawnUtc { get; init; }
        public string? WithdrawnBy { get; init; }
    }
}
