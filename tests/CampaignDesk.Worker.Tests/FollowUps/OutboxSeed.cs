using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.FollowUps;
using CampaignDesk.Core.Text;
using Dapper;

namespace CampaignDesk.Worker.Tests.FollowUps;

/// <summary>
/// A campaign of <c>mailboxes</c> structures and <c>count</c> officials with an e-mail address, each with one follow-up
/// due now, inserted in bulk (one transaction) as <see cref="FollowUpService"/> writes them: state scheduled, a unique
/// random idempotency key, the window of today's Paris date. Shared with bench/dispatch, so it knows nothing of NUnit.
/// </summary>
public static class OutboxSeed
{
    private static readonly string[] FollowUpColumns =
    [
        "campaign_id", "organisation_id", "official_id", "template_id", "from_mailbox", "to_address", "to_name", "subject", "body", "department_code",
        "not_before_utc", "due_utc", "window_date", "state", "idempotency_key", "attempts", "source", "source_interaction_id", "created_by_user_id",
        "created_by", "created_utc", "updated_utc",
    ];

    public static string Mailbox(int index) => $"relances{index}@coalition.example";

    /// <summary>The idempotency keys of the follow-ups, in the order of their officials.</summary>
    public static async Task<IReadOnlyList<string>> SeedAsync(Database database, int count, int mailboxes, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        var at = now.UtcDateTime;
        var run = Guid.NewGuid().ToString("N")[..8];
        var windowDate = IsoDate.Format(SendingWindow.WindowKey(now))!;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var organisations = new List<long>();
        for (var m = 0; m < mailboxes; m++)
        {
            var name = $"Maison de santé {run} n°{m}";
            organisations.Add(await connection.ExecuteScalarAsync<long>(database.Command(database.Dialect.InsertReturningId("organisations",
                "type, kind, name, name_key, search_text, department_code, mailbox, created_utc, updated_utc",
                "'structure', 'msp', @name, @key, @key, '38', @mailbox, @at, @at"), new { name, key = SearchText.Fold(name), mailbox = Mailbox(m), at },
                transaction, cancellationToken)));
        }

        var campaign = await connection.ExecuteScalarAsync<long>(database.Command(database.Dialect.InsertReturningId("campaigns",
            "title, status, created_utc, updated_utc", "@title, 'active', @at, @at"), new { title = $"Relances {run}", at }, transaction, cancellationToken));
        await database.Dialect.BulkInsertAsync(connection, transaction, "campaign_organisations", ["campaign_id", "organisation_id"],
            organisations.Select(o => new object?[] { campaign, o }), cancellationToken);

        var rne = $"outbox:{run}:";
        await database.Dialect.BulkInsertAsync(connection, transaction, "officials", ["last_name", "first_name", "rne_key", "search_text", "created_utc", "updated_utc"],
            Enumerable.Range(0, count).Select(i => new object?[] { $"ÉLU{i:D5}", "Camille", $"{rne}{i:D6}", $"elu{i:d5} camille", at, at }), cancellationToken);
        var officials = (await connection.QueryAsync<long>(database.Command("SELECT id FROM officials WHERE rne_key LIKE @prefix ORDER BY rne_key",
            new { prefix = rne + "%" }, transaction, cancellationToken))).ToList();
        await database.Dialect.BulkInsertAsync(connection, transaction, "contact_points", ["official_id", "kind", "value", "source", "first_seen_utc", "last_seen_utc"],
            officials.Select((id, i) => new object?[] { id, "email", Address(i), "rne", at, at }), cancellationToken);

        var keys = officials.Select(_ => Guid.NewGuid().ToString("N")).ToList();
        await database.Dialect.BulkInsertAsync(connection, transaction, "followups", FollowUpColumns, officials.Select((official, i) => new object?[]
        {
            campaign, organisations[i % mailboxes], official, null, Mailbox(i % mailboxes), Address(i), $"Camille Élu{i:D5}",
            $"Relances {run} : notre demande", $"Madame, Monsieur,\n\nNous revenons vers vous ({i}).\n\nMaison de santé", "38",
            at, at, windowDate, FollowUpStates.Scheduled, keys[i], 0, "manual", null, null, "outbox-seed", at, at,
        }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return keys;
    }

    private static string Address(int i) => $"elu{i:D5}@mairie.example";
}
