using System.Data.Common;
using System.Diagnostics;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Import.Rne;
using CampaignDesk.Core.Officials;
using Dapper;
using Microsoft.Extensions.Logging;

namespace CampaignDesk.Core.Import;

/// <summary>
/// Imports one RNE file set-wise: its rows stream into a staging table, then a few statements compare them with
/// the mandates — new officials and mandates are added, mandates of this role missing from a newer release are
/// ended (never deleted), and a seat held twice keeps the holder with the latest start date. Memory stays flat
/// whatever the file size; everything happens in the caller's transaction. What it adds carries the run's id, what it
/// ends carries it as <c>end_run_id</c>, and what it reopens is journalled, so the run can be reverted.
/// </summary>
public sealed class RneImporter(Database database, TimeProvider time, ILogger<RneImporter> logger)
{
    private const string StagingName = "rne_staging";

    private readonly ImportJournal _journal = new(database);

    // Roles whose seat has one holder: a seat listed twice for them is a conflict to resolve.
    private const string SingleSeat = $"role IN ('{Roles.Depute}', '{Roles.Maire}')";

    private static readonly string[] StagingText =
    [
        "rne_key", "last_name", "first_name", "sex", "birth_date", "role", "seat_key", "department_code", "circonscription_code",
        "commune_insee", "canton_code", "region_code", "function_label", "start_date", "search_text",
    ];

    // The columns the statements below read from the staging table besides its key, which an index can cover.
    private static readonly string[] StagingPersonSeat = ["rne_key", "seat_key", "start_date"];

    // Indexes the statements below look rows up by; the other non-unique ones may be dropped during a large load.
    private static readonly string[] IndexesInUse = ["ix_mandates_official_id"];

    /// <summary>
    /// Below this many staged mandates the secondary indexes of officials and mandates are kept: re-creating them
    /// over the whole table costs more than inserting a few rows into them. Lowered by tests.
    /// </summary>
    internal int IndexRebuildMinRows { get; init; } = 100_000;

    /// <summary>A release may end at most this share of the current mandates of its type without confirmation.</summary>
    internal const double MaxEndShare = 0.10;

