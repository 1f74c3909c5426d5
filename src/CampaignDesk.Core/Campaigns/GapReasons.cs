using CampaignDesk.Core.Common;
using CampaignDesk.Core.Exports;
using CampaignDesk.Core.Officials;

namespace CampaignDesk.Core.Campaigns;

/// <summary>
/// The gaps' ranking (<see cref="CoverageService.GapsAsync"/>) told in French, one criterion after the other, so a
/// federation reads why an élu stands above another without knowing the rule: the page and the export show the same.
/// </summary>
public static class GapReasons
{
    /// <summary>The most rows a gaps export holds (the whole list for the default targeting, and more).</summary>
    public const int MaxExportRows = 50_000;

    public static string Of(Gap gap)
    {
        var e = RoleTitles.IsFeminine(gap.Sex) switch { true => "e", false => "", null => "·e" };
        var rank = gap.Role switch
        {
            "depute" => "les députés passent en premier",
            "senateur" => "après les députés",
            "maire" => "après les députés et les sénateurs",
            _ => "après les députés, les sénateurs et les maires",
        };
        var reason = string.Join(" ; ",
            gap.Contacted ? $"contacté{e} sans avoir été joint{e}" : $"jamais contacté{e}",
            gap.Stance == "unknown" ? "position inconnue" : $"position connue ({FrenchLabels.Stance(gap.Stance).ToLowerInvariant()})",
            gap.InParticipantDepartment ? "dans le département d'une structure participante" : "hors des départements des structures participantes",
            $"{gap.Title.ToLowerInvariant()} : {rank}") + ".";
        return char.ToUpperInvariant(reason[0]) + reason[1..];
    }

    /// <summary>The gaps as a table to export, in French, in the ranking's order with its reasons.</summary>
    public static ExportTable ToTable(IEnumerable<Gap> gaps) => new("Manques classés",
        ["Rang", "Nom", "Prénom", "Mandat", "Département", "Groupe", "Contacté·e", "Dernier contact", "Position", "Raison du rang"],
        gaps.Select((g, index) => (IReadOnlyList<object?>)
            [index + 1, g.LastName, g.FirstName, g.Title, g.DepartmentCode, g.GroupLabel, g.Contacted ? "Oui" : "Non", g.LastContactUtc,
             FrenchLabels.Stance(g.Stance), g.Reason]));

    /// <summary>Every gap the caller may read, page after page, up to <see cref="MaxExportRows"/>.</summary>
    public static async Task<List<Gap>?> AllAsync(CoverageService coverage, Users.Caller caller, long campaignId, CancellationToken cancellationToken)
    {
        var all = new List<Gap>();
        for (var number = 1; all.Count < MaxExportRows; number++)
        {
            var page = await coverage.GapsAsync(caller, campaignId, new PageRequest(number, PageRequest.MaxPageSize), cancellationToken);
            if (page is null)
            {
                return null;
            }

            all.AddRange(page.Items);
            if (page.Items.Count < PageRequest.MaxPageSize)
            {
                break;
            }
        }

        return all;
    }
}
