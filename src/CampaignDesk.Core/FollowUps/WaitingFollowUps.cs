using CampaignDesk.Core.Common;
using CampaignDesk.Core.Exports;
using CampaignDesk.Core.Organisations;
using CampaignDesk.Core.Users;

namespace CampaignDesk.Core.FollowUps;

/// <summary>
/// The follow-ups waiting to leave (scheduled or being sent) of a campaign, across the structures the caller may see
/// (admins: every one), with each structure's name: the federation view's table and its download.
/// </summary>
public sealed class WaitingFollowUps(FollowUpService followUps, OrganisationStore organisations)
{
    /// <summary>The most rows the download holds.</summary>
    public const int MaxRows = 20_000;

    private static readonly Dictionary<string, string> States = new(StringComparer.Ordinal)
    {
        [FollowUpStates.Scheduled] = "Programmée",
        [FollowUpStates.Claimed] = "En cours d'envoi",
    };

    public async Task<ExportTable> TableAsync(Caller caller, long campaignId, CancellationToken cancellationToken)
    {
        var waiting = new List<FollowUp>();
        foreach (var state in States.Keys)
        {
            for (var number = 1; waiting.Count < MaxRows; number++)
            {
                var page = await followUps.SearchAsync(caller, new FollowUpQuery(state, null, campaignId, null,
                    new PageRequest(number, PageRequest.MaxPageSize), null), cancellationToken);
                waiting.AddRange(page.Items);
                if (page.Items.Count < PageRequest.MaxPageSize)
                {
                    break;
                }
            }
        }

        var names = new Dictionary<long, string>();
        foreach (var id in waiting.Select(f => f.OrganisationId).Distinct())
        {
            names[id] = (await organisations.GetAsync(id, cancellationToken))?.Name ?? $"Structure {id}";
        }

        return new ExportTable("Relances en attente",
            ["Structure", "Départ prévu", "Destinataire", "Objet", "État"],
            waiting.OrderBy(f => names[f.OrganisationId], StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), ignoreCase: true)).ThenBy(f => f.DueUtc)
                .Select(f => (IReadOnlyList<object?>)[names[f.OrganisationId], f.DueUtc, f.ToName, f.Subject, States.GetValueOrDefault(f.State, f.State)]));
    }
}