    /// <param name="confirmEnds">End what the file misses even when it does not look like a complete release.</param>
    /// <returns>The ids of the mandates this run made current again.</returns>
    public async Task<IReadOnlyList<long>> ImportAsync(DbSession session, RneFile file, ImportFile info, ImportRun run, string? latestRelease,
        bool confirmEnds)
    {
        var clock = Stopwatch.StartNew();
        var dialect = database.Dialect;
        var staging = dialect.TempTable(StagingName);
        var p = new { Run = run.Id, Now = time.GetUtcNow().UtcDateTime, Release = IsoDate.Format(info.ReleaseDate) };
        var territories = await RneTerritories.LoadAsync(session, file);
        await session.Connection.ExecuteAsync(Command(dialect.DropTempTable(StagingName), p, session));
        await session.Connection.ExecuteAsync(Command(dialect.CreateTempTable(StagingName, StagingText, ["line"]), p, session));
        // The file is read and folded on another core while this one inserts.
        await dialect.BulkInsertAsync(session.Connection, session.Transaction!, staging, ["line", .. StagingText],
            ReadAhead.Of(RneStagingRows.Of(file, run, territories)), session.CancellationToken);
        Phase(clock, "read", run.RowsRead);

        // Officials and mandates are added grouped by person and seat: an index holding every column they read lets
        // those statements scan it in order instead of jumping around the staging table. Only single-seat roles are
        // checked for duplicate holders.
        await session.Connection.ExecuteAsync(Command(
            dialect.CreateCoveringIndex($"ix_{StagingName}_person_seat", staging, StagingPersonSeat, StagingText.Except(StagingPersonSeat).ToList()),
            p, session));
        await session.Connection.ExecuteAsync(Command(
            $"CREATE INDEX ix_{StagingName}_seat ON {staging} (seat_key) WHERE {SingleSeat}", p, session));
        Phase(clock, "staged", run.RowsRead);

        await ResolveDuplicateSeatsAsync(session, staging, run);
        Phase(clock, "duplicates resolved", run.RowsRead);
        var staged = await session.Connection.ExecuteScalarAsync<int>(Command(
            $"SELECT COUNT(*) FROM (SELECT DISTINCT rne_key, seat_key, start_date FROM {staging}) d", p, session));

        // Asked before this run adds any: only mandates from earlier runs can be missing from the file.
        var roles = RolesOf(file.Type);
        var olderRelease = latestRelease is not null && string.CompareOrdinal(latestRelease, p.Release) > 0;
        if (olderRelease)
        {
            // Its holders who are missing from the newer release are former holders: adding them would bring them back.
            run.MandatesUnchanged = staged;
            run.Report(null, ImportIssueKinds.OlderRelease, ImportOutcome.Format(
                $"Cette version ({p.Release}) est plus ancienne que la dernière appliquée ({latestRelease}) : elle n'ajoute, ne rouvre et ne clôt aucun mandat."));
            await session.Connection.ExecuteAsync(Command(dialect.DropTempTable(StagingName), p, session));
            return [];
        }

        var mayEnd = await AnyOpenMandateAsync(session, roles, "source = 'rne'");
        // A seat key starts with its role: with no open mandate of these roles at all, none of the file's can exist yet,
        // and a first import of a file type skips a million look-ups.
        var seatsHeld = mayEnd || await AnyMandateAsync(session, roles);
        var reopened = seatsHeld ? await ReopenAsync(session, staging, roles, run, p.Release!) : [];

        var rebuild = staged >= IndexRebuildMinRows && staged > await session.Connection.ExecuteScalarAsync<long>(Command(
            "SELECT COUNT(*) FROM mandates", p, session));
        var dropped = rebuild
            ? [
                .. await dialect.DropSecondaryIndexesAsync(session.Connection, session.Transaction!, "officials", IndexesInUse, session.CancellationToken),
                .. await dialect.DropSecondaryIndexesAsync(session.Connection, session.Transaction!, "mandates", IndexesInUse, session.CancellationToken),
            ]
            : Array.Empty<string>();
        Phase(clock, $"counted, {dropped.Length} indexes dropped", staged);

        // Rows of one person differ at most by accents or case (the key folds them): any row's spelling will do.
        run.OfficialsAdded = await session.Connection.ExecuteAsync(Command($"""
            INSERT INTO officials (last_name, first_name, sex, birth_date, rne_key, search_text, created_utc, updated_utc, first_run_id)
            SELECT MIN(s.last_name), MIN(s.first_name), MIN(s.sex), MIN(s.birth_date), s.rne_key, MIN(s.search_text), @Now, @Now, @Run
            FROM {staging} s
            WHERE NOT EXISTS (SELECT 1 FROM officials o WHERE o.rne_key = s.rne_key)
            GROUP BY s.rne_key
            """, p, session));
        Phase(clock, "officials added", run.OfficialsAdded);

        run.MandatesAdded = await session.Connection.ExecuteAsync(Command($"""
            INSERT INTO mandates (official_id, role, seat_key, department_code, circonscription_code, commune_insee, canton_code,
                                  region_code, function_label, start_date, source, first_run_id)
            SELECT MIN(o.id), MIN(s.role), s.seat_key, MIN(s.department_code), MIN(s.circonscription_code), MIN(s.commune_insee),
                   MIN(s.canton_code), MIN(s.region_code), MIN(s.function_label), s.start_date, 'rne', @Run
            FROM {staging} s JOIN officials o ON o.rne_key = s.rne_key
            {(seatsHeld ? """
                WHERE NOT EXISTS (SELECT 1 FROM mandates m
                                  WHERE m.official_id = o.id AND m.seat_key = s.seat_key
                                    AND COALESCE(m.start_date, '') = COALESCE(s.start_date, ''))
                """ : "")}
            GROUP BY s.rne_key, s.seat_key, s.start_date
            """, p, session));
        run.MandatesUnchanged = staged - run.MandatesAdded - reopened.Count;
        Phase(clock, "mandates added", run.MandatesAdded);

        foreach (var index in dropped)
        {
            await session.Connection.ExecuteAsync(Command(index, p, session));
        }

        Phase(clock, $"{dropped.Length} indexes re-created", staged);
        if (mayEnd)
        {
            await EndMissingAsync(session, staging, roles, run, staged, confirmEnds, p);
        }

        Phase(clock, "mandates ended", run.MandatesEnded);
        await session.Connection.ExecuteAsync(Command(dialect.DropTempTable(StagingName), p, session));
        return reopened;
    }

