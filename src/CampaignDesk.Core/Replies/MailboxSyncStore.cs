using System.Data.Common;
using CampaignDesk.Core.Data;

namespace CampaignDesk.Core.Replies;

/// <summary>Where each inbox's delta was left (table mailbox_sync), and which organisation each mailbox belongs to.</summary>
public sealed class MailboxSyncStore(Database database, TimeProvider time)
{
    /// <summary>Every organisation's mailbox, lower case; a mailbox shared by several organisations goes to the oldest one.</summary>
    public Task<IReadOnlyList<(string Mailbox, long OrganisationId)>> MailboxesAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(session => session.QueryAsync<(string Mailbox, long OrganisationId)>("""
            SELECT LOWER(mailbox) AS mailbox, MIN(id) AS organisation_id FROM organisations
            WHERE mailbox IS NOT NULL AND mailbox <> '' GROUP BY LOWER(mailbox) ORDER BY LOWER(mailbox)
            """), cancellationToken);

    /// <summary>The saved link (null: start a round) and when the first round began, which is recorded now if never.</summary>
    public async Task<(string? Link, DateTime StartedUtc)> LoadAsync(string mailbox, CancellationToken cancellationToken)
    {
        if (await database.ReadAsync(session => ReadAsync(session, mailbox), cancellationToken) is { } saved)
        {
            return saved;
        }

        try
        {
            await database.WriteAsync(session => session.ExecuteAsync(
                "INSERT INTO mailbox_sync (mailbox, link, started_utc, updated_utc) VALUES (@mailbox, NULL, @now, @now)",
                new { mailbox, now = time.GetUtcNow().UtcDateTime }), cancellationToken);
        }
        catch (DbException e) when (database.Dialect.IsUniqueViolation(e))
        {
            // Another worker began the same mailbox at the same moment: its row stands.
        }

        return (await database.ReadAsync(session => ReadAsync(session, mailbox), cancellationToken))!.Value;
    }

    public Task SaveAsync(string mailbox, string? link, CancellationToken cancellationToken) =>
        database.WriteAsync(session => session.ExecuteAsync("UPDATE mailbox_sync SET link = @link, updated_utc = @now WHERE mailbox = @mailbox",
            new { mailbox, link, now = time.GetUtcNow().UtcDateTime }), cancellationToken);

    private static async Task<(string? Link, DateTime StartedUtc)?> ReadAsync(DbSession session, string mailbox) =>
        (await session.QueryAsync<(string? Link, DateTime StartedUtc)>("SELECT link, started_utc FROM mailbox_sync WHERE mailbox = @mailbox", new { mailbox }))
        .Select(r => ((string?, DateTime)?)r).FirstOrDefault();
}
