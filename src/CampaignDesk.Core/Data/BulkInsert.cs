using System.Data.Common;
using System.Text;

namespace CampaignDesk.Core.Data;

/// <summary>
/// Inserts many rows with multi-row <c>VALUES</c> statements: one round trip per batch instead of per row,
/// within the limits every engine accepts (SQL Server: 1,000 rows and 2,100 parameters a statement).
/// </summary>
public static class BulkInsert
{
    private const int MaxParameters = 2000;
    private const int MaxRows = 1000;

    public static async Task<int> RunAsync(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns,
        IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        var rowsPerBatch = Math.Max(1, Math.Min(MaxRows, MaxParameters / columns.Count));
        var batch = new List<object?[]>(rowsPerBatch);
        var total = 0;
        foreach (var row in rows)
        {
            batch.Add(row);
            if (batch.Count == rowsPerBatch)
            {
                total += await InsertAsync(connection, transaction, table, columns, batch, cancellationToken);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            total += await InsertAsync(connection, transaction, table, columns, batch, cancellationToken);
        }

        return total;
    }

    private static async Task<int> InsertAsync(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns,
        List<object?[]> rows, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder($"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ");
        for (var r = 0; r < rows.Count; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Count; c++)
            {
                var name = $"@p{r}_{c}";
                sql.Append(c == 0 ? name : ", " + name);
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = rows[r][c] ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }

            sql.Append(')');
        }

        command.CommandText = sql.ToString();
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
