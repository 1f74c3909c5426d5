using System.Data.Common;
using System.Text.Json;
using CampaignDesk.Core.Contacts;
using CampaignDesk.Core.Data;
using Dapper;

namespace CampaignDesk.Core.Import.Contacts;

/// <summary>
/// Gives communes their mairie's e-mail, phone, address and site from the administration's directory
/// (<see cref="MairieDirectory"/>), matched by INSEE code, or by département and name where the file has no code.
/// They are the commune's contact points (<c>commune_contacts</c>, use <c>mairie</c>), read with its current maire.
/// Mairies déléguées and annexes, unknown and ambiguous communes are reported, never guessed.
/// </summary>
public sealed class MairieImporter(Database database, TimeProvider time)
{
    /// <summary>The contact points' source: the directory of service-public.fr.</summary>
    public const string Source = "service_public";

    internal async Task ImportAsync(DbSession session, Stream stream, ImportRun run)
    {
        if (!ContactFiles.IsJson(stream))
        {
            await ImportAsync(session, MairieDirectory.ReadCsv(stream), csv: true, run);
            return;
        }

        // The directory's JSON is read whole: a file of the mairies (some 36,000 records, about 70 MB) fits; the whole
        // directory of every service does not and is refused with the reason.
        if (stream.Length > MairieDirectory.MaxJsonBytes)
        {
            throw new InvalidDataException(ImportOutcome.Format(
                $"Fichier JSON de {stream.Length / 1024 / 1024} Mo : au-delà de {MairieDirectory.MaxJsonBytes / 1024 / 1024} Mo, extrayez d'abord les mairies de l'annuaire (pivot « mairie »)."));
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(stream, new JsonDocumentOptions { AllowTrailingCommas = true }, session.CancellationToken);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"JSON illisible, rien n'est importé : {ex.Message}", ex);
        }

        using var _ = document;
        await ImportAsync(session, MairieDirectory.ReadJson(document), csv: false, run);
    }

    private async Task ImportAsync(DbSession session, IEnumerable<MairieRecord> records, bool csv, ImportRun run)
    {
        var communes = (await session.Connection.QueryAsync<(string Insee, string Name, string? DepartmentCode)>(session.Command(
            "SELECT insee, name, department_code FROM communes"))).ToList();
        // INSEE's list leaves out the communes of Nouvelle-Calédonie, Polynésie and Wallis-et-Futuna; the RNE's maires name them.
        var known = communes.Select(c => c.Insee).Concat(await session.Connection.QueryAsync<string>(session.Command(
            "SELECT DISTINCT commune_insee FROM mandates WHERE role = 'maire' AND commune_insee IS NOT NULL")))
            .ToHashSet(StringComparer.Ordinal);
        var names = new CommuneNames(communes);

        var values = new Dictionary<string, List<ContactValue>>(StringComparer.Ordinal);
        var secondary = 0;
        foreach (var record in records)
        {
            run.RowsRead++;
            foreach (var problem in record.Problems)
            {
                run.Report(record.Line, ImportIssueKinds.InvalidContact, problem);
            }

            if (!record.Main)
            {
                secondary++;
                continue;
            }

            if (Locate(record, known, names, run) is { } insee)
            {
                if (!values.TryGetValue(insee, out var list))
                {
                    values[insee] = list = [];
                }

                list.AddRange(record.Contacts);
            }
        }

        if (secondary > 0)
        {
            run.Report(null, ImportIssueKinds.Skipped, ImportOutcome.Format(
                $"{secondary} mairie(s) déléguée(s) ou annexe(s) ignorée(s) : on écrit à la mairie de la commune."));
        }

        var writer = new ContactPointWriter(database, session, run, time.GetUtcNow().UtcDateTime);
        await writer.ReplaceForCommunesAsync(Source, MairieDirectory.KindsOf(csv), values);
        writer.ReportOlder();
    }

    private static string? Locate(MairieRecord record, HashSet<string> known, CommuneNames names, ImportRun run)
    {
        if (record.Insee is { } code)
        {
            if (known.Contains(code))
            {
                return code;
            }

            run.Report(record.Line, ImportIssueKinds.Unmatched, $"{record.Name} : code INSEE {code} inconnu du COG 2026 et des maires (commune fusionnée ou supprimée ?).");
            return null;
        }

        var found = record.DepartmentCode is { } department && record.CommuneName is { } name ? names.Find(department, name) : [];
        if (found.Count == 1)
        {
            return found[0];
        }

        run.Report(record.Line, found.Count == 0 ? ImportIssueKinds.Unmatched : ImportIssueKinds.Ambiguous, found.Count == 0
            ? $"{record.Name} ({record.DepartmentCode}) : aucune commune de ce nom dans le département au COG 2026 (fusionnée, renommée ?)."
            : $"{record.Name} ({record.DepartmentCode}) : {found.Count} communes de ce nom ({string.Join(", ", found)}), aucune n'est choisie.");
        return null;
    }
}
