using System.Data.Common;
using System.Globalization;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Import.Identity;
using CampaignDesk.Core.Import.Parliament;
using CampaignDesk.Core.Officials;
using Dapper;

namespace CampaignDesk.Core.Import;

/// <summary>
/// Attaches what the Assemblée, Datan and the Sénat publish — their ids, e-mails and political groups — to the
/// officials the RNE knows. A member is found by an id seen before, else by name within the same chamber,
/// département (and circonscription for députés); what cannot be matched with confidence is reported, never guessed.
/// An e-mail that changes retires the old contact point and adds the new one; a group change is recorded. Everything it
/// adds carries the run's id and everything it changes is journalled, so the run can be reverted.
/// </summary>
public sealed class ParliamentImporter(Database database, TimeProvider time)
{
    private readonly ContactPointWriter _contacts = new(database);
    private readonly ImportJournal _journal = new(database);

    public async Task ImportAsync(DbConnection connection, DbTransaction transaction, ParliamentSource source, Stream stream, ImportRun run,
        CancellationToken cancellationToken)
    {
        var members = new List<ParliamentMember>();
        foreach (var (member, problem) in ParliamentReader.Read(stream))
        {
            run.RowsRead++;
            if (problem is not null)
            {
                run.Report(problem.Line, ImportIssueKinds.Unreadable, problem.Reason);
            }

            // A former senator (ODSEN lists every senator since 1958) is of no use to reach anyone today.
            if (member is not null && member.Active != false)
            {
                members.Add(member);
            }
        }

        var chamber = source is ParliamentSource.Assemblee or ParliamentSource.Datan ? ParliamentMember.Depute : ParliamentMember.Senateur;
        var role = chamber == ParliamentMember.Depute ? Roles.Depute : Roles.Senateur;
        var identifierSource = chamber == ParliamentMember.Depute ? "assemblee" : "senat";
        var contactSource = source switch
        {
            ParliamentSource.Datan => "datan",
            ParliamentSource.Assemblee => "assemblee",
            _ => "senat",
        };

        var seats = (await connection.QueryAsync<Seat>(database.Command("""
            SELECT o.id AS official_id, o.last_name, o.first_name, m.id AS mandate_id, m.department_code, m.circonscription_code,
                   m.group_code, m.group_label
            FROM mandates m JOIN officials o ON o.id = m.official_id
            WHERE m.role = @role AND m.end_date IS NULL
            """, new { role }, transaction, cancellationToken))).ToList();
        var known = (await connection.QueryAsync<(string Value, long OfficialId)>(database.Command(
            "SELECT value, official_id FROM official_identifiers WHERE source = @identifierSource", new { identifierSource }, transaction,
            cancellationToken))).ToDictionary(k => k.Value, k => k.OfficialId, StringComparer.Ordinal);
        var seatsByOfficial = seats.ToLookup(s => s.OfficialId);
        var matcher = new IdentityMatcher<Seat>(seats, s => new PersonIdentity(s.LastName, s.FirstName, s.DepartmentCode, s.Number, chamber));

        var unknown = members.Where(m => !known.ContainsKey(m.SourceId)).ToList();
        var matches = matcher.MatchAll(unknown);
        var now = time.GetUtcNow().UtcDateTime;
        for (var i = 0; i < unknown.Count; i++)
        {
            var (member, match) = (unknown[i], matches[i]);
            if (match.Outcome == IdentityMatchOutcome.Matched)
            {
                known[member.SourceId] = match.Person!.OfficialId;
                await connection.ExecuteAsync(database.Command(
                    "INSERT INTO official_identifiers (official_id, source, value, first_run_id) VALUES (@OfficialId, @identifierSource, @SourceId, @Run)",
                    new { match.Person.OfficialId, identifierSource, member.SourceId, Run = run.Id }, transaction, cancellationToken));
            }
            else
            {
                var kind = match.Outcome == IdentityMatchOutcome.Ambiguous ? ImportIssueKinds.Ambiguous : ImportIssueKinds.Unmatched;
                run.Report(member.Line, kind, $"{member.FirstName} {member.LastName} ({member.SourceId}) : {match.Reason}".Replace("  ", " ", StringComparison.Ordinal));
            }
        }

        foreach (var member in members.Where(m => known.ContainsKey(m.SourceId)))
        {
            var officialId = known[member.SourceId];
            if (member.Email is { } email)
            {
                await _contacts.SaveAsync(connection, transaction, run, new ImportedContact(officialId, "email", contactSource, email), replaces: true, now,
                    cancellationToken);
            }

            // ODSEN carries the group's name of the day, not the Sénat list's code: groups come from the list only.
            if (source != ParliamentSource.SenatGeneral && member.GroupCode is not null && seatsByOfficial[officialId].FirstOrDefault() is { } seat
                && (seat.GroupCode != member.GroupCode || (member.GroupLabel is not null && seat.GroupLabel != member.GroupLabel)))
            {
                if (seat.GroupCode is not null && seat.GroupCode != member.GroupCode)
                {
                    run.Report(member.Line, ImportIssueKinds.GroupChanged,
                        $"{member.FirstName} {member.LastName} : groupe {seat.GroupCode} → {member.GroupCode}.".Replace("  ", " ", StringComparison.Ordinal));
                }

                await _journal.MandatesAsync(connection, transaction, run.Id, "group_changed", "id = @MandateId", new { seat.MandateId }, cancellationToken);
                await connection.ExecuteAsync(database.Command(
                    "UPDATE mandates SET group_code = @GroupCode, group_label = COALESCE(@GroupLabel, group_label) WHERE id = @MandateId",
                    new { member.GroupCode, member.GroupLabel, seat.MandateId }, transaction, cancellationToken));
            }
        }
    }

    private sealed class Seat
    {
        public long OfficialId { get; init; }
        public string LastName { get; init; } = "";
        public string FirstName { get; init; } = "";
        public long MandateId { get; init; }
        public string? DepartmentCode { get; init; }
        public string? CirconscriptionCode { get; init; }
        public string? GroupCode { get; init; }
        public string? GroupLabel { get; init; }

        // "38-02" → 2
        public int? Number => CirconscriptionCode is { Length: > 3 } code
            && int.TryParse(code[(code.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture, out var n) ? n : null;
    }
}
