using System.Data.Common;
using CampaignDesk.Core.Data;
using Dapper;

namespace CampaignDesk.Core.Import;

/// <summary>What a source lists for an official: an e-mail, a phone number, a website…, as <c>contact_points</c> holds it.</summary>
public sealed record ImportedContact(long OfficialId, string Kind, string Source, string Value);

/// <summary>What <see cref="ContactPointWriter.SaveAsync"/> did.</summary>
public enum ContactPointChange
{
    /// <summary>Listed before: seen again, and current again if it had been retired.</summary>
    Seen,

    /// <summary>A new contact point.</summary>
    Added,

    /// <summary>A new contact point that retired the official's previous ones of its kind from its source.</summary>
    Replaced,
}

/// <summary>
/// The one place imports write contact points, whatever their kind. What it adds carries the run's id and what it
/// changes is journalled first (<see cref="ImportJournal"/>), so every importer that writes through it can be reverted
/// exactly (<see cref="ImportReverter"/>). It counts the run's contacts added and changed.
/// </summary>
public sealed class ContactPointWriter(Database database)
{
    private const string Same = "official_id = @OfficialId AND kind = @Kind AND source = @Source AND value = @Value";
    private const string Current = "official_id = @OfficialId AND kind = @Kind AND source = @Source AND retired_utc IS NULL";

    private readonly ImportJournal _journal = new(database);

    /// <summary>
    /// The source lists <paramref name="contact"/>: a contact point it listed before is seen again; a new one is added,
    /// and with <paramref name="replaces"/> the official's other current ones of that kind from that source are retired
    /// first (an e-mail that changed).
    /// </summary>
    public async Task<ContactPointChange> SaveAsync(DbConnection connection, DbTransaction transaction, ImportRun run, ImportedContact contact,
        bool replaces, DateTime now, CancellationToken cancellationToken)
    {
        var p = new { contact.OfficialId, contact.Kind, contact.Source, contact.Value, now, Run = run.Id };
        await _journal.ContactPointsAsync(connection, transaction, run.Id, "seen", Same, p, cancellationToken);
        var seen = await connection.ExecuteAsync(database.Command(
            $"UPDATE contact_points SET last_seen_utc = @now, retired_utc = NULL WHERE {Same}", p, transaction, cancellationToken));
        if (seen > 0)
        {
            return ContactPointChange.Seen;
        }

        var retired = replaces
            ? await RetireAsync(connection, transaction, run, contact.OfficialId, contact.Kind, contact.Source, now, cancellationToken)
            : 0;
        await connection.ExecuteAsync(database.Command("""
            INSERT INTO contact_points (official_id, kind, value, source, first_seen_utc, last_seen_utc, first_run_id)
            VALUES (@OfficialId, @Kind, @Value, @Source, @now, @now, @Run)
            """, p, transaction, cancellationToken));
        if (retired > 0)
        {
            run.ContactsChanged++;
            return ContactPointChange.Replaced;
        }

        run.ContactsAdded++;
        return ContactPointChange.Added;
    }

    /// <summary>Retires the official's current contact points of this kind from this source (one the source no longer lists).</summary>
    /// <returns>How many were retired.</returns>
    public async Task<int> RetireAsync(DbConnection connection, DbTransaction transaction, ImportRun run, long officialId, string kind, string source,
        DateTime now, CancellationToken cancellationToken)
    {
        var p = new { OfficialId = officialId, Kind = kind, Source = source, now };
        await _journal.ContactPointsAsync(connection, transaction, run.Id, "retired", Current, p, cancellationToken);
        return await connection.ExecuteAsync(database.Command(
            $"UPDATE contact_points SET retired_utc = @now WHERE {Current}", p, transaction, cancellationToken));
    }
}
