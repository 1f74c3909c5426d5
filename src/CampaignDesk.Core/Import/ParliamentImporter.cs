using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Contacts;
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
/// An e-mail that changes retires the old contact point and adds the new one (unless a newer publication gave the one
/// kept); the Sénat's list gives each senator's page; a group change is recorded. Everything it adds carries the run's id
/// and everything it changes is journalled, so the run can be reverted.
/// </summary>
public sealed class ParliamentImporter(Database database, TimeProvider time)
{
    private readonly ImportJournal _journal = new(database);

    public async Task ImportAsync(DbSession session, ParliamentSource source, Stream stream, ImportRun run)
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
        var contactSource = source switch
        {
            ParliamentSource.Datan => "datan",
            ParliamentSource.Assemblee => "assemblee",
            _ => "senat",
        };

        var seats = await SeatsAsync(session, chamber);
        var known = await MatchAsync(session, members, chamber, seats, run);
        var seatsByOfficial = seats.ToLookup(s => s.OfficialId);
        var contacts = new ContactPointWriter(database, session, run, time.GetUtcNow().UtcDateTime);
        if (source == ParliamentSource.SenatList)
        {
            // The list names each senator's page on senat.fr: the Sénat publishes no other address for them in these files.
            var pages = members.Where(m => known.ContainsKey(m.SourceId)).GroupBy(m => known[m.SourceId]).ToDictionary(g => g.Key,
                g => g.Where(m => m.Url is not null).Select(m => ContactValue.Web(m.Url!, ContactUses.Office)).ToList());
            await contacts.ReplaceForOfficialsAsync("senat", [ContactKinds.Web], pages);
        }

        foreach (var member in members.Where(m => known.ContainsKey(m.SourceId)))
        {
            var officialId = known[member.SourceId];
            if (member.Email is { } email)
            {
                await contacts.SaveOneAsync(officialId, ContactValue.Email(email, ContactUses.Office), contactSource);
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

                await _journal.MandatesAsync(session, run.Id, "group_changed", "id = @MandateId", new { seat.MandateId });
                await session.Connection.ExecuteAsync(session.Command(
                    "UPDATE mandates SET group_code = @GroupCode, group_label = COALESCE(@GroupLabel, group_label) WHERE id = @MandateId",
                    new { member.GroupCode, member.GroupLabel, seat.MandateId }));
            }
        }

        contacts.ReportOlder();
    }

    /// <summary>
    /// The officials of <paramref name="members"/>: by the chamber's id when it was stored before, else by name within
    /// the chamber, département and circonscription (the id is then stored); ambiguous and unmatched people are
    /// reported, never guessed. Keys are the members' ids.
    /// </summary>
    [SuppressMessage("Performance", "CA1822", Justification = "Called on the injected importer (ActeurImporter): its constructor shows the dependency.")]
    internal async Task<Dictionary<string, long>> MatchAsync(DbSession session, IReadOnlyList<ParliamentMember> members, string chamber, ImportRun run) =>
        await MatchAsync(session, members, chamber, await SeatsAsync(session, chamber), run);

    private static async Task<List<Seat>> SeatsAsync(DbSession session, string chamber) =>
        (await session.Connection.QueryAsync<Seat>(session.Command("""
            SELECT o.id AS official_id, o.last_name, o.first_name, m.id AS mandate_id, m.department_code, m.circonscription_code,
                   m.group_code, m.group_label
            FROM mandates m JOIN officials o ON o.id = m.official_id
            WHERE m.role = @role AND m.end_date IS NULL
            """, new { role = chamber == ParliamentMember.Depute ? Roles.Depute : Roles.Senateur }))).ToList();

    private static async Task<Dictionary<string, long>> MatchAsync(DbSession session, IReadOnlyList<ParliamentMember> members, string chamber,
        List<Seat> seats, ImportRun run)
    {
        var identifierSource = chamber == ParliamentMember.Depute ? "assemblee" : "senat";
        var known = (await session.Connection.QueryAsync<(string Value, long OfficialId)>(session.Command(
            "SELECT value, official_id FROM official_identifiers WHERE source = @identifierSource", new { identifierSource }))).ToDictionary(k => k.Value, k => k.OfficialId, StringComparer.Ordinal);
        var matcher = new IdentityMatcher<Seat>(seats, s => new PersonIdentity(s.LastName, s.FirstName, s.DepartmentCode, s.Number, chamber));

        var unknown = members.Where(m => !known.ContainsKey(m.SourceId)).ToList();
        var matches = matcher.MatchAll(unknown);
        for (var i = 0; i < unknown.Count; i++)
        {
            var (member, match) = (unknown[i], matches[i]);
            if (match.Outcome == IdentityMatchOutcome.Matched)
            {
                known[member.SourceId] = match.Person!.OfficialId;
                await session.Connection.ExecuteAsync(session.Command(
                    "INSERT INTO official_identifiers (official_id, source, value, first_run_id) VALUES (@OfficialId, @identifierSource, @SourceId, @Run)",
                    new { match.Person.OfficialId, identifierSource, member.SourceId, Run = run.Id }));
            }
            else
            {
                var kind = match.Outcome == IdentityMatchOutcome.Ambiguous ? ImportIssueKinds.Ambiguous : ImportIssueKinds.Unmatched;
                run.Report(member.Line, kind, $"{member.FirstName} {member.LastName} ({member.SourceId}) : {match.Reason}".Replace("  ", " ", StringComparison.Ordinal));
            }
        }

        return known;
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
