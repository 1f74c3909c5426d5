using System.Data.Common;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using Dapper;

namespace CampaignDesk.Core.FollowUps;

/// <summary>
/// Puts a follow-up in a sending window: the first window (a Paris working day, see <see cref="SendingWindow"/>) at or
/// after its not-before time, in the official's département's calendar, where no other live follow-up to the same
/// official is planned — at most one message per official per window across the coalition. A lock per official
/// serialises planners, and a unique index (official, window) backs the rule.
/// </summary>
internal static class FollowUpPlanner
{
    private const int MaxWindowsAhead = 366;

    public static async Task<(DateTimeOffset Due, string WindowDate)> PlanAsync(Database database, DbConnection connection, DbTransaction transaction,
        SendingWindow window, long officialId, string? departmentCode, DateTimeOffset notBefore, long? exceptFollowUpId, CancellationToken cancellationToken)
    {
        await database.Dialect.LockAsync(connection, transaction, $"followup-official:{officialId}", cancellationToken);
        var taken = (await connection.QueryAsync<string>(database.Command("""
            SELECT window_date FROM followups
            WHERE official_id = @officialId AND state IN ('scheduled', 'claimed', 'sent') AND window_date >= @from AND id <> @except
            """, new { officialId, from = IsoDate.Format(SendingWindow.WindowKey(notBefore)), except = exceptFollowUpId ?? 0 }, transaction,
            cancellationToken))).ToHashSet(StringComparer.Ordinal);
        var candidate = notBefore;
        for (var i = 0; i < MaxWindowsAhead; i++)
        {
            var opening = window.NextOpening(candidate, departmentCode);
            var key = IsoDate.Format(SendingWindow.WindowKey(opening))!;
            if (!taken.Contains(key))
            {
                return (opening, key);
            }

            // The next Paris day, at midnight.
            var nextDay = SendingWindow.WindowKey(opening).AddDays(1).ToDateTime(TimeOnly.MinValue);
            candidate = new DateTimeOffset(nextDay, ParisTime.Zone.GetUtcOffset(nextDay)).ToUniversalTime();
        }

        throw new InvalidOperationException($"No free sending window for official {officialId} within a year.");
    }
}
