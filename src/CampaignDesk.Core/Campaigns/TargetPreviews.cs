using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Users;
using Dapper;

namespace CampaignDesk.Core.Campaigns;

/// <summary>Rules to try before they are saved: the campaign's own when absent, its participants when none are given.</summary>
public sealed record TargetPreviewInput(CampaignTargeting? Targeting, long[]? OrganisationIds);

/// <summary>One official the rules would target, under the first of its roles in alphabetical order.</summary>
public sealed record TargetSample(long OfficialId, string LastName, string FirstName, string Role, string Title, string? DepartmentCode);

/// <summary>How many officials the rules target, and the first of them by name.</summary>
public sealed record TargetPreview(int Total, IReadOnlyList<TargetSample> Sample)
{
    public const int SampleSize = 10;
}

/// <summary>
/// The targeting builder's live count: the same resolution as the coverage (<see cref="CampaignTargeting.MandatesSql"/>),
/// over rules and participants not saved yet, so what the page shows is what saving would target. Nothing is written.
/// </summary>
public sealed class TargetPreviews(Database database)
{
    public async Task<Outcome<TargetPreview>> PreviewAsync(Caller caller, long campaignId, TargetPreviewInput input, CancellationToken cancellationToken)
    {
        if (!caller.IsAdmin)
        {
            return Outcome<TargetPreview>.Forbidden(Messages.TargetPreviewForbidden);
        }

        var errors = new Errors();
        input.Targeting?.Validate(errors);
        if (input.OrganisationIds is { Length: > 1000 })
        {
            errors.Add("organisationIds", Messages.ParticipantsTooMany);
        }

        if (errors.Any)
        {
            return Outcome<TargetPreview>.Invalid(errors);
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var saved = await connection.QuerySingleOrDefaultAsync<(long Id, string? Json)>(database.Command(
            "SELECT id, targeting_json FROM campaigns WHERE id = @campaignId", new { campaignId }, cancellationToken: cancellationToken));
        if (saved.Id == 0)
        {
            return Outcome<TargetPreview>.NotFound();
        }

        var targeting = input.Targeting ?? CampaignTargeting.FromJson(saved.Json) ?? CampaignTargeting.Default;
        var participants = input.OrganisationIds?.Distinct().ToArray();
        var parameters = new DynamicParameters(new { CampaignId = campaignId, Participants = participants ?? [], Take = TargetPreview.SampleSize, Skip = 0 });
        var with = $"""
            WITH matched AS ({targeting.MandatesSql(database.Dialect.InList, parameters, participants is not null)}),
            t AS (SELECT official_id, MIN(role) AS role, MIN(department_code) AS department_code FROM matched GROUP BY official_id)
            """;
        var total = await connection.ExecuteScalarAsync<long>(database.Command($"{with} SELECT COUNT(*) FROM t", parameters,
            cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<Row>(database.Command($"""
            {with}
            SELECT t.official_id, o.last_name, o.first_name, t.role, o.sex, t.department_code
            FROM t JOIN officials o ON o.id = t.official_id
            ORDER BY o.last_name, o.first_name, t.official_id
            {database.Dialect.Paging}
            """, parameters, cancellationToken: cancellationToken));
        return Outcome<TargetPreview>.Ok(new TargetPreview((int)total, rows.Select(r =>
            new TargetSample(r.OfficialId, r.LastName, r.FirstName, r.Role, Officials.RoleTitles.Of(r.Role, r.Sex), r.DepartmentCode)).ToList()));
    }

    private sealed class Row
    {
        public long OfficialId { get; init; }
        public string LastName { get; init; } = "";
        public string FirstName { get; init; } = "";
        public string Role { get; init; } = "";
        public string? Sex { get; init; }
        public string? DepartmentCode { get; init; }
    }
}