    // Mandates this run added are in the file by construction: only earlier ones can be missing from it.
    private static string Missing(string staging, IReadOnlyList<string> roles) => $"""
        source = 'rne' AND end_date IS NULL AND role IN ({InRoles(roles)}) AND COALESCE(first_run_id, 0) <> @Run
          AND NOT EXISTS (SELECT 1 FROM {staging} s JOIN officials o ON o.rne_key = s.rne_key
                          WHERE o.id = mandates.official_id AND s.seat_key = mandates.seat_key
                            AND COALESCE(s.start_date, '') = COALESCE(mandates.start_date, ''))
        """;

    /// <summary>
    /// Ends the mandates of earlier runs that the file no longer lists, but only when the file looks like a whole
    /// release of its type: one that would end more than <see cref="MaxEndShare"/> of the current mandates is an
    /// extract, a département or a broken file, and ends nothing unless the caller confirms.
    /// </summary>
    private async Task EndMissingAsync(DbSession session, string staging, IReadOnlyList<string> roles, ImportRun run, int staged, bool confirmEnds, object p)
    {
        var counts = await session.Connection.QuerySingleAsync<(long Current, long Missing)>(Command($"""
            SELECT (SELECT COUNT(*) FROM mandates WHERE source = 'rne' AND end_date IS NULL AND role IN ({InRoles(roles)})
                      AND COALESCE(first_run_id, 0) <> @Run),
                   (SELECT COUNT(*) FROM mandates WHERE {Missing(staging, roles)})
            """, p, session));
        if (counts.Missing == 0)
        {
            return;
        }

        if (!confirmEnds && counts.Missing > counts.Current * MaxEndShare)
        {
            run.MandatesHeldBack = (int)counts.Missing;
            run.Report(null, ImportIssueKinds.EndsHeldBack, ImportOutcome.Format(
                $"Aucun mandat n'a été clos : ce fichier ({staged:N0} mandat(s)) en omet {counts.Missing:N0} sur les {counts.Current:N0} en cours de ce type, plus de {MaxEndShare:P0} ; il ressemble à un extrait ou à un seul département plutôt qu'à une publication complète. Les ajouts et mises à jour sont appliqués ; pour clore les mandats absents, relancez avec confirmEnds=true (--confirm-ends)."));
            return;
        }

        run.MandatesEnded = await session.Connection.ExecuteAsync(Command(
            $"UPDATE mandates SET end_date = @Release, end_run_id = @Run WHERE {Missing(staging, roles)}", p, session));
    }

    /// <summary>
    /// Mandates an earlier release ended that this one (as new or newer) lists again are made current again: the end
    /// was a mistake (an extract imported as a whole file), and adding them anew would give the seat two holders.
    /// </summary>
    private async Task<IReadOnlyList<long>> ReopenAsync(DbSession session, string staging, IReadOnlyList<string> roles, ImportRun run, string release)
    {
        var p = new { Run = run.Id, Release = release };
        var listed = $"""
            source = 'rne' AND end_date IS NOT NULL AND end_date <= @Release AND role IN ({InRoles(roles)})
              AND EXISTS (SELECT 1 FROM {staging} s JOIN officials o ON o.rne_key = s.rne_key
                          WHERE o.id = mandates.official_id AND s.seat_key = mandates.seat_key
                            AND COALESCE(s.start_date, '') = COALESCE(mandates.start_date, ''))
            """;
        var ids = (await session.Connection.QueryAsync<long>(Command($"SELECT id FROM mandates WHERE {listed} ORDER BY id", p, session))).ToList();
        if (ids.Count > 0)
        {
            await _journal.MandatesAsync(session, run.Id, "reopened", listed, p);
            await session.Connection.ExecuteAsync(Command(
                $"UPDATE mandates SET end_date = NULL, end_run_id = NULL WHERE {listed}", p, session));
        }

        run.MandatesReopened = ids.Count;
        return ids;
    }

