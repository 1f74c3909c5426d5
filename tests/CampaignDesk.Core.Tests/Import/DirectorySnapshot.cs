using System.Globalization;
using System.Text;
using CampaignDesk.Core.Data;
using Dapper;

namespace CampaignDesk.Core.Tests.Import;

/// <summary>Every column of every row of the directory's tables, as text: two snapshots are equal when the directory is, row for row.</summary>
internal static class DirectorySnapshot
{
    private static readonly string[] Queries =
    [
        "SELECT * FROM officials ORDER BY id",
        "SELECT * FROM mandates ORDER BY id",
        "SELECT * FROM contact_points ORDER BY id",
        "SELECT * FROM official_identifiers ORDER BY source, value",
    ];

    public static async Task<string> TakeAsync(Database database)
    {
        await using var connection = await database.OpenAsync(default);
        var text = new StringBuilder();
        foreach (var sql in Queries)
        {
            text.AppendLine(sql);
            foreach (IDictionary<string, object?> row in await connection.QueryAsync(sql))
            {
                text.AppendJoin('|', row.Select(column => $"{column.Key}={Format(column.Value)}")).AppendLine();
            }
        }

        return text.ToString();
    }

    private static string Format(object? value) => value switch
    {
        null => "∅",
        DateTime time => time.ToString("O", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
