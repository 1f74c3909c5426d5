using CampaignDesk.Api.Hosting;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.FollowUps;

namespace CampaignDesk.Api.FollowUps;

/// <summary>A batch of follow-ups as the API writes it: what left out an official in the reader's language, with its codes.</summary>
public sealed record FollowUpBatchView(long? Id, bool DryRun, int Scheduled, int Refused, IReadOnlyList<FollowUpBatchItemView> Items)
{
    internal static FollowUpBatchView Of(FollowUpBatch batch, HttpRequest request)
    {
        var language = ProblemLanguage.Of(request);
        return new(batch.Id, batch.DryRun, batch.Scheduled, batch.Refused, [.. batch.Items.Select(item => new FollowUpBatchItemView(
            item.OfficialId, item.OfficialName, item.FollowUp, item.Reasons,
            item.Errors?.ToDictionary(e => e.Key, e => e.Value.Select(m => m.In(language)).ToArray(), StringComparer.Ordinal),
            item.Errors?.ToDictionary(e => e.Key, e => e.Value.Select(m => m.Code).ToArray(), StringComparer.Ordinal)))]);
    }
}

/// <summary>One official of a batch: the message as it leaves and why then, or the errors that leave it out (as a validation problem names them).</summary>
public sealed record FollowUpBatchItemView(long OfficialId, string? OfficialName, FollowUp? FollowUp, IReadOnlyList<PlanReason> Reasons,
    IDictionary<string, string[]>? Errors, IDictionary<string, string[]>? ErrorCodes);
