using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;

namespace CampaignDesk.Core.Campaigns;

/// <summary>What a write for a campaign must find true of it, checked in the write's own unit of work.</summary>
public sealed class CampaignRules(TimeProvider time)
{
    /// <summary>
    /// Adds an error when the campaign is given and is not running: nothing is sent for a campaign in draft, ended (by hand or
    /// past its deadline) or archived.
    /// </summary>
    public async Task RequireRunningAsync(DbSession session, long? campaignId, Errors errors)
    {
        var today = ParisTime.Today(time);
        if (campaignId is null)
        {
            return;
        }

        var campaign = await session.SingleOrDefaultAsync<(string Title, string Status, string? Deadline)>(
            $"SELECT c.title, {CampaignStatuses.Sql("c")} AS status, c.deadline FROM campaigns c WHERE c.id = @campaignId",
            new { campaignId, today = IsoDate.Format(today) });
        if (campaign.Status is { } status && status != CampaignStatuses.Active)
        {
            errors.Add("campaignId", status switch
            {
                CampaignStatuses.Draft => Messages.CampaignDraft.With(campaignId),
                CampaignStatuses.Ended when IsoDate.Parse(campaign.Deadline) is { } deadline && deadline < today =>
                    Messages.CampaignEndedOnDeadline.With(campaignId, deadline),
                _ => Messages.CampaignNotRunning.With(campaignId, status),
            });
        }
    }

    /// <summary>Adds an error when the campaign is given and the organisation does not take part in it.</summary>
    public async Task RequireParticipantAsync(DbSession session, long? campaignId, long? organisationId, Errors errors)
    {
        if (campaignId is not null && organisationId is not null && await session.ScalarAsync<long?>(
                "SELECT campaign_id FROM campaign_organisations WHERE campaign_id = @campaignId AND organisation_id = @organisationId",
                new { campaignId, organisationId }) is null)
        {
            errors.Add("campaignId", Messages.NotParticipant, organisationId, campaignId);
        }
    }
}
