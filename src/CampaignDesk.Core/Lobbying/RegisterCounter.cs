namespace CampaignDesk.Core.Lobbying;

/// <summary>
/// Where an organisation stands on a day: the actions that count in the twelve months ending that day (décret 2017-867,
/// art. 1: « au moins dix fois au cours des douze derniers mois »), whether it is at the threshold, since when (the day the
/// tenth action of a window came: <see cref="CrossedOn"/>), the day it must register by (two months later, décret
/// 2017-867 art. 2), or, below it, the day it would reach it at the pace of the last twelve months (<see cref="ProjectedOn"/>,
/// an estimate that ignores the actions leaving the window).
/// </summary>
/// <param name="Scope"><c>own</c> (the organisation's own actions) or <c>rollup</c> (its own and its members').</param>
public sealed record RegisterStanding(long OrganisationId, string OrganisationName, string Scope, DateOnly On, int Actions, int Threshold,
    bool AtThreshold, DateOnly? CrossedOn, DateOnly? RegisterBy, DateOnly? ProjectedOn, IReadOnlyList<DateOnly> Crossings);

public static class RegisterCounter
{
    /// <summary>« au moins dix fois » (décret 2017-867, art. 1): the tenth action reaches it.</summary>
    public const int Threshold = 10;

    public const string Own = "own";
    public const string RollUp = "rollup";

    /// <summary>The window that ends on <paramref name="day"/>: actions after this day (excluded) count, up to the day.</summary>
    public static DateOnly WindowStart(DateOnly day) => day.AddMonths(-12);

    public static int CountOn(IReadOnlyList<DateOnly> actions, DateOnly day) => actions.Count(a => a > WindowStart(day) && a <= day);

    /// <summary>
    /// The days the count went from below the threshold to at or above it: evaluated on every day it can change (an action
    /// comes, or one leaves the window twelve months later).
    /// </summary>
    public static IReadOnlyList<DateOnly> Crossings(IReadOnlyList<DateOnly> actions)
    {
        var days = actions.Concat(actions.Select(a => a.AddMonths(12))).Distinct().Order();
        var crossings = new List<DateOnly>();
        var above = false;
        foreach (var day in days)
        {
            var now = CountOn(actions, day) >= Threshold;
            if (now && !above)
            {
                crossings.Add(day);
            }

            above = now;
        }

        return crossings;
    }

    public static RegisterStanding Stand(long organisationId, string organisationName, string scope, IEnumerable<RegisterVerdict> verdicts, DateOnly today)
    {
        var actions = verdicts.Where(v => v.Counts && v.Row.Day <= today).Select(v => v.Row.Day).Order().ToList();
        var count = CountOn(actions, today);
        var crossings = Crossings(actions);
        var at = count >= Threshold;
        var crossed = at ? crossings.LastOrDefault(c => c <= today) : (DateOnly?)null;
        DateOnly? projected = at || count == 0 ? null : today.AddDays((int)Math.Ceiling((Threshold - count) * 365.0 / count));
        return new RegisterStanding(organisationId, organisationName, scope, today, count, Threshold, at, crossed,
            crossed?.AddMonths(2), projected, crossings);
    }
}