    private async Task<bool> AnyMandateAsync(DbSession session, IReadOnlyList<string> roles) =>
        await session.Connection.ExecuteScalarAsync<int>(Command($"""
            SELECT CASE WHEN EXISTS (SELECT 1 FROM mandates WHERE role IN ({InRoles(roles)})) THEN 1 ELSE 0 END
            """, new { }, session)) == 1;

    /// <param name="condition">A constant SQL condition on the mandate (its source), never user input.</param>
    private async Task<bool> AnyOpenMandateAsync(DbSession session, IReadOnlyList<string> roles, string condition) =>
        await session.Connection.ExecuteScalarAsync<int>(Command($"""
            SELECT CASE WHEN EXISTS (SELECT 1 FROM mandates WHERE {condition} AND end_date IS NULL AND role IN ({InRoles(roles)})) THEN 1 ELSE 0 END
            """, new { }, session)) == 1;

    private static string InRoles(IReadOnlyList<string> roles) => string.Join(", ", roles.Select(r => $"'{r}'"));

    private void Phase(Stopwatch clock, string phase, int rows) =>
        logger.LogDebug("RNE import: {Phase} ({Rows} rows) after {Elapsed} ms", phase, rows, clock.ElapsedMilliseconds);

    private CommandDefinition Command(string sql, object parameters, DbSession session) =>
        database.BulkCommand(sql, parameters, session.Transaction!, session.CancellationToken);

    /// <summary>
    /// A seat of a single-holder role listed twice: the holder with the latest mandate start stays (the other is a
    /// stale row of the release), and the conflict is reported. Rows repeating one person and seat fold into one
    /// mandate when mandates are added.
    /// </summary>
    private async Task ResolveDuplicateSeatsAsync(DbSession session, string staging, ImportRun run)
    {
        // A seat key starts with its role, so t's role is the row's: saying so lets the partial seat index serve.
        var newer = $"""
            EXISTS (SELECT 1 FROM {staging} t
                    WHERE t.seat_key = {staging}.seat_key AND t.{SingleSeat} AND t.rne_key <> {staging}.rne_key
                      AND (COALESCE(t.start_date, '') > COALESCE({staging}.start_date, '')
                           OR (COALESCE(t.start_date, '') = COALESCE({staging}.start_date, '') AND t.line > {staging}.line)))
            """;
        var p = new { Run = run.Id };
        var stale = (await session.Connection.QueryAsync<(long Line, string LastName, string FirstName, string SeatKey, string? StartDate)>(Command(
            $"SELECT line, last_name, first_name, seat_key, start_date FROM {staging} WHERE {SingleSeat} AND {newer} ORDER BY line",
            p, session))).ToList();
        foreach (var row in stale)
        {
            run.Report((int)row.Line, ImportIssueKinds.DuplicateSeat,
                $"{row.FirstName} {row.LastName} (mandat depuis le {row.StartDate ?? "?"}) figure aussi pour le siège {row.SeatKey} : le titulaire au mandat le plus récent est gardé.");
        }

        if (stale.Count > 0)
        {
            await session.Connection.ExecuteAsync(Command($"DELETE FROM {staging} WHERE {SingleSeat} AND {newer}", p, session));
        }
    }

    internal static IReadOnlyList<string> RolesOf(RneFileType type) => type switch
    {
        RneFileType.Deputes => [Roles.Depute],
        RneFileType.Senateurs => [Roles.Senateur],
        RneFileType.Maires => [Roles.Maire],
        RneFileType.ConseillersDepartementaux => [Roles.ConseillerDepartemental],
        RneFileType.ConseillersRegionaux => [Roles.ConseillerRegional],
        RneFileType.ConseillersMunicipaux => [Roles.ConseillerMunicipal],
        RneFileType.ConseillersArrondissement => [Roles.ConseillerArrondissement],
        _ => [Roles.DeputeEuropeen],
    };
}
