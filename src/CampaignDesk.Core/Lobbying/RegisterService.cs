using CampaignDesk.Core.Common;
using CampaignDesk.Core.Users;

namespace CampaignDesk.Core.Lobbying;

/// <summary>The rows of a period with the reason each counts or not, and where they leave the organisation.</summary>
public sealed record RegisterExplanation(long OrganisationId, string Scope, DateOnly From, DateOnly To, int Counted, IReadOnlyList<RegisterVerdict> Rows);

/// <summary>
/// The register for the people of an organisation: its rows explained and where it stands, its own and (for a federation)
/// rolled up with its members. Members of the organisation and admins see it; for anyone else it does not exist.
/// </summary>
public sealed class RegisterService(RegisterQueries queries, TimeProvider time)
{
    /// <summary>The first day of the window the counter reads: the crossings of the last two years are worked out from it.</summary>
    private const int HistoryMonths = 24;

    public async Task<Outcome<RegisterExplanation>> ExplainAsync(Caller caller, long organisationId, DateOnly? from, DateOnly? to, bool rollUp,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.ActsFor(organisationId) || await queries.OrganisationAsync(organisationId, cancellationToken) is null)
        {
            return Outcome<RegisterExplanation>.NotFound();
        }

        var last = to ?? ParisTime.Today(time);
        var first = from ?? RegisterCounter.WindowStart(last).AddDays(1);
        if (first > last)
        {
            return Outcome<RegisterExplanation>.Invalid("to", Messages.RegisterRangeReversed);
        }

        var scope = await queries.ScopeAsync(organisationId, rollUp, cancellationToken);
        var rows = await queries.ExplainAsync(scope, StartUtc(first), StartUtc(last.AddDays(1)), cancellationToken);
        return Outcome<RegisterExplanation>.Ok(new RegisterExplanation(organisationId, rollUp ? RegisterCounter.RollUp : RegisterCounter.Own, first, last,
            rows.Count(r => r.Counts), rows));
    }

    /// <summary>Where the organisation stands today: its own counter, and the roll-up when it has members.</summary>
    public async Task<Outcome<IReadOnlyList<RegisterStanding>>> StandingAsync(Caller caller, long organisationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.ActsFor(organisationId) && await StandingsAsync(organisationId, cancellationToken) is { } standings
            ? Outcome<IReadOnlyList<RegisterStanding>>.Ok(standings)
            : Outcome<IReadOnlyList<RegisterStanding>>.NotFound();
    }

    /// <summary>The organisation's standings (own, then roll-up when it has members), or null when it does not exist.</summary>
    public async Task<IReadOnlyList<RegisterStanding>?> StandingsAsync(long organisationId, CancellationToken cancellationToken)
    {
        if (await queries.OrganisationAsync(organisationId, cancellationToken) is not { } organisation)
        {
            return null;
        }

        var today = ParisTime.Today(time);
        var (fromUtc, toUtc) = (StartUtc(today.AddMonths(-HistoryMonths)), StartUtc(today.AddDays(1)));
        var own = await queries.ExplainAsync([organisationId], fromUtc, toUtc, cancellationToken);
        var result = new List<RegisterStanding> { RegisterCounter.Stand(organisationId, organisation.Name, RegisterCounter.Own, own, today) };
        var scope = await queries.ScopeAsync(organisationId, rollUp: true, cancellationToken);
        if (scope.Length > 1)
        {
            var all = await queries.ExplainAsync(scope, fromUtc, toUtc, cancellationToken);
            result.Add(RegisterCounter.Stand(organisationId, organisation.Name, RegisterCounter.RollUp, all, today));
        }

        return result;
    }

    /// <summary>The standings at or near the threshold of the organisations the caller acts for (every one for an admin).</summary>
    public async Task<IReadOnlyList<RegisterStanding>> AlertsAsync(Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var ids = caller.IsAdmin ? await queries.ActiveOrganisationsAsync(StartUtc(ParisTime.Today(time).AddMonths(-12)), cancellationToken)
            : [.. caller.OrganisationIds.Where(caller.ActsFor)];
        var result = new List<RegisterStanding>();
        foreach (var id in ids.Order())
        {
            result.AddRange((await StandingsAsync(id, cancellationToken) ?? []).Where(s => s.AtThreshold || s.Actions >= RegisterCounter.Threshold - 2));
        }

        return result;
    }

    /// <summary>Midnight in Paris of a day, in UTC: the bounds of periods the register reads in Paris days.</summary>
    public static DateTime StartUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), ParisTime.Zone);
}
