using CampaignDesk.Core.Common;
using CampaignDesk.Core.Officials;
using CampaignDesk.Core.Territories;
using CampaignDesk.Core.Text;

namespace CampaignDesk.Core.Import.Rne;

/// <summary>The rows <see cref="RneImporter"/> stages, in the order of its staging columns, from the records of one file.</summary>
internal static class RneStagingRows
{
    /// <summary>
    /// Rows to stage; a row that cannot be read, names a commune or canton INSEE does not know, or names no seat is
    /// reported with its line instead.
    /// </summary>
    public static IEnumerable<object?[]> Of(RneFile file, ImportRun run, RneTerritories? territories)
    {
        foreach (var (record, problem) in file.Read())
        {
            run.RowsRead++;
            if (problem is not null)
            {
                run.Report(problem.Line, ImportIssueKinds.Unreadable, problem.Reason);
                continue;
            }

            if (territories?.Unknown(record!) is { } unknown)
            {
                run.Report(record!.Line, ImportIssueKinds.Unreadable, unknown);
                continue;
            }

            var seat = Seat(record!);
            if (seat.Key is null)
            {
                run.Report(record!.Line, ImportIssueKinds.Unreadable, $"Pas de {seat.Missing} : impossible de situer ce mandat ({record.Role}).");
                continue;
            }

            var r = record!;
            var birth = IsoDate.Format(r.BirthDate);
            var (last, first) = (SearchText.Fold(r.LastName), SearchText.Fold(r.FirstName));
            yield return
            [
                (long)r.Line, $"{last}|{first}|{birth}", r.LastName.Trim(), r.FirstName.Trim(),
                r.Sex?.ToString(), birth, r.Role, seat.Key, seat.Department, seat.Circonscription, r.CommuneInsee, r.CantonCode,
                r.RegionCode, Blank(r.Function), IsoDate.Format(r.MandateStart), FoldedFullName(last, first),
            ];
        }
    }

    // SearchText.Fold($"{last} {first}") from the folded parts, without folding the names twice: folding goes
    // character by character, drops leading and trailing spaces and collapses the rest, so the space joins them.
    private static string FoldedFullName(string last, string first) =>
        last.Length == 0 ? first : first.Length == 0 ? last : $"{last} {first}";

    private static (string? Key, string? Missing, string? Department, string? Circonscription) Seat(RneRecord r)
    {
        var department = r.DepartmentCode ?? r.CollectivityCode;
        return r.Role switch
        {
            Roles.Depute when department is not null && r.CirconscriptionNumber is { } n =>
                ($"{Roles.Depute}:{CirconscriptionCode.Of(department, n)}", null, department, CirconscriptionCode.Of(department, n)),
            Roles.Depute => (null, "circonscription", department, null),
            Roles.Senateur when department is not null => ($"{Roles.Senateur}:{department}", null, department, null),
            Roles.Maire or Roles.ConseillerMunicipal or Roles.ConseillerArrondissement when r.CommuneInsee is not null =>
                ($"{r.Role}:{r.CommuneInsee}", null, department, null),
            Roles.ConseillerDepartemental when r.CantonCode is not null => ($"{r.Role}:{r.CantonCode}", null, department, null),
            Roles.ConseillerRegional when r.RegionCode is not null => ($"{r.Role}:{r.RegionCode}", null, r.SectionDepartmentCode, null),
            Roles.DeputeEuropeen => ($"{r.Role}:FR", null, null, null),
            Roles.Senateur => (null, "département", null, null),
            Roles.ConseillerDepartemental => (null, "canton", department, null),
            Roles.ConseillerRegional => (null, "région", null, null),
            _ => (null, "commune", department, null),
        };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
