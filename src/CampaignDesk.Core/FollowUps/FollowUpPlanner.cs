using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;

namespace CampaignDesk.Core.FollowUps;

/// <summary>Why a follow-up leaves when it does, in French: <c>now</c>, <c>not_before</c>, <c>window</c>, <c>closed_day</c>, <c>holiday</c>, <c>pacing</c>, <c>others_recently</c>.</summary>
public sealed record PlanReason(string Code, string Text);

/// <summary>When a follow-up leaves (<see cref="Due"/>, in the window of <see cref="WindowDate"/>), and why then.</summary>
public sealed record FollowUpPlan(DateTimeOffset Due, string WindowDate, IReadOnlyList<PlanReason> Reasons)
{
    public void Deconstruct(out DateTimeOffset due, out string windowDate) => (due, windowDate) = (Due, WindowDate);
}

/// <summary>
/// Puts a follow-up in a sending window: the first window (a Paris working day, see <see cref="SendingWindow"/>) at or
/// after its not-before time, in the official's département's calendar, where no other live follow-up to the same
/// official is planned — at most one message per official per window across the coalition. A lock per official
/// serialises planners, and a unique index (official, window) backs the rule. Each day it passes over is a reason.
/// </summary>
internal static class FollowUpPlanner
{
    private const int MaxWindowsAhead = 366;
    private const int MaxReasons = 8;

    public static async Task<FollowUpPlan> PlanAsync(DbSession session, SendingWindow window, long officialId, string? departmentCode,
        DateTimeOffset notBefore, long? exceptFollowUpId)
    {
        await session.Dialect.LockAsync(session.Connection, session.Transaction!, $"followup-official:{officialId}", session.CancellationToken);
        var taken = (await session.QueryAsync<string>($"""
            SELECT window_date FROM followups
            WHERE official_id = @officialId AND state IN ('{FollowUpStates.Scheduled}', '{FollowUpStates.Claimed}', '{FollowUpStates.Sent}') AND window_date >= @from AND id <> @except
            """, new { officialId, from = IsoDate.Format(SendingWindow.WindowKey(notBefore)), except = exceptFollowUpId ?? 0 }))
            .ToHashSet(StringComparer.Ordinal);
        var reasons = new List<PlanReason>();
        var candidate = notBefore;
        for (var i = 0; i < MaxWindowsAhead; i++)
        {
            var opening = window.NextOpening(candidate, departmentCode);
            Explain(window, departmentCode, candidate, opening, first: i == 0, reasons);
            var key = IsoDate.Format(SendingWindow.WindowKey(opening))!;
            if (!taken.Contains(key))
            {
                if (i == 0 && opening == candidate)
                {
                    reasons.Add(new("now", "Dans la fenêtre d'envoi : le message part dès que possible."));
                }

                return new FollowUpPlan(opening, key, reasons.Take(MaxReasons).ToList());
            }

            reasons.Add(new("pacing", $"Une autre relance à cet·te élu·e part déjà le {Day(SendingWindow.WindowKey(opening))} : une seule par jour et par élu·e, toutes structures confondues."));
            // The next Paris day, at midnight.
            var nextDay = SendingWindow.WindowKey(opening).AddDays(1).ToDateTime(TimeOnly.MinValue);
            candidate = new DateTimeOffset(nextDay, ParisTime.Zone.GetUtcOffset(nextDay)).ToUniversalTime();
        }

        throw new InvalidOperationException($"No free sending window for official {officialId} within a year.");
    }

    /// <summary>The days between <paramref name="from"/> and the window that opens at <paramref name="opening"/>, and why each was passed over.</summary>
    private static void Explain(SendingWindow window, string? departmentCode, DateTimeOffset from, DateTimeOffset opening, bool first, List<PlanReason> reasons)
    {
        if (opening == from)
        {
            return;
        }

        var (start, end) = (SendingWindow.WindowKey(from), SendingWindow.WindowKey(opening));
        var hours = $"{Days(window)}, {window.Start:HH\\:mm}–{window.End:HH\\:mm}, heure de Paris";
        for (var day = start; day <= end && reasons.Count < MaxReasons; day = day.AddDays(1))
        {
            if (!window.OpenDays.Contains(day.DayOfWeek))
            {
                reasons.Add(new("closed_day", $"Pas d'envoi le {Day(day)} (envois : {hours})."));
            }
            else if (window.RespectHolidays && FrenchHolidays.NameOf(day, departmentCode) is { } holiday)
            {
                reasons.Add(new("holiday", $"{Capitalised(Day(day))} est férié ({holiday}){(departmentCode is null ? "" : $" dans le département {departmentCode}")}."));
            }
            else if (first && day == start)
            {
                reasons.Add(new("window", day == end
                    ? $"Avant l'ouverture de la fenêtre d'envoi ({hours}) : départ à {opening.ToOffset(ParisTime.Zone.GetUtcOffset(opening)):HH\\:mm}."
                    : $"Après la fermeture de la fenêtre d'envoi ({hours}) : départ à la prochaine ouverture."));
            }
        }
    }

    private static readonly string[] WeekDays = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"];

    /// <summary>« lundi 7 décembre 2026 ».</summary>
    internal static string Day(DateOnly day) => $"{WeekDays[(int)day.DayOfWeek]} {FrenchDates.LongForm(day)}";

    private static string Days(SendingWindow window) => window.OpenDays.Count == 7 ? "tous les jours"
        : string.Join(", ", window.OpenDays.OrderBy(d => ((int)d + 6) % 7).Select(d => WeekDays[(int)d]));

    private static string Capitalised(string text) => string.Concat(text[..1].ToUpperInvariant(), text[1..]);
}
