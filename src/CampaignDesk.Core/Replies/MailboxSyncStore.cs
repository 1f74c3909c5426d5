using System.Data.Common;
using CampaignDesk.Core.Data;
using Dapper;

namespace CampaignDesk.Core.Replies;

/// <summary>Where each inbox's delta was left (table mailbox_sync), and which organisation each mailbox belongs to.</summary>
public sealed class MailboxSyncStore(Database database, TimeProvider time)
{
    /// <summary>Every organisation's mailbox, lower case; a mailbox shared by several organisations goes to the oldest one.</summary>
    public async Task<IReadOnlyList<(string Mailbox, long OrganisationId)>> MailboxesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<(string, long)>(database.Command("""
            SELECT LOWER(mailbox) AS mailbox, MIN(id) AS organisation_id FROM organisations
            WHERE mailbox IS NOT NULL AND mailbox <> '' GROUP BY LOWER(mailbox) ORDER BY LOWER(mailbox)
            """, cancellationToken: cancellationToken))];
    }

    /// <summary>The saved link (null: start a round) and when the first round began, which is recorded now if never.</summary>
    public async Task<(string? Link, DateTime StartedUtc)> LoadAsync(string mailbox, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        if (await ReadAsync(connection, mailbox, cancellationToken) is { } saved)
        {
            return saved;
        }

        try
        {
            var now = time.GetUtcNow().UtcDateTime;
            await connection.ExecuteAsync(database.Command(
                "INSERT INTO mailbox_sync (mailbox, link, started_utc, updated_utc) VALUES (@mailbox, NULL, @now, @now)", new { mailbox, now },
                cancellationToken: cancellationToken));
        }
        catch (DbException e) when (database.Dialect.IsUniqueViolation(e))
        {
            // Another worker began the same mailbox at the same moment: its row stands.
        }

        return (await ReadAsync(connection, mailbox, cancellationToken))!.Value;
    }

    public async Task SaveAsync(string mailbox, string? link, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(database.Command("UPDATE mailbox_sync SET link = @link, updated_utc = @now WHERE mailbox = @mailbox",
            new { mailbox, link, now = time.GetUtcNow().UtcDateTime }, cancellationToken: cancellationToken));
    }

    private async Task<(string? Link, DateTime StartedUtc)?> ReadAsync(DbConnection connection, string mailbox, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<(string? Link, DateTime StartedUtc)>(database.Command(
            "SELECT link, started_utc FROM mailbox_sync WHERE mailbox = @mailbox", new { mailbox }, cancellationToken: cancellationToken));
        return rows.Select(r => ((string?, DateTime)?)r).FirstOrDefault();
    }
}
